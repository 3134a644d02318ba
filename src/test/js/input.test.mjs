// Unit tests of the pure parts of webapp/js/input.js: run with `node --test src/test/js/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Direction, KEY_DIRECTIONS, directionOf, parseDirections } from '../../../webapp/js/input.js';

const { UP, DOWN, LEFT, RIGHT } = Direction;

test('held directions reduce to dx, dy; two keys give a diagonal; opposites cancel', () => {
  assert.deepEqual(directionOf(new Set()), { dx: 0, dy: 0 });
  assert.deepEqual(directionOf(new Set([UP])), { dx: 0, dy: -1 });
  assert.deepEqual(directionOf(new Set([DOWN, RIGHT])), { dx: 1, dy: 1 });
  assert.deepEqual(directionOf(new Set([LEFT, RIGHT])), { dx: 0, dy: 0 });
  assert.deepEqual(directionOf(new Set([LEFT, RIGHT, UP])), { dx: 0, dy: -1 });
});

test('arrow keys and WASD are mapped', () => {
  assert.deepEqual(KEY_DIRECTIONS.ArrowUp, [UP]);
  assert.deepEqual(KEY_DIRECTIONS.KeyW, [UP]);
  assert.deepEqual(KEY_DIRECTIONS.KeyA, [LEFT]);
  assert.deepEqual(KEY_DIRECTIONS.KeyS, [DOWN]);
  assert.deepEqual(KEY_DIRECTIONS.KeyD, [RIGHT]);
});

test('pad buttons name one or two directions', () => {
  assert.deepEqual(parseDirections('up left'), [UP, LEFT]);
  assert.deepEqual(parseDirections(' down '), [DOWN]);
  assert.deepEqual(parseDirections('sideways'), []);
  assert.deepEqual(parseDirections(undefined), []);
});
