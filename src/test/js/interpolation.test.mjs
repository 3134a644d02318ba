// Unit tests of webapp/js/interpolation.js (adaptive timeline, interpolation): `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Timeline, interpolate } from '../../../webapp/js/interpolation.js';
import { random } from './support/netsim.mjs';

test('steady snapshots: the delay is two snapshot intervals and the jitter is zero', () => {
  const t = new Timeline(50);
  for (let k = 0; k < 40; k++) t.observe(k, 1000 + k * 50);
  assert.equal(t.delayMs, 100);
  assert.equal(t.jitterMs, 0);
  assert.equal(t.tickAt(1000 + 39 * 50), 37);
});

test('the delay grows with measured jitter (two intervals plus the 95th percentile of lateness) and shrinks back', () => {
  const rnd = random(3);
  const t = new Timeline(50);
  for (let k = 0; k < 200; k++) t.observe(k, 1000 + k * 50 + 50 + (rnd() * 2 - 1) * 20); // 50 ± 20 ms
  assert.ok(t.delayMs > 130 && t.delayMs <= 140, `delay ${t.delayMs}`);
  assert.ok(t.jitterMs > 8 && t.jitterMs < 20, `jitter ${t.jitterMs}`);
  for (let k = 200; k < 300; k++) t.observe(k, 1000 + k * 50 + 50);
  assert.ok(t.delayMs < 110, `back to ~100 after the jitter is gone: ${t.delayMs}`);
});

test('the playhead never jumps: a change of delay is followed at most 10 % faster or slower than real time', () => {
  const t = new Timeline(50);
  for (let k = 0; k < 40; k++) t.observe(k, k * 50);
  let now = 39 * 50;
  let last = t.tickAt(now);
  const rnd = random(9);
  for (let k = 40; k < 140; k++) {
    t.observe(k, k * 50 + (k > 60 ? rnd() * 40 : 0)); // jitter starts: the target delay jumps up
    for (let f = 0; f < 3; f++) {
      now += 50 / 3;
      const tick = t.tickAt(now);
      const rate = (tick - last) / (50 / 3 / 50);
      assert.ok(rate >= 0.9 - 1e-9 && rate <= 1.1 + 1e-9, `rate ${rate} at ${now}`);
      last = tick;
    }
  }
  assert.ok(Math.abs(t.tickAt(now) - t.targetTick(now)) < 0.2, 'and it caught up');
});

test('a dropped snapshot: interpolation runs across the gap without a jump', () => {
  const s = [
    { tick: 10, positions: new Map([[1, { x: 0, y: 0 }]]) },
    { tick: 12, positions: new Map([[1, { x: 20, y: 4 }]]) },
  ];
  assert.deepEqual(interpolate(s, 11).get(1), { x: 10, y: 2 });
  assert.deepEqual(interpolate(s, 9).get(1), { x: 0, y: 0 });
});

test('late snapshots: limited extrapolation, then hold', () => {
  const s = [
    { tick: 1, positions: new Map([[1, { x: 0, y: 0 }]]) },
    { tick: 2, positions: new Map([[1, { x: 10, y: 0 }]]) },
  ];
  assert.deepEqual(interpolate(s, 2.5, 1).get(1), { x: 15, y: 0 });
  assert.deepEqual(interpolate(s, 10, 1).get(1), { x: 20, y: 0 });
  assert.deepEqual(interpolate(s, 10, 0).get(1), { x: 10, y: 0 });
});

test('a remote player at constant speed over a jittery link is drawn at an even speed', () => {
  const rnd = random(11);
  const t = new Timeline(50);
  const snaps = [];
  let arrival = 0;
  const frames = [];
  let k = 0;
  for (let now = 0; now < 5000; now += 1000 / 60) {
    while (true) {
      const due = Math.max(arrival, k * 50 + 50 + (rnd() * 2 - 1) * 20);
      if (due > now) break;
      arrival = due;
      if (k % 17 !== 16) { // and one snapshot in 17 is dropped
        t.observe(k, due);
        snaps.push({ tick: k, positions: new Map([[1, { x: k * 10, y: 0 }]]) });
      }
      k += 1;
    }
    const at = interpolate(snaps, t.tickAt(now), 1).get(1);
    if (at) frames.push({ now, x: at.x });
  }
  const v = [];
  for (let i = 1; i < frames.length; i++) if (frames[i].now > 2000) v.push((frames[i].x - frames[i - 1].x) / ((frames[i].now - frames[i - 1].now) / 1000));
  for (const speed of v) assert.ok(speed > 200 * 0.85 && speed < 200 * 1.15, `frame speed ${speed}`);
});
