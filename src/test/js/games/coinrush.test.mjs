// Coin rush's browser module (webapp/games/coinrush/): its feed on the frames a real coin rush room sent (the state
// fixture that dev.arena.snapshot.StateFixtureTest writes and keeps true), what render.js draws of it, its input
// frames against the Java codec's, and the core's generic prediction over its step (the rule that
// src/test/js/coinrush.test.mjs checks against CoinRushRule to the bit). `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import coinrush from '../../../../webapp/games/coinrush/index.js';
import { DEFAULTS, hueColor } from '../../../../webapp/games/coinrush/feed.js';
import { clock, paint, scene } from '../../../../webapp/games/coinrush/render.js';
import { RoomState } from '../../../../webapp/js/room.js';
import { SNAPSHOT_SUBPROTOCOL } from '../../../../webapp/js/protocol.js';
import { play, speeds } from '../support/netsim.mjs';

const fixture = JSON.parse(readFileSync(new URL('../../resources/parity/state.json', import.meta.url), 'utf8'));
const [player, screen] = fixture.viewers;
const welcome = (viewer, extra = {}) => ({
  type: 'welcome', protocol: 1, game: 'coinrush', id: viewer.player, room: 'r', tick: 0, tickRate: 20,
  schema: fixture.schema, settings: { mapWidth: 400, mapHeight: 300 }, token: 'x'.repeat(22), resumed: false, ...extra,
});

/** A feed that has taken the first `n` JSON frames of a viewer. */
function feedAfter(viewer, n, role = viewer.role) {
  const feed = coinrush.enter(welcome(viewer), { role });
  viewer.steps.slice(0, n).forEach((s) => feed.receive(JSON.parse(s.json), 0));
  return feed;
}

