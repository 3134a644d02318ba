// Canvas drawing: the map and every player with its name, the own player outlined and on top.
//
// The canvas keeps the map's aspect ratio and fills as much of its container as it can; its backing store is
// scaled by devicePixelRatio so dots and names stay sharp on phones. All drawing is in map units after one
// transform, so the rules' width, height and radius are used as they come.

const THEME = Object.freeze({
  outside: '#0b0e14',
  map: '#141a24',
  grid: 'rgba(255, 255, 255, 0.045)',
  border: '#2c3647',
  name: '#e6ebf2',
  nameShadow: 'rgba(0, 0, 0, 0.8)',
  selfRing: '#ffffff',
  text: '#8a95a8',
});

/** The CSS size of a box with the map's aspect ratio that fits into `available` (both {width, height}). */
export function fitSize(map, available) {
  if (!map.width || !map.height || available.width <= 0 || available.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(available.width / map.width, available.height / map.height);
  return { width: Math.floor(map.width * scale), height: Math.floor(map.height * scale) };
}

export class Renderer {
  /** `canvas` is sized to fit `container` (its parent by default). */
  constructor(canvas, container = canvas.parentElement) {
    this.canvas = canvas;
    this.container = container;
    this.ctx = canvas.getContext('2d');
    this.map = { width: 500, height: 500 }; // until the first welcome: only the shape of the empty board
    this.cssSize = { width: 0, height: 0 };
    this.dpr = 1;
    if (typeof ResizeObserver === 'function') {
      this.observer = new ResizeObserver(() => this.resize());
      this.observer.observe(container);
    }
    window.addEventListener('resize', () => this.resize());
    this.resize();
  }

  /** Uses the map size of the room's rules. */
  setMap(width, height) {
    if (width === this.map.width && height === this.map.height) return;
    this.map = { width, height };
    this.resize();
  }

  /** Fits the canvas to its container again. */
  resize() {
    const box = this.container.getBoundingClientRect();
    const size = fitSize(this.map, { width: box.width, height: box.height });
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    if (size.width === this.cssSize.width && size.height === this.cssSize.height && dpr === this.dpr) return;
    this.cssSize = size;
    this.dpr = dpr;
    this.canvas.style.width = `${size.width}px`;
    this.canvas.style.height = `${size.height}px`;
    this.canvas.width = Math.max(1, Math.round(size.width * dpr));
    this.canvas.height = Math.max(1, Math.round(size.height * dpr));
  }

  /**
   * Draws one frame. `players`: [{id, name, color, x, y, self}] in drawing order; `radius` from the rules;
   * `stale`: the connection is gone, draw dimmed; `message`: a line in the middle (e.g. "connecting…").
   */
  draw({ players = [], radius = 10, stale = false, message = '' } = {}) {
    const { ctx, canvas, map } = this;
    if (canvas.width <= 1) return;
    const scale = (canvas.width / map.width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = THEME.map;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);

    this.drawGrid(scale);
    ctx.globalAlpha = stale ? 0.45 : 1;
    for (const p of players) this.drawPlayer(p, radius, scale);
    ctx.globalAlpha = 1;

    ctx.lineWidth = 2 / scale;
    ctx.strokeStyle = THEME.border;
    ctx.strokeRect(1 / scale, 1 / scale, map.width - 2 / scale, map.height - 2 / scale);

    if (message) this.drawMessage(message, scale);
  }

  drawGrid(scale) {
    const { ctx, map } = this;
    const step = gridStep(map);
    ctx.beginPath();
    for (let x = step; x < map.width; x += step) {
      ctx.moveTo(x, 0);
      ctx.lineTo(x, map.height);
    }
    for (let y = step; y < map.height; y += step) {
      ctx.moveTo(0, y);
      ctx.lineTo(map.width, y);
    }
    ctx.lineWidth = 1 / scale;
    ctx.strokeStyle = THEME.grid;
    ctx.stroke();
  }

  drawPlayer(p, radius, scale) {
    const { ctx } = this;
    if (p.self) {
      // A soft halo and a white ring: the own dot stands out from any colour.
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius + 7 / scale, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(255, 255, 255, 0.12)';
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

    // Names are drawn in screen pixels (readable at any map scale) just above the dot; fillText never parses HTML.
    const fontPx = 12;
    ctx.font = `${p.self ? '600 ' : ''}${fontPx / scale}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const labelY = p.y - radius - 4 / scale;
    // Keep the label on the map near the top edge.
    const y = labelY - fontPx / scale < 0 ? p.y + radius + (4 + fontPx) / scale : labelY;
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = THEME.nameShadow;
    ctx.lineJoin = 'round';
    ctx.strokeText(p.name, p.x, y);
    ctx.fillStyle = THEME.name;
    ctx.fillText(p.name, p.x, y);
  }

  drawMessage(text, scale) {
    const { ctx, map } = this;
    ctx.font = `${15 / scale}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = THEME.text;
    ctx.fillText(text, map.width / 2, map.height / 2);
  }
}

function gridStep(map) {
  // About ten cells across the longer side, on a round number.
  const raw = Math.max(map.width, map.height) / 10;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return raw;
}
