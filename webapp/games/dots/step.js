// The dots game's movement rule in the browser: dev.arena.game.Movement (World.step and Input.direction), operation
// for operation: move speed * (1 / tickRate) along the held direction, diagonals divided by sqrt(2), then clamp the
// centre to [radius, size - radius]. Every parameter comes from `welcome`; nothing is a constant here. The
// prediction replays it (index.js gives it to the core's Predictor) and the compact snapshot decoder moves the
// players of a delta cell by it (protocol.js SnapshotDecoder). src/test/js/parity.test.mjs checks it against
// positions the Java World produced (a committed fixture that MovementParityTest keeps honest), to the bit.

/** The unit direction of a held (dx, dy), diagonals normalised: dev.arena.game.Input.direction(). */
export function direction(dx, dy) {
  if (dx !== 0 && dy !== 0) {
    const k = 1 / Math.sqrt(2);
    return { x: dx * k, y: dy * k };
  }
  return { x: dx, y: dy };
}

/**
 * One server tick of movement for a player at `pos` holding (dx, dy), under `rules` ({width, height, tickRate,
 * speed, radius} from `welcome`): dev.arena.games.dots.World.step() for one player. Returns a new {x, y}.
 */
export function step(pos, dx, dy, rules) {
  if (dx === 0 && dy === 0) return { x: pos.x, y: pos.y };
  const distance = rules.speed * (1 / rules.tickRate);
  const d = direction(dx, dy);
  const r = rules.radius;
  return {
    x: clamp(pos.x + d.x * distance, r, rules.width - r),
    y: clamp(pos.y + d.y * distance, r, rules.height - r),
  };
}

function clamp(v, min, max) {
  return Math.max(min, Math.min(max, v));
}
