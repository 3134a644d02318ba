// Unit tests of webapp/js/prediction.js (prediction and reconciliation, generic over a game's step), here with the
// dots game's rule (webapp/games/dots/step.js) and module; src/test/js/games/coinrush.test.mjs runs the same
// Predictor over coin rush's rule. `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Predictor } from '../../../webapp/js/prediction.js';
import { direction, step } from '../../../webapp/games/dots/step.js';
import dots from '../../../webapp/games/dots/index.js';
import { RULES, play, speeds } from './support/netsim.mjs';

const predictor = (x, y, options) => Predictor.forGame(dots.predict, RULES, { tick: 0, state: { x, y } }, options);

test('step: speed / tickRate per tick, diagonals normalised, clamped to the map', () => {
  assert.deepEqual(step({ x: 100, y: 100 }, 1, 0, RULES), { x: 110, y: 100 });
  const d = step({ x: 100, y: 100 }, 1, 1, RULES);
  assert.ok(Math.abs(Math.hypot(d.x - 100, d.y - 100) - 10) < 1e-12, 'a diagonal is as long as a straight step');
  assert.deepEqual(step({ x: 15, y: 485 }, -1, 1, RULES), { x: 10, y: 490 }, 'the centre stays radius inside');
  assert.deepEqual(step({ x: 3, y: 4 }, 0, 0, RULES), { x: 3, y: 4 }, 'no input: no move, no clamp');
  const other = { width: 300, height: 200, tickRate: 30, speed: 90, radius: 5 };
  assert.deepEqual(step({ x: 100, y: 100 }, 0, -1, other), { x: 100, y: 97 }, 'all parameters come from the rules');
  assert.deepEqual(direction(-1, 0), { x: -1, y: 0 });
});

test('a key press moves the own dot on the next frame, long before any server answer (200 ms round trip)', () => {
  const { frames, server } = play({ script: [{ at: 500, dx: 1, dy: 0 }], oneWayMs: 100, durationMs: 700 });
  const before = frames.filter((f) => f.t <= 500).at(-1);
  const next = frames.find((f) => f.t > 500);
  assert.equal(before.x, 100);
  assert.ok(next.x > 100, `moved by ${next.x - 100} on the first frame after the press`);
  assert.ok(next.y === 250);
  assert.ok(server.filter((s) => s.tick * 50 < next.t).every((s) => s.x === 100), 'the server had not moved yet');
});

for (const [name, oneWayMs, jitterMs] of [['loopback', 0, 0], ['100 ms round trip', 50, 0], ['100 ms ± 20 ms', 50, 20], ['200 ms ± 20 ms', 100, 20]]) {
  test(`holding a key: no correction and an even speed in steady state, exact stop (${name})`, () => {
    for (const seed of [1, 2, 3, 4]) {
      const run = play({ script: [{ at: 500, dx: 1, dy: 0 }, { at: 2000, dx: 0, dy: 0 }], oneWayMs, jitterMs, seed, durationMs: 3000 });
      const corrections = run.game.predictor.corrections.filter((t) => t > 1000 && t < 2000);
      assert.deepEqual(corrections, [], `seed ${seed}: no correction while holding`);
      for (const v of speeds(run.frames, 1000, 1950)) {
        assert.ok(Math.abs(v - 200) < 0.05 * 200, `seed ${seed}: frame speed ${v} within 5 % of 200`);
      }
      assert.ok(run.game.predictor.correctionCount <= 4, `seed ${seed}: at most a few corrections around press and release`);
      const last = run.frames.at(-1);
      const end = run.server.at(-1);
      assert.ok(Math.abs(last.x - end.x) < 0.01 && Math.abs(last.y - end.y) < 0.01, `seed ${seed}: ends where the server is`);
    }
  });
}

