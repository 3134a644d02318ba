// The browser's compact-snapshot decoder against the server's: src/test/resources/parity/snapshots.json holds the
// binary frames one client of a room on a gridded map was sent (some snapshots dropped in between) and the snapshot
// the Java decoder made of each (written by dev.arena.server.snapshot.SnapshotFixtureTest, which keeps it true). The
// browser's SnapshotDecoder must make exactly the same snapshots. Plus the decoder's rules on hand-made frames.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SnapshotDecoder as Decoder, SNAPSHOT_SUBPROTOCOL, encode } from '../../../webapp/js/protocol.js';
import { step } from '../../../webapp/games/dots/step.js';

/** The decoder as the dots game's feed makes it: with the dots game's step. */
class SnapshotDecoder extends Decoder {
  constructor() {
    super(step);
  }
}

const fixture = JSON.parse(readFileSync(new URL('../resources/parity/snapshots.json', import.meta.url), 'utf8'));

function welcome(rules, id) {
  return encode({ type: 'welcome', protocol: 1, id, room: 'r', ...rules, tick: 0, players: [], token: 'x'.repeat(22), resumed: false });
}

test('the subprotocol name is the server\'s', () => {
  assert.equal(SNAPSHOT_SUBPROTOCOL, 'arena.binary.1');
});

test('every frame of the fixture decodes to the snapshot the Java decoder made', () => {
  assert.ok(fixture.steps.length > 50);
  const decoder = new SnapshotDecoder();
  assert.equal(decoder.decode(welcome(fixture.rules, fixture.selfId)).type, 'welcome');
  for (const step of fixture.steps) {
    const bytes = Buffer.from(step.frame, 'base64');
    const message = decoder.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    assert.equal(message.type, 'snapshot');
    assert.equal(message.tick, step.tick);
    assert.equal(message.time, step.time);
    const got = message.players.map((p) => [p.id, p.x, p.y, p.seq]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(got, step.players, `tick ${step.tick}`);
  }
});

/** A frame by hand: [kind, tick, time, ack, cells...] with cells as [cell, form, entries]. */
function frame(tick, ack, cells) {
  const out = [];
  const varint = (v) => {
    while (v >= 128) {
      out.push((v % 128) + 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  out.push(1);
  varint(tick);
  varint(1_763_740_800_000 + tick * 50);
  varint(ack);
  varint(cells.length);
  for (const [cell, form, entries] of cells) {
    varint(cell);
    out.push(form);
    varint(entries.length);
    for (const e of entries) {
      varint(e.id);
      if (e.left) out.push(9);
      else {
        out.push((e.dx + 1) * 3 + (e.dy + 1));
        varint(Math.round(e.x * 100));
        varint(Math.round(e.y * 100));
      }
    }
  }
  return new Uint8Array(out).buffer;
}

const RULES = { width: 500, height: 500, tickRate: 20, speed: 200, radius: 10 };

test('a delta moves the players it does not mention by one tick; entries turn, arrive and leave', () => {
  const d = new SnapshotDecoder();
  d.decode(welcome(RULES, 7));
  let s = d.decode(frame(10, 3, [[0, 0, [{ id: 7, dx: 1, dy: 0, x: 100, y: 100 }, { id: 8, dx: 0, dy: 0, x: 50, y: 60 }]]]));
  assert.deepEqual(s.players, [{ id: 7, x: 100, y: 100, seq: 3 }, { id: 8, x: 50, y: 60, seq: 0 }]);
  s = d.decode(frame(11, 4, [[0, 1, []]]));
  assert.deepEqual(s.players, [{ id: 7, x: 110, y: 100, seq: 4 }, { id: 8, x: 50, y: 60, seq: 0 }]);
  s = d.decode(frame(12, 4, [[0, 1, [{ id: 8, left: true }, { id: 9, dx: 0, dy: 1, x: 1, y: 2 }]]]));
  assert.deepEqual(s.players.map((p) => p.id), [7, 9]);
  assert.equal(s.players[0].x, 120);
});

test('a player moving between two delta cells lands whatever the order of the cells', () => {
  for (const order of [[0, 1], [1, 0]]) {
    const d = new SnapshotDecoder();
    d.decode(welcome(RULES, 1));
    d.decode(frame(1, 0, [[0, 0, [{ id: 5, dx: 1, dy: 0, x: 240, y: 10 }]], [1, 0, []]]));
    const cells = { 0: [0, 1, [{ id: 5, left: true }]], 1: [1, 1, [{ id: 5, dx: 1, dy: 0, x: 250, y: 10 }]] };
    const s = d.decode(frame(2, 0, order.map((c) => cells[c])));
    assert.deepEqual(s.players, [{ id: 5, x: 250, y: 10, seq: 0 }], `cells in order ${order}`);
  }
});

test('players of a cell that left the view are gone; a full cell replaces what was known of it', () => {
  const d = new SnapshotDecoder();
  d.decode(welcome(RULES, 1));
  d.decode(frame(1, 0, [[0, 0, [{ id: 1, dx: 0, dy: 0, x: 10, y: 10 }]], [1, 0, [{ id: 2, dx: 0, dy: 0, x: 300, y: 10 }]]]));
  let s = d.decode(frame(2, 0, [[0, 1, []]]));
  assert.deepEqual(s.players.map((p) => p.id), [1]);
  s = d.decode(frame(3, 0, [[0, 0, [{ id: 3, dx: 0, dy: 0, x: 20, y: 20 }]]]));
  assert.deepEqual(s.players.map((p) => p.id), [3]);
});

test('a new welcome forgets everything; text frames pass through; garbage is ignored', () => {
  const d = new SnapshotDecoder();
  assert.equal(d.decode(frame(1, 0, [])), null, 'no snapshot before welcome');
  d.decode(welcome(RULES, 1));
  d.decode(frame(1, 0, [[0, 0, [{ id: 1, dx: 0, dy: 0, x: 10, y: 10 }]]]));
  d.decode(welcome(RULES, 1));
  assert.deepEqual(d.decode(frame(2, 0, [[0, 1, []]])).players, []);
  assert.equal(d.decode('{"type":"pong","t":1,"time":2}').type, 'pong');
  assert.equal(d.decode(new Uint8Array([1, 0x80]).buffer), null);
});

test('the decoder is handed the game\'s rule: it has none of its own', () => {
  assert.throws(() => new Decoder(), TypeError);
  const moved = [];
  const d = new Decoder((p, dx, dy) => (moved.push([dx, dy]), { x: p.x + 1, y: p.y }));
  d.decode(welcome(RULES, 7));
  d.decode(frame(10, 0, [[0, 0, [{ id: 7, dx: 1, dy: 0, x: 100, y: 100 }]]]));
  assert.deepEqual(d.decode(frame(11, 0, [[0, 1, []]])).players, [{ id: 7, x: 101, y: 100, seq: 0 }]);
  assert.deepEqual(moved, [[1, 0]]);
});
