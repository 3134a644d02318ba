// The network overlay of the player page (N key or the Net button): ping, snapshot rate, jitter, interpolation
// delay, bytes per second each way, prediction, corrections; and the byte counts behind it. For any game: the
// figures come from the connection and the core's RoomState.netStats().

const OVERLAY_MS = 250; // refresh

/** UTF-8 bytes of a string (what a text frame costs on the wire). */
export function utf8Length(text) {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i += 1;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/** Bytes of the frames of the last second, each way. */
export class Traffic {
  constructor() {
    this.log = { in: [], out: [] }; // [time, bytes]
  }

  /** Records a frame (a string, or an ArrayBuffer) sent ('out') or received ('in') at `now`. */
  count(direction, data, now) {
    const log = this.log[direction];
    log.push([now, typeof data === 'string' ? utf8Length(data) : data.byteLength]);
    if (log.length > 4096) log.shift();
  }

  perSecond(direction, now) {
    const log = this.log[direction];
    while (log.length > 0 && log[0][0] <= now - 1000) log.shift();
    return log.reduce((sum, [, bytes]) => sum + bytes, 0);
  }
}

/** The overlay: `el` (a <dl>), `button` (toggles it), `stats(now)` -> the figures; shown at first when `shown`. */
export class NetOverlay {
  constructor({ el, button, stats, shown = false, window: win = window }) {
    Object.assign(this, { el, button, stats, shown });
    this.updatedAt = -Infinity;
    win.addEventListener('keydown', (event) => {
      if (event.code !== 'KeyN' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const tag = event.target?.tagName?.toLowerCase();
      if (tag === 'input' || tag === 'textarea') return;
      this.toggle();
    });
    button.addEventListener('click', () => {
      this.toggle();
      button.blur();
    });
  }

  toggle() {
    this.shown = !this.shown;
    this.updatedAt = -Infinity;
  }

  /** Shows or hides it, and refreshes the figures at most every OVERLAY_MS. */
  update(now) {
    this.el.hidden = !this.shown;
    this.button.setAttribute('aria-pressed', String(this.shown));
    if (!this.shown || now - this.updatedAt < OVERLAY_MS) return;
    this.updatedAt = now;
    const n = this.stats(now);
    const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);
    const kb = (v) => `${(v / 1024).toFixed(1)} KiB/s`;
    const rows = [
      ['ping', ms(n.ping)],
      ['snapshots', `${n.snapshotRate} /s`],
      ['jitter', ms(n.jitterMs)],
      ['interp delay', ms(n.interpDelayMs)],
      ['in', kb(n.bytesInPerSec)],
      ['out', kb(n.bytesOutPerSec)],
      ['prediction', n.predicting ? 'on' : 'off'],
      ['corrections', `${n.correctionsPerSec} /s (${n.corrections})`],
    ];
    const doc = this.el.ownerDocument;
    for (const [key, value] of rows) {
      let dd = this.el.querySelector(`[data-key="${key}"]`);
      if (!dd) {
        const dt = doc.createElement('dt');
        dt.textContent = key;
        dd = doc.createElement('dd');
        dd.dataset.key = key;
        this.el.append(dt, dd);
      }
      if (dd.textContent !== value) dd.textContent = value;
    }
  }
}
