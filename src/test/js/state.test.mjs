// The browser's generic state decoder against the Java one: src/test/resources/parity/state.json holds the frames a
// player and a screen of a coin rush room were sent, in binary and JSON, with what dev.arena.snapshot.StateDecoder
// made of each (written and kept true by dev.arena.snapshot.StateFixtureTest); plus events and an input.
// webapp/js/state.js must make exactly the same of every frame, in both formats.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StateDecoder, decodeEvent, inputBinary, inputJson, shows } from '../../../webapp/js/state.js';

const fixture = JSON.parse(readFileSync(new URL('../resources/parity/state.json', import.meta.url), 'utf8'));
const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));

/** What a decoder knows, shaped as StateFixtureTest.model. */
function model(d) {
  const entities = {};
  for (const [kind, table] of d.entities) {
    entities[kind] = [...table.entries()].sort((a, b) => a[0] - b[0])
      .map(([id, e]) => ({ id, owner: e.owner, values: { ...e.values } }));
  }
  return { tick: d.tick, phase: d.phase, scores: d.scores, entities };
}

for (const viewer of fixture.viewers) {
  test(`every frame decodes as in Java, binary and JSON: ${viewer.role} ${viewer.player}`, () => {
    assert.ok(viewer.steps.length >= 100);
    const binary = new StateDecoder(fixture.schema, viewer);
    const json = new StateDecoder(fixture.schema, viewer);
    viewer.steps.forEach((step, i) => {
      binary.apply(bytes(step.binary));
      json.apply(step.json);
      assert.deepEqual(model(binary), step.model, `binary frame ${i + 1}`);
      assert.deepEqual(model(json), step.model, `JSON frame ${i + 1}`);
    });
  });
}

test('a player sees its own streak and nobody else\'s; a screen sees no streak', () => {
  const [player, screen] = fixture.viewers;
  const last = (v) => v.steps.at(-1).model.entities.player;
  for (const e of last(player)) assert.equal('streak' in e.values, e.id === player.player, `player ${e.id}`);
  for (const e of last(screen)) assert.equal('streak' in e.values, false);
});

test('events decode the same from both formats', () => {
  assert.ok(fixture.events.length > 3);
  for (const e of fixture.events) {
    assert.deepEqual(decodeEvent(fixture.schema, e.json), e.decoded);
    assert.deepEqual(decodeEvent(fixture.schema, bytes(e.binary)), e.decoded);
  }
});

test('inputs encode to the bytes and text the Java codec makes', () => {
  for (const i of fixture.inputs) {
    assert.deepEqual(inputBinary(fixture.schema, i.name, i.seq, i.values), bytes(i.binary));
    assert.equal(inputJson(fixture.schema, i.name, i.seq, i.values), i.json);
  }
});

test('visibility rules', () => {
  assert.equal(shows('owner', { player: 3, role: 'player' }, 3), true);
  assert.equal(shows('owner', { player: 0, role: 'screen' }, 0), false);
  assert.equal(shows('roles:screen,spectator', { player: 0, role: 'screen' }, 0), true);
  assert.equal(shows('roles:screen', { player: 1, role: 'player' }, 1), false);
  assert.equal(shows('hidden', { player: 1, role: 'player' }, 1), false);
});

test('a cut-short frame is an error, not a wrong state', () => {
  const d = new StateDecoder(fixture.schema, fixture.viewers[1]);
  const frame = bytes(fixture.viewers[1].steps[0].binary);
  assert.throws(() => d.apply(frame.subarray(0, frame.length - 1)));
});

test('a state frame with the viewer\'s ack (flag 8, a varint after the flags byte; JSON "ack") decodes the same', () => {
  const viewer = fixture.viewers[0];
  const plain = new StateDecoder(fixture.schema, viewer);
  const acked = new StateDecoder(fixture.schema, viewer);
  const json = new StateDecoder(fixture.schema, viewer);
  viewer.steps.forEach((step, i) => {
    const b = bytes(step.binary);
    let flags = 1;
    while (b[flags] & 0x80) flags++; // past the tick's varint (dev.arena.snapshot.Acks)
    flags++;
    const ack = 300 + i; // two varint bytes
    const withAck = new Uint8Array([...b.subarray(0, flags), b[flags] | 8, (ack & 0x7f) | 0x80, ack >> 7, ...b.subarray(flags + 1)]);
    plain.apply(b);
    acked.apply(withAck);
    json.apply({ ...JSON.parse(typeof step.json === 'string' ? step.json : JSON.stringify(step.json)), ack });
    assert.equal(plain.ack, undefined);
    assert.equal(acked.ack, ack);
    assert.equal(json.ack, ack);
    assert.deepEqual(model(acked), model(plain), `frame ${i + 1}`);
    assert.deepEqual(model(json), model(plain), `JSON frame ${i + 1}`);
  });
});
