// Unit tests of webapp/js/room.js (the room's state, interpolation, prediction), with the dots game's module
// (webapp/games/dots/: its feed decodes the messages of protocol version 1): `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { RoomState, safeColor } from '../../../webapp/js/room.js';
import dots from '../../../webapp/games/dots/index.js';

/** The page's room state of a dots room. */
class GameState extends RoomState {
  constructor(options = {}) {
    super({ game: dots, ...options });
  }
}

const ADA = 1804289383;
const GRACE = 846930886;

function welcome({ tick = 100, tickRate = 20, players } = {}) {
  return {
    type: 'welcome', protocol: 1, id: ADA, room: 'lobby', width: 800, height: 400, tickRate, speed: 200, radius: 10,
    tick,
    players: players ?? [{ id: ADA, name: 'Ada', color: '#3fbfa6', x: 100, y: 100 }],
  };
}

function snapshot(tick, players) {
  return { type: 'snapshot', tick, time: 1763740800000 + tick * 50, players };
}

const byId = (list, id) => list.find((p) => p.id === id);

test('welcome sets rules, own id, room and players from the message', () => {
  const g = new GameState();
  assert.equal(g.handle(welcome(), 0), true);
  assert.equal(g.joined, true);
  assert.equal(g.selfId, ADA);
  assert.equal(g.room, 'lobby');
  assert.deepEqual(g.rules, { protocol: 1, width: 800, height: 400, tickRate: 20, speed: 200, radius: 10 });
  assert.equal(g.tickMs, 50);
  assert.deepEqual(g.playerList(), [{ id: ADA, name: 'Ada', color: '#3fbfa6', x: 100, y: 100 }]);
  assert.equal(g.lastTick, 100);
});

test('a second welcome (after a reconnect) replaces everything', () => {
  const g = new GameState();
  g.handle(welcome(), 0);
  g.handle({ type: 'playerJoined', player: { id: GRACE, name: 'Grace', color: '#bf3f6a', x: 20, y: 40 } }, 10);
  g.handle(snapshot(101, [{ id: ADA, x: 110, y: 100, seq: 3 }]), 50);
  g.disconnect();
  assert.equal(g.joined, false);
  g.handle({ ...welcome({ tick: 5 }), id: 7, players: [{ id: 7, name: 'Ada', color: '#000000', x: 1, y: 2 }] }, 1000);
  assert.equal(g.selfId, 7);
  assert.equal(g.joined, true);
  assert.deepEqual(g.playerList().map((p) => p.id), [7]);
  assert.equal(g.lastTick, 5, 'tick numbers of the new room are accepted');
  assert.equal(g.ackSeq, 0);
});

test('playerJoined adds, playerLeft removes', () => {
  const g = new GameState();
  g.handle(welcome(), 0);
  g.handle({ type: 'playerJoined', player: { id: GRACE, name: 'Grace', color: '#bf3f6a', x: 20, y: 40 } }, 10);
  assert.deepEqual(byId(g.playerList(), GRACE), { id: GRACE, name: 'Grace', color: '#bf3f6a', x: 20, y: 40 });
  g.handle(snapshot(101, [{ id: ADA, x: 100, y: 100, seq: 0 }, { id: GRACE, x: 25, y: 40, seq: 1 }]), 50);
  g.handle({ type: 'playerLeft', id: GRACE }, 60);
  assert.equal(byId(g.playerList(), GRACE), undefined);
  assert.equal(byId(g.playersAt(1000), GRACE), undefined, 'not drawn from buffered snapshots either');
});

test('snapshot entries of unknown players are ignored until they are known', () => {
  const g = new GameState();
  g.handle(welcome(), 0);
  g.handle(snapshot(101, [{ id: ADA, x: 101, y: 100, seq: 0 }, { id: GRACE, x: 5, y: 5, seq: 0 }]), 50);
  assert.deepEqual(g.playerList().map((p) => p.id), [ADA]);
  assert.equal(byId(g.playersAt(100), GRACE), undefined);
});

test('snapshots before welcome, and older than the newest, are ignored', () => {
  const g = new GameState();
  g.handle(snapshot(1, [{ id: ADA, x: 1, y: 1, seq: 0 }]), 0);
  assert.equal(g.lastTick, null);
  g.handle(welcome(), 0);
  g.handle(snapshot(105, [{ id: ADA, x: 150, y: 100, seq: 4 }]), 250);
  g.handle(snapshot(103, [{ id: ADA, x: 130, y: 100, seq: 2 }]), 260);
  assert.equal(g.lastTick, 105);
  assert.equal(byId(g.playerList(), ADA).x, 150);
  assert.equal(g.ackSeq, 4, 'own seq is acknowledged');
});

