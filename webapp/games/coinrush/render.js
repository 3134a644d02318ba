// Draws coin rush: the coins (fading in their last two seconds), the players with their names and scores (the own
// one ringed, on top), "+N" where a coin was just caught, the round's timer, the scoreboard, the own streak, and
// between rounds the results screen. scene() computes what to draw as plain shapes (a pure function: Node tests
// read it); paint() puts them on a 2D context already scaled to map units by the core (js/stage.js).

const COIN = '#f5c542';
const COIN_EDGE = '#a8801c';
const TEXT = '#e6ebf2';
const MUTED = '#8a95a8';
const SHADOW = 'rgba(0, 0, 0, 0.8)';
const FADE_SECONDS = 2;
const POP_MS = 700;

/** "1:05" for 65 seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * What to draw for one frame, in drawing order: [{shape: 'circle', x, y, r, fill, stroke?, width?, alpha?} |
 * {shape: 'text', x, y, text, px, align, fill, weight?, baseline?} | {shape: 'rect', x, y, w, h, fill, alpha?}].
 * Text sizes (`px`) are in canvas pixels, positions in map units; `view` as js/games.js describes it.
 */
export function scene({ players = [], feed, rules, scale = 1, stale = false, now = 0 }) {
  const ops = [];
  const unit = 1 / scale; // map units per canvas pixel
  const dim = stale ? 0.45 : 1;
  const tick = feed.state.tick;
  for (const c of feed.coins()) {
    const left = (c.expires - tick) / rules.tickRate;
    const alpha = Math.max(0.25, Math.min(1, left / FADE_SECONDS)) * dim;
    ops.push({ shape: 'circle', x: c.x, y: c.y, r: rules.coinRadius, fill: COIN, stroke: COIN_EDGE, width: 2 * unit, alpha });
  }
  const scores = new Map(feed.players().map((p) => [p.id, p]));
  for (const p of players) {
    if (p.self) ops.push({ shape: 'circle', x: p.x, y: p.y, r: rules.radius + 7 * unit, fill: 'rgba(255, 255, 255, 0.12)', alpha: dim });
    ops.push({ shape: 'circle', x: p.x, y: p.y, r: rules.radius, fill: p.color, stroke: p.self ? '#ffffff' : null, width: 3 * unit, alpha: dim });
    const above = p.y - rules.radius - 4 * unit;
    const y = above - 12 * unit < 0 ? p.y + rules.radius + 16 * unit : above;
    ops.push({ shape: 'text', x: p.x, y, text: `${p.name} · ${scores.get(p.id)?.score ?? 0}`, px: 12, align: 'center', fill: TEXT, weight: p.self ? 600 : 400, alpha: dim });
  }
  for (const e of feed.events) {
    if (e.event !== 'coinCollected' || now - e.at > POP_MS) continue;
    const catcher = players.find((p) => p.id === e.values.player);
    if (!catcher) continue;
    const rise = ((now - e.at) / POP_MS) * 20 * unit;
    ops.push({ shape: 'text', x: catcher.x, y: catcher.y - rules.radius - 18 * unit - rise, text: `+${e.values.points}`, px: 14, align: 'center', fill: COIN, weight: 700, alpha: 1 - (now - e.at) / POP_MS });
  }
  hud(ops, feed, rules, unit, players.find((p) => p.self));
  return ops;
}

function hud(ops, feed, rules, unit, self) {
  const round = feed.round();
  if (!round) return;
  const pad = 10 * unit;
  if (round.stage === 'results') {
    results(ops, feed, rules, unit, round);
    return;
  }
  ops.push({ shape: 'text', x: rules.width / 2, y: pad, text: clock(round.secondsLeft), px: 22, align: 'center', fill: round.secondsLeft <= 10 ? COIN : TEXT, weight: 700, baseline: 'top' });
  ops.push({ shape: 'text', x: pad, y: pad, text: `Round ${round.round}`, px: 13, align: 'left', fill: MUTED, baseline: 'top' });
  feed.scoreboard().slice(0, 5).forEach((s, i) => {
    ops.push({ shape: 'text', x: rules.width - pad, y: pad + i * 16 * unit, text: `${s.name}  ${s.points}`, px: 13, align: 'right', fill: s.color ?? TEXT, weight: s.id === feed.selfId ? 700 : 400, baseline: 'top' });
  });
  const streak = self ? feed.players().find((p) => p.id === self.id)?.streak : undefined;
  if (streak >= 2) ops.push({ shape: 'text', x: rules.width / 2, y: rules.height - pad, text: `Streak ×${streak}`, px: 15, align: 'center', fill: COIN, weight: 700, baseline: 'bottom' });
}

