// The client's prediction against the server's rule: the scripted inputs of src/test/resources/parity/movement.json
// (written from dev.arena.games.dots.World by MovementParityTest, which also checks that the file still matches World)
// are run through the dots game's step (webapp/games/dots/step.js) and through the core's Predictor with the dots
// module, and every tick's position must be the same double as the server's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Predictor } from '../../../webapp/js/prediction.js';
import { step } from '../../../webapp/games/dots/step.js';
import dots from '../../../webapp/games/dots/index.js';

const fixture = JSON.parse(readFileSync(new URL('../resources/parity/movement.json', import.meta.url), 'utf8'));

test('the fixture has scenarios', () => {
  assert.ok(fixture.scenarios.length >= 4);
  for (const s of fixture.scenarios) assert.equal(s.inputs.length, s.positions.length);
});

for (const scenario of fixture.scenarios) {
  test(`step() agrees with World tick by tick: ${scenario.name}`, () => {
    let pos = { x: scenario.start[0], y: scenario.start[1] };
    scenario.inputs.forEach(([dx, dy], i) => {
      pos = step(pos, dx, dy, scenario.rules);
      assert.deepEqual([pos.x, pos.y], scenario.positions[i], `tick ${i + 1}, input ${dx},${dy}`);
    });
  });

  test(`the Predictor's replay agrees with World tick by tick: ${scenario.name}`, () => {
    const { rules } = scenario;
    const tickMs = 1000 / rules.tickRate;
    const p = Predictor.forGame(dots.predict, rules, { tick: 0, state: { x: scenario.start[0], y: scenario.start[1] } }, {
      arrivalOrigin: 0, rttMs: 0, now: 0, maxReplaySeconds: 1e9,
    });
    let held = null;
    scenario.inputs.forEach(([dx, dy], i) => {
      // Sent in the middle of tick i + 1's interval: predicted to land in tick i + 1, as the server applied it.
      if (!held || held[0] !== dx || held[1] !== dy) p.input(i + 1, dots.input({ dx, dy }), (i + 0.5) * tickMs);
      held = [dx, dy];
      const at = p.replayTo(i + 1);
      assert.deepEqual([at.x, at.y], scenario.positions[i], `tick ${i + 1}`);
    });
  });
}
