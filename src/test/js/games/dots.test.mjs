// The dots game's browser module (webapp/games/dots/): its feed's input frames and messages, and what it draws on a
// fake 2D context. Its rule is checked to the bit by parity.test.mjs and its state by room.test.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import dots from '../../../../webapp/games/dots/index.js';
import { SNAPSHOT_SUBPROTOCOL } from '../../../../webapp/js/protocol.js';
import { statusState, statusText } from '../../../../webapp/js/page.js';

const welcome = { type: 'welcome', protocol: 1, game: 'dots', id: 7, room: 'r', width: 500, height: 400, tickRate: 20, speed: 200, radius: 10, tick: 3,
  players: [{ id: 7, name: 'Ada', color: '#3cdd3c', x: 10, y: 20 }, { id: 8, name: 'Bo', color: 'red', x: 30, y: 40 }] };

test('the feed: rules, players and the own start from welcome; inputs as JSON or the 3-byte binary frame', () => {
  const feed = dots.enter(welcome, { role: 'player' });
  assert.deepEqual(feed.rules, { protocol: 1, width: 500, height: 400, tickRate: 20, speed: 200, radius: 10 });
  assert.deepEqual(feed.start(), { tick: 3, state: { x: 10, y: 20 } });
  assert.deepEqual(feed.players().map((p) => p.name), ['Ada', 'Bo']);
  assert.equal(feed.players()[1].color, null, 'a colour that is no #rrggbb is dropped (the core shows grey)');
  assert.equal(feed.encodeInput(300, dots.input({ dx: 1, dy: 0 }), ''), '{"type":"input","seq":300,"dx":1,"dy":0}');
  assert.deepEqual([...new Uint8Array(feed.encodeInput(300, dots.input({ dx: 1, dy: 0 }), SNAPSHOT_SUBPROTOCOL))], [2, 0xac, 0x02, 7]);
  for (const type of ['pong', 'error', 'chat', 'audience', 'party', 'self', 'somethingNew']) assert.equal(feed.receive({ type }), null, type);
  assert.deepEqual(feed.receive({ type: 'playerLeft', id: 8 }), { gone: [8] });
  const update = feed.receive({ type: 'snapshot', tick: 4, time: 1, players: [{ id: 7, x: 20, y: 20, seq: 2 }, { id: 99, x: 1, y: 1, seq: 0 }] });
  assert.deepEqual([...update.positions.keys()], [7], 'unknown players are left out');
  assert.deepEqual(update.own, { state: { x: 20, y: 20 }, ack: 2 });
});

test('draw: every dot in its colour, the own one with a halo and a white ring, names with fillText', () => {
  const calls = [];
  const ctx = new Proxy({}, {
    get: (target, key) => (key in target ? target[key] : (...args) => calls.push([key, ...args, target.fillStyle, target.strokeStyle])),
    set: (target, key, value) => { target[key] = value; return true; },
  });
  dots.draw(ctx, { players: [{ id: 8, name: 'Bo', color: '#bf3f6a', x: 30, y: 40, self: false }, { id: 7, name: '<i>Ada</i>', color: '#3cdd3c', x: 10, y: 20, self: true }],
    rules: { radius: 10 }, scale: 2, stale: false });
  const fills = calls.filter((c) => c[0] === 'fill').map((c) => c[1]);
  assert.deepEqual(fills, ['#bf3f6a', 'rgba(255, 255, 255, 0.12)', '#3cdd3c']);
  assert.equal(calls.filter((c) => c[0] === 'stroke').length, 1, 'one ring: the own dot');
  assert.deepEqual(calls.filter((c) => c[0] === 'fillText').map((c) => c[1]), ['Bo', '<i>Ada</i>']);
  assert.equal(ctx.globalAlpha, 1);
});

test('the page\'s status line', () => {
  assert.equal(statusText({ state: 'connected' }, true), 'connected');
  assert.equal(statusText({ state: 'connected' }, false), 'joining…');
  assert.equal(statusText({ state: 'connected' }, false, { blocked: true }), 'not in a room');
  assert.equal(statusText({ state: 'reconnecting', retryAt: 2500 }, false, { now: 0 }), 'reconnecting in 3s');
  assert.equal(statusText({ state: 'reconnecting', retryAt: null }, false), 'reconnecting…');
  assert.equal(statusText({ state: 'disconnected' }, false), 'disconnected');
  assert.equal(statusState({ state: 'connected' }, false), 'joining');
  assert.equal(statusState({ state: 'reconnecting' }, false), 'reconnecting');
});
