// Coin rush's rule in the browser, for prediction: dev.arena.games.coinrush.CoinRushRule, operation for operation
// (only + - * /, comparisons and Math.sqrt, which IEEE 754 rounds the same in Java and JavaScript), plus the order
// in which CoinRushSimulation hands out coins. Every parameter comes from the room (its settings); nothing is a
// constant here. src/test/js/coinrush.test.mjs checks it against a fixture the Java rule wrote, to the bit.

/**
 * One step of a player: `body` = {x, y, vx, vy}, holding (dx, dy), for `dt` seconds, under `m` = {width, height,
 * radius, coinRadius, acceleration, maxSpeed, damping}. Returns a new body.
 */
export function move(body, dx, dy, dt, m) {
  let ax = dx;
  let ay = dy;
  if (dx !== 0 && dy !== 0) {
    const k = 1 / Math.sqrt(2);
    ax = dx * k;
    ay = dy * k;
  }
  let vx = body.vx * m.damping + ax * m.acceleration * dt;
  let vy = body.vy * m.damping + ay * m.acceleration * dt;
  const speed2 = vx * vx + vy * vy;
  if (speed2 > m.maxSpeed * m.maxSpeed) {
    const k = m.maxSpeed / Math.sqrt(speed2);
    vx = vx * k;
    vy = vy * k;
  }
  let x = body.x + vx * dt;
  let y = body.y + vy * dt;
  const r = m.radius;
  if (x < r || x > m.width - r) {
    x = Math.max(r, Math.min(m.width - r, x));
    vx = 0;
  }
  if (y < r || y > m.height - r) {
    y = Math.max(r, Math.min(m.height - r, y));
    vy = 0;
  }
  return { x, y, vx, vy };
}

/** Whether a player at (px, py) touches a coin at (cx, cy). */
export function touches(px, py, cx, cy, m) {
  const ddx = px - cx;
  const ddy = py - cy;
  const reach = m.radius + m.coinRadius;
  return ddx * ddx + ddy * ddy <= reach * reach;
}

/**
 * The coins collected in tick `tick`: `players` = [{id, x, y}] in joining order (after this tick's move), `coins` =
 * [{id, x, y, expires}] as they were before the tick. A coin whose time is up vanishes first; each other coin goes
 * to the first player touching it. Returns [[coinId, playerId]] in coin order.
 */
export function collect(players, coins, tick, m) {
  const out = [];
  for (const c of coins) {
    if (c.expires <= tick) continue;
    const p = players.find((q) => touches(q.x, q.y, c.x, c.y, m));
    if (p) out.push([c.id, p.id]);
  }
  return out;
}
