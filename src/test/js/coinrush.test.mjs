// Coin rush's browser rule against the Java one: src/test/resources/parity/coinrush.json (written from the Java
// simulation by dev.arena.games.coinrush.CoinRushParityTest, which keeps it true) holds two players' inputs, their
// position and velocity after every tick, the coins before it and the coins collected. webapp/games/coinrush/step.js
// must compute the same doubles and the same catches.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { move, touches, collect } from '../../../webapp/games/coinrush/step.js';

const fixture = JSON.parse(readFileSync(new URL('../resources/parity/coinrush.json', import.meta.url), 'utf8'));

test('the fixture has ticks, catches and wall hits', () => {
  assert.equal(fixture.ticks.length, 400);
  assert.ok(fixture.ticks.reduce((n, t) => n + t.collected.length, 0) > 5);
});

test('move() and collect() agree with the Java rule tick by tick, to the bit', () => {
  const m = fixture.motion;
  const dt = 1 / fixture.tickRate;
  let bodies = fixture.start.map(([id, x, y]) => ({ id, x, y, vx: 0, vy: 0 }));
  for (const t of fixture.ticks) {
    bodies = bodies.map((b, i) => ({ id: b.id, ...move(b, t.inputs[i][0], t.inputs[i][1], dt, m) }));
    bodies.forEach((b, i) => assert.deepEqual([b.x, b.y, b.vx, b.vy], t.bodies[i], `tick ${t.tick}, player ${b.id}`));
    const coins = t.coins.map(([id, x, y, expires]) => ({ id, x, y, expires }));
    assert.deepEqual(collect(bodies, coins, t.tick, m), t.collected, `catches of tick ${t.tick}`);
  }
});

test('touching is inclusive: circles that just meet touch', () => {
  const m = { radius: 3, coinRadius: 2 };
  assert.equal(touches(0, 0, 5, 0, m), true);
  assert.equal(touches(0, 0, 5.000001, 0, m), false);
});