/** Between rounds: the map dimmed, the ranking, the winner, and when the next round starts. */
function results(ops, feed, rules, unit, round) {
  ops.push({ shape: 'rect', x: 0, y: 0, w: rules.width, h: rules.height, fill: '#0b0e14', alpha: 0.72 });
  const top = rules.height * 0.18;
  ops.push({ shape: 'text', x: rules.width / 2, y: top, text: `Round ${round.round} over`, px: 26, align: 'center', fill: TEXT, weight: 700 });
  const board = feed.scoreboard();
  const best = board.length > 0 ? board[0].points : 0;
  const won = best > 0 && board.some((s) => s.id === feed.selfId && s.points === best);
  if (won) ops.push({ shape: 'text', x: rules.width / 2, y: top + 34 * unit, text: 'You won!', px: 18, align: 'center', fill: COIN, weight: 700 });
  board.slice(0, 10).forEach((s, i) => {
    const y = top + (70 + i * 24) * unit;
    const first = best > 0 && s.points === best;
    ops.push({ shape: 'text', x: rules.width / 2 - 120 * unit, y, text: `${i + 1}.`, px: 16, align: 'left', fill: MUTED });
    ops.push({ shape: 'text', x: rules.width / 2 - 90 * unit, y, text: s.name, px: 16, align: 'left', fill: s.color ?? TEXT, weight: first ? 700 : 400 });
    ops.push({ shape: 'text', x: rules.width / 2 + 120 * unit, y, text: String(s.points), px: 16, align: 'right', fill: first ? COIN : TEXT, weight: first ? 700 : 400 });
  });
  if (board.length === 0) ops.push({ shape: 'text', x: rules.width / 2, y: top + 70 * unit, text: 'Nobody played this round', px: 16, align: 'center', fill: MUTED });
  ops.push({ shape: 'text', x: rules.width / 2, y: rules.height * 0.88, text: `Next round in ${round.secondsLeft} s`, px: 15, align: 'center', fill: MUTED });
}

/** Puts `ops` (scene()) on `ctx`; `scale` = canvas pixels per map unit. Text through fillText: never HTML. */
export function paint(ctx, ops, scale) {
  for (const op of ops) {
    ctx.globalAlpha = op.alpha ?? 1;
    if (op.shape === 'circle') {
      ctx.beginPath();
      ctx.arc(op.x, op.y, op.r, 0, Math.PI * 2);
      ctx.fillStyle = op.fill;
      ctx.fill();
      if (op.stroke) {
        ctx.lineWidth = op.width;
        ctx.strokeStyle = op.stroke;
        ctx.stroke();
      }
    } else if (op.shape === 'rect') {
      ctx.fillStyle = op.fill;
      ctx.fillRect(op.x, op.y, op.w, op.h);
    } else {
      ctx.font = `${op.weight ?? 400} ${op.px / scale}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
      ctx.textAlign = op.align;
      ctx.textBaseline = op.baseline ?? 'bottom';
      ctx.lineWidth = 3 / scale;
      ctx.lineJoin = 'round';
      ctx.strokeStyle = SHADOW;
      ctx.strokeText(op.text, op.x, op.y);
      ctx.fillStyle = op.fill;
      ctx.fillText(op.text, op.x, op.y);
    }
  }
  ctx.globalAlpha = 1;
}

/** The module's draw(ctx, view). */
export function draw(ctx, view) {
  paint(ctx, scene(view), view.scale);
}
