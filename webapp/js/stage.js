// The canvas a game is drawn on, for any game: it keeps the map's aspect ratio and fills as much of its container
// as it can; its backing store is scaled by devicePixelRatio so everything stays sharp on phones. Each frame it
// draws the map (background, grid, border) and a line of text over it when asked, and in between hands the
// context, scaled to map units, to the game module's draw(ctx, view) (games.js).

const THEME = Object.freeze({
  map: '#141a24',
  grid: 'rgba(255, 255, 255, 0.045)',
  border: '#2c3647',
  text: '#8a95a8',
});

/** The CSS size of a box with the map's aspect ratio that fits into `available` (both {width, height}). */
export function fitSize(map, available) {
  if (!map.width || !map.height || available.width <= 0 || available.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(available.width / map.width, available.height / map.height);
  return { width: Math.floor(map.width * scale), height: Math.floor(map.height * scale) };
}

/** About ten grid cells across the longer side, on a round number. */
export function gridStep(map) {
  const raw = Math.max(map.width, map.height) / 10;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return raw;
}

export class Stage {
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
    if (!(width > 0 && height > 0) || (width === this.map.width && height === this.map.height)) return;
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
   * Draws one frame: the map, then `game.draw(ctx, view)` (when a game is given) with `view.scale` set, then
   * `message` (e.g. "connecting…") in the middle.
   */
  draw(game, view = {}, message = '') {
    const { ctx, canvas, map } = this;
    if (canvas.width <= 1) return;
    const scale = canvas.width / map.width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = THEME.map;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    this.drawGrid(scale);
    if (game) {
      ctx.save();
      game.draw(ctx, { ...view, scale });
      ctx.restore();
    }
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

  drawMessage(text, scale) {
    const { ctx, map } = this;
    ctx.font = `${15 / scale}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = THEME.text;
    ctx.fillText(text, map.width / 2, map.height / 2);
  }
}