test('without prediction, players are drawn interpolated two ticks behind a steady snapshot stream', () => {
  const g = new GameState({ predict: false });
  g.handle(welcome({ tick: 100 }), 0); // tick 100 at t=0, ticks 50 ms apart, no jitter
  g.handle(snapshot(101, [{ id: ADA, x: 110, y: 100, seq: 1 }]), 50);
  g.handle(snapshot(102, [{ id: ADA, x: 120, y: 100, seq: 1 }]), 100);
  g.handle(snapshot(103, [{ id: ADA, x: 130, y: 200, seq: 1 }]), 150);
  // now = 150: render tick = (150 - 100) / 50 + 100 = 101
  assert.deepEqual(pick(g.playersAt(150), ADA), { x: 110, y: 100 });
  // now = 175: tick 101.5, between 110 and 120
  assert.deepEqual(pick(g.playersAt(175), ADA), { x: 115, y: 100 });
  // now = 225: tick 102.5, between (120,100) and (130,200)
  assert.deepEqual(pick(g.playersAt(225), ADA), { x: 125, y: 150 });
  // far past the newest snapshot (a resync of the playhead): at most one tick of extrapolation, then hold
  assert.deepEqual(pick(g.playersAt(5000), ADA), { x: 140, y: 300 });
});

test('with prediction, the own player is predicted while the others are interpolated', () => {
  const g = new GameState();
  g.handle(welcome({ tick: 100, players: [
    { id: ADA, name: 'Ada', color: '#3fbfa6', x: 100, y: 100 },
    { id: GRACE, name: 'Grace', color: '#bf3f6a', x: 300, y: 100 },
  ] }), 0);
  g.playersAt(10);
  g.sentInput(1, dots.input({ dx: 1, dy: 0 }), 10);
  const at = byId(g.playersAt(26), ADA);
  assert.ok(at.x > 100, `own dot moves on the next frame: ${at.x}`);
  assert.equal(byId(g.playersAt(26), GRACE).x, 300);
  assert.equal(g.netStats(26).predicting, true);
  assert.equal(new GameState({ predict: false }).netStats(0).predicting, false);
});

test('network figures: snapshot rate over the last second, interpolation delay, jitter', () => {
  const g = new GameState({ predict: false });
  g.handle(welcome({ tick: 0 }), 0);
  for (let t = 1; t <= 40; t++) g.handle(snapshot(t, [{ id: ADA, x: t, y: 0, seq: 0 }]), t * 50);
  const stats = g.netStats(2000);
  assert.equal(stats.snapshotRate, 20);
  assert.equal(stats.jitterMs, 0);
  assert.equal(stats.interpDelayMs, 100);
  assert.equal(stats.correctionsPerSec, 0);
});

test('a player who joined after the newest snapshot is drawn where it joined; own player is drawn last', () => {
  const g = new GameState();
  g.handle(welcome(), 0);
  g.handle(snapshot(101, [{ id: ADA, x: 100, y: 100, seq: 0 }]), 50);
  g.handle({ type: 'playerJoined', player: { id: GRACE, name: 'Grace', color: '#bf3f6a', x: 20, y: 40 } }, 60);
  const drawn = g.playersAt(200);
  assert.deepEqual(pick(drawn, GRACE), { x: 20, y: 40 });
  assert.equal(drawn.at(-1).id, ADA);
  assert.equal(drawn.at(-1).self, true);
  assert.equal(byId(drawn, GRACE).self, false);
});

test('the snapshot buffer stays short', () => {
  const g = new GameState({ interpolation: { maxSnapshots: 8 } });
  g.handle(welcome({ tick: 0 }), 0);
  for (let t = 1; t <= 100; t++) g.handle(snapshot(t, [{ id: ADA, x: t, y: 0, seq: 0 }]), t * 50);
  assert.ok(g.snapshots.length <= 8);
  g.playersAt(100 * 50);
  assert.ok(g.snapshots.length <= 4, String(g.snapshots.length));
});

test('colours that are not #rrggbb are replaced; names stay plain text', () => {
  assert.equal(safeColor('#A1b2C3'), '#A1b2C3');
  assert.notEqual(safeColor('red;background:url(x)'), 'red;background:url(x)');
  assert.notEqual(safeColor(undefined), undefined);
  const g = new GameState();
  g.handle(welcome({ players: [{ id: ADA, name: '<b>x</b>', color: 'javascript:1', x: 0, y: 0 }] }), 0);
  assert.equal(g.self.name, '<b>x</b>');
  assert.match(g.self.color, /^#[0-9a-f]{6}$/i);
});

test('messages that are not game state are left to the caller', () => {
  const g = new GameState();
  assert.equal(g.handle({ type: 'pong', t: 1, time: 2 }, 0), false);
  assert.equal(g.handle({ type: 'error', code: 'room_full' }, 0), false);
  assert.equal(g.handle({ type: 'somethingNew' }, 0), false);
});

function pick(list, id) {
  const p = byId(list, id);
  return { x: Math.round(p.x * 1000) / 1000, y: Math.round(p.y * 1000) / 1000 };
}
