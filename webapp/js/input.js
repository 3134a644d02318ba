// Held directions from the keyboard (arrow keys, WASD, or the game module's `keys`) and from the on-screen pad
// (mouse, touch, pen), for any game: the game module maps the held (dx, dy) to its own input (games.js).
//
// Every source of input (a key, a pointer on the pad) holds a set of directions; the combined state is the union
// of all sources, reduced to (dx, dy) by directionOf(). onChange(dx, dy) is called only when that pair changes.
// Releasing a key or a pointer, cancelling a touch, sliding off the pad's buttons, losing the window's focus or
// hiding the page releases what it held.

/** The four directions. */
export const Direction = Object.freeze({ UP: 'up', DOWN: 'down', LEFT: 'left', RIGHT: 'right' });

/** Keyboard keys, by KeyboardEvent.code (physical position: WASD is ZQSD on an AZERTY keyboard, as it should be). */
export const KEY_DIRECTIONS = Object.freeze({
  ArrowUp: [Direction.UP],
  ArrowDown: [Direction.DOWN],
  ArrowLeft: [Direction.LEFT],
  ArrowRight: [Direction.RIGHT],
  KeyW: [Direction.UP],
  KeyS: [Direction.DOWN],
  KeyA: [Direction.LEFT],
  KeyD: [Direction.RIGHT],
});

/** (dx, dy) for a collection of held directions: opposite directions cancel out. */
export function directionOf(held) {
  const has = (d) => held.has(d);
  return {
    dx: (has(Direction.RIGHT) ? 1 : 0) - (has(Direction.LEFT) ? 1 : 0),
    dy: (has(Direction.DOWN) ? 1 : 0) - (has(Direction.UP) ? 1 : 0),
  };
}

/** The directions of a pad button's `data-dir` attribute, e.g. "up" or "up left". */
export function parseDirections(text) {
  const valid = new Set(Object.values(Direction));
  return (text ?? '').split(/\s+/).filter((d) => valid.has(d));
}

/**
 * Listens to `window` for keys (`keys`: KeyboardEvent.code -> directions, default KEY_DIRECTIONS; setKeys()
 * changes them, e.g. for another game) and to `pad` (an element whose buttons carry `data-dir`) for pointers.
 * dispose() removes every listener.
 */
export class InputController {
  constructor({ window: win, pad = null, keys = KEY_DIRECTIONS, onChange }) {
    this.window = win;
    this.keys = keys;
    this.pad = pad;
    this.onChange = onChange;
    this.sources = new Map(); // "key:KeyW" | "pointer:7" -> [directions]
    this.current = { dx: 0, dy: 0 };
    this.listeners = [];

    this.listen(win, 'keydown', (e) => this.onKey(e, true));
    this.listen(win, 'keyup', (e) => this.onKey(e, false));
    this.listen(win, 'blur', () => this.releaseAll());
    this.listen(win.document, 'visibilitychange', () => {
      if (win.document.visibilityState === 'hidden') this.releaseAll();
    });

    if (pad) {
      this.listen(pad, 'pointerdown', (e) => this.onPointerDown(e));
      this.listen(pad, 'pointermove', (e) => this.onPointerMove(e));
      for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) {
        this.listen(pad, type, (e) => this.release(`pointer:${e.pointerId}`));
      }
      // No long-press menu, text selection or double-tap zoom on the pad.
      this.listen(pad, 'contextmenu', (e) => e.preventDefault());
      this.listen(pad, 'touchstart', (e) => e.preventDefault(), { passive: false });
    }
  }

  /** The held direction now: {dx, dy}. */
  get direction() {
    return { ...this.current };
  }

  /** True while any direction is held. */
  get active() {
    return this.current.dx !== 0 || this.current.dy !== 0;
  }

  /** Uses another key map (a game module's `keys`, or the default when none); releases every key held. */
  setKeys(keys = KEY_DIRECTIONS) {
    if (keys === this.keys) return;
    this.keys = keys;
    for (const source of [...this.sources.keys()]) if (source.startsWith('key:')) this.sources.delete(source);
    this.update();
  }

  /** Releases every key and pointer (e.g. on blur). */
  releaseAll() {
    this.sources.clear();
    this.update();
  }

  dispose() {
    for (const [target, type, fn, options] of this.listeners) target.removeEventListener(type, fn, options);
    this.listeners = [];
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  listen(target, type, fn, options) {
    target.addEventListener(type, fn, options);
    this.listeners.push([target, type, fn, options]);
  }

  onKey(event, down) {
    const directions = this.keys[event.code] ?? this.keys[keyFallback(event.key)];
    if (!directions) return;
    const source = `key:${event.code || event.key}`;
    if (!down) {
      this.release(source); // always honour a release, wherever the focus is
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
    event.preventDefault(); // no page scrolling by arrow keys
    if (event.repeat && this.sources.has(source)) return;
    this.hold(source, directions);
  }

  onPointerDown(event) {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    try {
      // Keep receiving this pointer's events even when it slides off the pad, so its release is never missed.
      this.pad.setPointerCapture(event.pointerId);
    } catch {
      // the pointer is gone already
    }
    this.pointerAt(event);
  }

  onPointerMove(event) {
    if (!this.sources.has(`pointer:${event.pointerId}`)) return;
    this.pointerAt(event);
  }

  /** Holds the directions of the button under the pointer, or nothing when it is not over a button. */
  pointerAt(event) {
    const source = `pointer:${event.pointerId}`;
    const doc = this.window.document;
    const under = doc.elementFromPoint?.(event.clientX, event.clientY) ?? event.target;
    const button = under?.closest?.('[data-dir]');
    const directions = button && this.pad.contains(button) ? parseDirections(button.dataset.dir) : [];
    this.hold(source, directions);
  }

  hold(source, directions) {
    this.sources.set(source, directions);
    this.update();
  }

  release(source) {
    if (this.sources.delete(source)) this.update();
  }

  update() {
    const held = new Set();
    for (const directions of this.sources.values()) for (const d of directions) held.add(d);
    if (this.pad) {
      for (const button of this.pad.querySelectorAll('[data-dir]')) {
        const pressed = [...this.sources.values()].some((ds) => sameDirections(ds, parseDirections(button.dataset.dir)));
        button.classList.toggle('pressed', pressed);
      }
    }
    const next = directionOf(held);
    if (next.dx === this.current.dx && next.dy === this.current.dy) return;
    this.current = next;
    this.onChange?.(next.dx, next.dy);
  }
}

function sameDirections(a, b) {
  return a.length > 0 && a.length === b.length && a.every((d) => b.includes(d));
}

function keyFallback(key) {
  // Old browsers without KeyboardEvent.code: map the key's value.
  const map = { w: 'KeyW', a: 'KeyA', s: 'KeyS', d: 'KeyD', W: 'KeyW', A: 'KeyA', S: 'KeyS', D: 'KeyD' };
  return map[key] ?? key;
}

function isTextField(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}
