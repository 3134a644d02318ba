// Draws the dots game: every player as a dot of its colour with its name, the own dot with a halo and a white ring
// (on top: it comes last). The core has sized the canvas, drawn the map and scaled the context to map units.

const THEME = Object.freeze({
  name: '#e6ebf2',
  nameShadow: 'rgba(0, 0, 0, 0.8)',
  selfRing: '#ffffff',
  selfHalo: 'rgba(255, 255, 255, 0.12)',
});

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Draws one frame: `view` as games.js describes it (players, rules.radius, scale, stale). */
export function draw(ctx, { players = [], rules, scale = 1, stale = false }) {
  const radius = rules?.radius ?? 10;
  ctx.globalAlpha = stale ? 0.45 : 1;
  for (const p of players) drawPlayer(ctx, p, radius, scale);
  ctx.globalAlpha = 1;
}

function drawPlayer(ctx, p, radius, scale) {
  if (p.self) {
    // A soft halo and a white ring: the own dot stands out from any colour.
    ctx.beginPath();
    ctx.arc(p.x, p.y, radius + 7 / scale, 0, Math.PI * 2);
    ctx.fillStyle = THEME.selfHalo;
    ctx.fill();
  }
  ctx.beginPath();
  ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
  ctx.fillStyle = p.color;
  ctx.fill();
  if (p.self) {
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = THEME.selfRing;
    ctx.stroke();
  }
  drawName(ctx, p, radius, scale);
}

/** Names in screen pixels (readable at any map scale) just above the dot, below it at the top edge; never HTML. */
export function drawName(ctx, p, radius, scale, text = p.name) {
  const fontPx = 12;
  ctx.font = `${p.self ? '600 ' : ''}${fontPx / scale}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const labelY = p.y - radius - 4 / scale;
  const y = labelY - fontPx / scale < 0 ? p.y + radius + (4 + fontPx) / scale : labelY;
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = THEME.nameShadow;
  ctx.lineJoin = 'round';
  ctx.strokeText(text, p.x, y);
  ctx.fillStyle = THEME.name;
  ctx.fillText(text, p.x, y);
}