test('starting, stopping and turning never jump: the drawn dot moves at most a little over one step per frame', () => {
  const script = [
    { at: 300, dx: 1, dy: 0 }, { at: 800, dx: 1, dy: 1 }, { at: 1100, dx: 0, dy: 1 }, { at: 1400, dx: 0, dy: 0 },
    { at: 1500, dx: -1, dy: -1 }, { at: 1900, dx: 0, dy: 0 },
  ];
  for (const seed of [5, 6, 7]) {
    const run = play({ script, oneWayMs: 50, jitterMs: 20, seed, durationMs: 2600 });
    const fastest = Math.max(...speeds(run.frames, 0, 2600));
    assert.ok(fastest < 2.5 * 200, `seed ${seed}: fastest frame ${fastest} map units/s`);
    const last = run.frames.at(-1);
    const end = run.server.at(-1);
    assert.ok(Math.hypot(last.x - end.x, last.y - end.y) < 0.01, `seed ${seed}: ends where the server is`);
  }
});

test('a real disagreement (the server moved the player by a rule the client does not know) is glided to, not jumped', () => {
  // At tick 30 the server pushes the player 40 units down.
  const run = play({
    script: [{ at: 200, dx: 1, dy: 0 }],
    oneWayMs: 50,
    jitterMs: 10,
    durationMs: 3000,
    serverOverride: (tick, pos) => (tick === 30 ? { x: pos.x, y: pos.y + 40 } : null),
  });
  assert.equal(run.game.predictor.correctionCount >= 1, true, 'counted as a correction');
  const ys = run.frames.map((f) => f.y);
  for (let i = 1; i < ys.length; i++) assert.ok(Math.abs(ys[i] - ys[i - 1]) < 20, `frame ${i}: y ${ys[i - 1]} -> ${ys[i]}`);
  assert.ok(Math.abs(ys.at(-1) - 290) < 0.01, 'and ends where the server says');
});

test('an error larger than snapSteps steps (respawn, long freeze) is applied at once', () => {
  const p = predictor(100, 100, { now: 0 });
  p.snapshot(1, { x: 400, y: 400 }, 0, 50);
  assert.deepEqual(p.positionAt(51), { x: 400, y: 400 });
});

test('the lead is learnt from acks: inputs are predicted to land in the tick the server applies them', () => {
  const run = play({ script: [{ at: 500, dx: 1, dy: 0 }], oneWayMs: 80, jitterMs: 0, durationMs: 4000, tickPhaseMs: 20 });
  // An input sent at s lands in tick ceil((s + 80 - 20) / 50): appOrigin is 20 - 80 = -60, learnt within a tick.
  assert.ok(Math.abs(run.game.predictor.appOrigin - -60) <= 25, String(run.game.predictor.appOrigin));
});

test('correction rate counts the last second only', () => {
  const p = predictor(100, 100, { now: 0 });
  p.snapshot(1, { x: 105, y: 100 }, 0, 50);
  p.snapshot(2, { x: 110, y: 100 }, 0, 100);
  assert.equal(p.correctionCount, 2);
  assert.equal(p.correctionsPerSecond(500), 2);
  assert.equal(p.correctionsPerSecond(1075), 1);
  assert.equal(p.correctionsPerSecond(2000), 0);
});

test('the Predictor sees the game\'s states and inputs only through the model: any step, any state', () => {
  // A made-up game: the state is a counter on a line, the input a speed; the position is (counter, 0).
  const model = { tickRate: 10, step: (s, v) => ({ n: s.n + v }), position: (s) => ({ x: s.n, y: 0 }), idle: 0, maxStep: 5 };
  const p = new Predictor(model, { tick: 0, state: { n: 0 } }, { arrivalOrigin: 0, rttMs: 0, now: 0, maxReplaySeconds: 1e9 });
  p.input(1, 2, 50); // lands in tick 1
  assert.deepEqual(p.replayTo(3), { x: 6, y: 0 });
  assert.deepEqual(p.replayTo(3.5), { x: 7, y: 0 }, 'the partial tick is linear between two positions');
  assert.equal(p.snapshot(2, { n: 4 }, 1, 200), 0, 'the server agrees: no correction');
  assert.deepEqual(p.replayTo(4), { x: 8, y: 0 }, 'the acknowledged input stays held');
  assert.ok(p.snapshot(3, { n: 9 }, 1, 300) > 0, 'the server disagrees: a correction');
});