test('the defaults are CoinRushGame\'s', () => {
  const java = readFileSync(new URL('../../../main/java/dev/arena/games/coinrush/CoinRushGame.java', import.meta.url), 'utf8');
  const declared = Object.fromEntries([...java.matchAll(/Setting\.(?:integer|decimal)\("(\w+)", [^,]+, [^,]+, ([\d.]+),/g)]
    .map((m) => [m[1], Number(m[2])]));
  for (const [key, value] of Object.entries(DEFAULTS)) assert.equal(value, declared[key], key);
});

test('colours from hues are dev.arena.game.Colour\'s', () => {
  assert.equal(hueColor(120), '#3cdd3c'); // CodecTest's player colour
  assert.equal(hueColor(0), '#dd3c3c');
  for (let h = 0; h < 360; h++) assert.match(hueColor(h), /^#[0-9a-f]{6}$/);
});

test('the feed follows the room frame by frame: players, coins, round and scores as the Java decoder has them', () => {
  for (const viewer of [player, screen]) {
    const feed = coinrush.enter(welcome(viewer), { role: viewer.role });
    viewer.steps.forEach((step, i) => {
      const update = feed.receive(i % 2 === 0 ? JSON.parse(step.json) : Buffer.from(step.binary, 'base64'), 0);
      const model = step.model;
      assert.equal(update.tick, model.tick);
      assert.deepEqual(feed.players().map((p) => [p.id, p.x, p.y, p.name, p.score]),
        model.entities.player.map((e) => [e.id, e.values.x, e.values.y, e.values.name, e.values.score]), `players, frame ${i + 1}`);
      assert.deepEqual([...update.positions.keys()], model.entities.player.map((e) => e.id));
      assert.deepEqual(feed.coins().map((c) => c.id), model.entities.coin.map((e) => e.id), `coins, frame ${i + 1}`);
      assert.equal(feed.round().stage, model.phase.name);
      assert.deepEqual(feed.scoreboard().map((s) => [s.id, s.points]), model.scores.map((s) => [s.player, s.points]));
      assert.equal(update.own, null, 'no ack in these frames: nothing to reconcile');
    });
  }
});

test('a state frame with an ack gives the own player\'s state to predict from; other games\' frames are not its own', () => {
  const feed = coinrush.enter(welcome(player), {});
  const frame = { ...JSON.parse(player.steps[0].json), ack: 5 };
  const update = feed.receive(frame, 0);
  const me = player.steps[0].model.entities.player.find((e) => e.id === player.player).values;
  assert.deepEqual(update.own, { state: { x: me.x, y: me.y, vx: me.vx, vy: me.vy }, ack: 5 });
  assert.deepEqual(update.start, { tick: frame.tick, state: update.own.state });
  assert.equal(feed.receive({ type: 'snapshot', tick: 9 }, 0), null);
  assert.equal(feed.receive({ type: 'chat', text: 'x' }, 0), null);
  assert.deepEqual(feed.receive(new Uint8Array([0x21, 1]).buffer, 0), {}, 'a cut-short frame is ignored, not thrown');
});

test('events are kept for a moment, from JSON and binary', () => {
  const feed = coinrush.enter(welcome(player), {});
  const [a, b] = fixture.events;
  feed.receive(JSON.parse(a.json), 100);
  feed.receive(Buffer.from(b.binary, 'base64'), 200);
  assert.deepEqual(feed.events.map((e) => [e.event, e.values, e.at]), [[a.decoded.event, a.decoded.values, 100], [b.decoded.event, b.decoded.values, 200]]);
  feed.receive(JSON.parse(a.json), 5000);
  assert.equal(feed.events.length, 1, 'old ones are forgotten');
});

test('inputs: the move input as the Java codec reads it, binary on the compact subprotocol', () => {
  const feed = coinrush.enter(welcome(player), {});
  for (const i of fixture.inputs) {
    const input = coinrush.input({ dx: i.values.dx, dy: i.values.dy });
    assert.equal(feed.encodeInput(i.seq, input, ''), i.json);
    const bytes = feed.encodeInput(i.seq, input, SNAPSHOT_SUBPROTOCOL);
    assert.ok(bytes instanceof ArrayBuffer, 'an ArrayBuffer: the connection sends it as a binary frame');
    assert.deepEqual(new Uint8Array(bytes), new Uint8Array(Buffer.from(i.binary, 'base64')));
  }
});

const texts = (ops) => ops.filter((o) => o.shape === 'text').map((o) => o.text);
const view = (feed, players, extra = {}) => ({ players, feed, rules: feed.rules, scale: 2, stale: false, now: 0, ...extra });

test('scene: every coin, every player with name and score, the own one ringed, the timer, the round and the scoreboard', () => {
  const n = player.steps.findIndex((s) => s.model.entities.coin.length >= 2 && s.model.phase.name === 'playing') + 1;
  assert.ok(n > 0);
  const feed = feedAfter(player, n);
  const drawn = feed.players().map((p) => ({ ...p, self: p.id === player.player }));
  drawn.sort((p, q) => Number(p.self) - Number(q.self));
  const ops = scene(view(feed, drawn));
  const coins = ops.filter((o) => o.shape === 'circle' && o.fill === '#f5c542');
  assert.deepEqual(coins.map((c) => [c.x, c.y]), feed.coins().map((c) => [c.x, c.y]));
  for (const p of feed.players()) assert.ok(texts(ops).includes(`${p.name} · ${p.score}`), p.name);
  const ring = ops.filter((o) => o.shape === 'circle' && o.stroke === '#ffffff');
  assert.equal(ring.length, 1, 'one own ring');
  const round = feed.round();
  assert.ok(texts(ops).includes(clock(round.secondsLeft)), 'the timer');
  assert.ok(texts(ops).includes(`Round ${round.round}`));
  const board = feed.scoreboard();
  assert.ok(texts(ops).includes(`${board[0].name}  ${board[0].points}`), 'the leader on the scoreboard');
  assert.equal(texts(ops).some((t) => t.startsWith('Next round')), false, 'no results while playing');
});

test('scene: between rounds the results screen ranks the players; only the winner\'s page says it won', () => {
  const n = player.steps.findIndex((s) => s.model.phase.name === 'results') + 1;
  assert.ok(n > 0, 'the fixture reaches the results');
  const model = player.steps[n - 1].model;
  const best = Math.max(...model.scores.map((s) => s.points));
  for (const viewer of [player, screen]) {
    const feed = feedAfter(viewer, n);
    const ops = scene(view(feed, []));
    assert.equal(ops.find((o) => o.shape === 'rect')?.alpha > 0.5, true, 'the map dimmed');
    const t = texts(ops);
    assert.ok(t.includes(`Round ${model.phase.round} over`));
    assert.ok(t.includes(`Next round in ${Math.ceil(model.phase.ticksLeft / 20)} s`));
    const ranked = feed.scoreboard().map((s) => s.name);
    assert.deepEqual(t.filter((x) => ranked.includes(x)), ranked, 'in the scoreboard\'s order');
    const winner = viewer.player !== 0 && model.scores.some((s) => s.player === viewer.player && s.points === best) && best > 0;
    assert.equal(t.includes('You won!'), winner, `${viewer.role} ${viewer.player}`);
  }
});

test('scene: a coin fades in its last two seconds; a catch pops "+N" over the catcher; the own streak shows from 2', () => {
  const feed = coinrush.enter(welcome(player), {});
  feed.receive({ type: 'state', tick: 100, full: true, phase: { name: 'playing', round: 1, ticksLeft: 400 }, scores: [],
    entities: { coin: [{ op: 'new', id: 1, owner: 0, x: 10, y: 10, expires: 110 }, { op: 'new', id: 2, owner: 0, x: 20, y: 20, expires: 500 }],
      player: [{ op: 'new', id: player.player, owner: player.player, x: 50, y: 50, vx: 0, vy: 0, dx: 0, dy: 0, name: 'Ada', hue: 10, score: 3, streak: 3 }] } }, 0);
  feed.receive({ type: 'event', event: 'coinCollected', coin: 3, player: player.player, points: 2 }, 0);
  const me = { id: player.player, name: 'Ada', color: '#ff0000', x: 50, y: 50, self: true };
  const ops = scene(view(feed, [me], { now: 100 }));
  const [fading, fresh] = ops.filter((o) => o.fill === '#f5c542' && o.shape === 'circle');
  assert.equal(fading.alpha, 0.25);
  assert.equal(fresh.alpha, 1);
  assert.ok(texts(ops).includes('+2'));
  assert.ok(texts(ops).includes('Streak ×3'));
  assert.equal(texts(scene(view(feed, [me], { now: 5000 }))).includes('+2'), false, 'gone after a moment');
});

test('paint: shapes on a 2D context, text with fillText (never HTML), alpha restored', () => {
  const calls = [];
  const ctx = new Proxy({}, {
    get: (target, key) => (key in target ? target[key] : (...args) => calls.push([key, ...args])),
    set: (target, key, value) => { target[key] = value; calls.push([`=${String(key)}`, value]); return true; },
  });
  paint(ctx, [
    { shape: 'circle', x: 1, y: 2, r: 3, fill: '#f5c542', stroke: '#000', width: 1, alpha: 0.5 },
    { shape: 'rect', x: 0, y: 0, w: 10, h: 10, fill: '#111' },
    { shape: 'text', x: 5, y: 6, text: '<b>Ada</b>', px: 12, align: 'center', fill: '#fff' },
  ], 2);
  assert.deepEqual(calls.find((c) => c[0] === 'arc'), ['arc', 1, 2, 3, 0, Math.PI * 2]);
  assert.deepEqual(calls.find((c) => c[0] === 'fillRect'), ['fillRect', 0, 0, 10, 10]);
  assert.deepEqual(calls.find((c) => c[0] === 'fillText'), ['fillText', '<b>Ada</b>', 5, 6]);
  assert.ok(calls.some((c) => c[0] === '=font' && c[1].startsWith('400 6px')), 'text sized in canvas pixels');
  assert.equal(ctx.globalAlpha, 1);
});

/** Coin rush over netsim: its welcome (schema, settings) and a full JSON state frame with the ack every tick. */
const round2 = (v) => Math.round(v * 100) / 100;
const COINRUSH = Object.freeze({
  module: coinrush,
  rules: { tickRate: 20, settings: { mapWidth: 800, mapHeight: 600 } },
  state: (start) => ({ x: start.x, y: start.y, vx: 0, vy: 0 }),
  welcome: (rules) => ({ type: 'welcome', protocol: 1, game: 'coinrush', id: 1, room: 'r', tick: 0, tickRate: rules.tickRate, schema: fixture.schema, settings: rules.settings }),
  snapshot: (tick, time, s, seq) => ({
    type: 'state', tick, full: true, ack: seq, phase: { name: 'playing', round: 1, ticksLeft: 1000 - tick },
    entities: { player: [{ op: 'new', id: 1, owner: 1, x: round2(s.x), y: round2(s.y), vx: round2(s.vx), vy: round2(s.vy), dx: 0, dy: 0, name: 'me', hue: 200, score: 0, streak: 0 }] },
  }),
});

test('the core predicts coin rush with its step: the own player moves on the next frame after a press, 200 ms round trip', () => {
  const { frames, server, game } = play({ adapter: COINRUSH, start: { x: 100, y: 300 }, script: [{ at: 500, dx: 1, dy: 0 }], oneWayMs: 100, durationMs: 800 });
  assert.equal(game.netStats(800).predicting, true);
  const before = frames.filter((f) => f.t <= 500).at(-1);
  const next = frames.find((f) => f.t > 500);
  assert.ok(next.x > before.x, `moved by ${next.x - before.x} on the first frame after the press`);
  assert.ok(server.filter((s) => s.tick * 50 < next.t).every((s) => s.x === 100), 'the server had not moved yet');
});

for (const [name, oneWayMs, jitterMs] of [['loopback', 0, 0], ['100 ms ± 20 ms', 50, 20]]) {
  test(`coin rush, holding a key: no correction in steady state, smooth frames, ends where the server is (${name})`, () => {
    for (const seed of [1, 2]) {
      const run = play({ adapter: COINRUSH, start: { x: 100, y: 300 }, script: [{ at: 500, dx: 1, dy: 1 }, { at: 2000, dx: 0, dy: 0 }], oneWayMs, jitterMs, seed, durationMs: 5000 });
      const corrections = run.game.predictor.corrections.filter((t) => t > 1200 && t < 2000);
      assert.deepEqual(corrections, [], `seed ${seed}: no correction while holding`);
      for (const v of speeds(run.frames, 1200, 1950)) assert.ok(Math.abs(v - 260) < 0.05 * 260, `seed ${seed}: frame speed ${v} near maxSpeed 260`);
      const last = run.frames.at(-1);
      const end = run.server.at(-1);
      const off = Math.hypot(last.x - end.x, last.y - end.y);
      assert.ok(off < 0.05, `seed ${seed}: ends where the server is (${off} off)`);
    }
  });
}

test('the page\'s room state takes a coin rush room: map from the settings, own player predicted once an ack arrives', () => {
  const room = new RoomState({ game: coinrush });
  room.handle(welcome(player), 0);
  assert.deepEqual([room.rules.width, room.rules.height, room.rules.tickRate], [400, 300, 20]);
  assert.equal(room.predictor, null, 'nothing to predict from yet');
  room.handle({ ...JSON.parse(player.steps[0].json), ack: 0 }, 50);
  assert.notEqual(room.predictor, null);
  assert.deepEqual(room.playersAt(60).map((p) => p.id).at(-1), player.player, 'own player drawn last');
  const spectator = new RoomState({ game: coinrush, role: 'screen', predict: false });
  spectator.handle(welcome(screen), 0);
  spectator.handle(JSON.parse(screen.steps[0].json), 50);
  assert.equal(spectator.playerList().length, screen.steps[0].model.entities.player.length);
});
