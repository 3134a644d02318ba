// One WebSocket that reconnects by itself: open, send and receive JSON, report status. Nothing game-specific here
// (the close-code policy comes in from main.js as `retryDelay`). No DOM: gameUrl() and backoffDelay() are pure
// and unit-tested in Node; Connection takes its WebSocket class and clock as options so it can be tested too.

/**
 * The game's WebSocket URL for a page location: `ws:` or `wss:` after the page's protocol, the page's host (and
 * port), and the page's directory + `game`. Page `/` -> `/game`; page `/arena/` or `/arena/index.html` ->
 * `/arena/game`. Query and fragment are left out. `location` is anything with `protocol`, `host` and `pathname`
 * (window.location, a URL).
 */
export function gameUrl(location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const path = location.pathname || '/';
  const directory = path.slice(0, path.lastIndexOf('/') + 1) || '/';
  return `${scheme}//${location.host}${directory}game`;
}

/**
 * The URL of another page next to the current one, without query or fragment: `pageUrl(location,
 * 'controller.html')` on `http://tv:8080/arena/screen.html?room=X` is `http://tv:8080/arena/controller.html`. So a
 * screen's join link works under any context path.
 */
export function pageUrl(location, page) {
  const path = location.pathname || '/';
  const directory = path.slice(0, path.lastIndexOf('/') + 1) || '/';
  return `${location.protocol}//${location.host}${directory}${page}`;
}

/** Defaults of the reconnect backoff, in milliseconds. */
export const BACKOFF = Object.freeze({ baseMs: 250, maxMs: 5000 });

/**
 * How long to wait before reconnect attempt number `attempt` (0 for the first retry): exponential growth from
 * `baseMs`, capped at `maxMs`, with "equal jitter" (a random point in the upper half) so that many clients dropped
 * at once do not all come back in the same instant. `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt, { baseMs = BACKOFF.baseMs, maxMs = BACKOFF.maxMs, random = Math.random } = {}) {
  const n = Math.max(0, Math.min(30, Math.floor(attempt)));
  const ceiling = Math.min(maxMs, baseMs * 2 ** n);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Connection states reported to `onStatus`. */
export const Status = Object.freeze({
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  RECONNECTING: 'reconnecting',
  DISCONNECTED: 'disconnected',
});

/**
 * A WebSocket to `url` that is reopened after it closes, until stop().
 *
 * Options:
 * - onOpen(): the socket is open (send your first messages here);
 * - protocols: WebSocket subprotocols to offer (e.g. the compact snapshot format);
 * - onMessage(data): a frame arrived: a string (text frame) or an ArrayBuffer (binary frame);
 * - onStatus({state, attempt, retryAt, closeCode, closeReason}): the state changed; retryAt is a `now()` time;
 * - retryDelay({code, reason, attempt}): ms to wait before the next attempt, or null to give up (state
 *   `disconnected` until reconnect() is called); default: backoffDelay(attempt);
 * - stableMs: a socket that stayed open this long resets the attempt counter (default 5000);
 * - idleTimeoutMs: drop and reopen a socket that received nothing for this long (default 0: never);
 * - WebSocket, now, setTimeout, clearTimeout: for tests.
 */
export class Connection {
  constructor(url, options = {}) {
    this.url = url;
    this.options = options;
    this.WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimeout ?? ((id) => clearTimeout(id));
    this.socket = null;
    this.timer = null;
    this.idleTimer = null;
    this.attempt = 0;
    this.openedAt = 0;
    this.lastReceivedAt = 0;
    this.stopped = true;
    this.status = { state: Status.DISCONNECTED, attempt: 0, retryAt: null, closeCode: null, closeReason: '' };
  }

  /** Opens the socket (again). */
  start() {
    this.stopped = false;
    this.attempt = 0;
    this.open();
  }

  /** Closes the socket now and opens a new one at once (e.g. to join again under another name). */
  reconnect() {
    this.stopped = false;
    this.attempt = 0;
    this.discard(1000, 'reconnect');
    this.open();
  }

  /** Closes the socket for good (until start() or reconnect()). */
  stop() {
    this.stopped = true;
    this.discard(1000, 'bye');
    this.report({ state: Status.DISCONNECTED, retryAt: null });
  }

  /** True when a message can be sent now. */
  get isOpen() {
    return this.socket !== null && this.socket.readyState === 1;
  }

  /** The subprotocol the server chose for the open socket ('' for none). */
  get subprotocol() {
    return this.socket?.protocol ?? '';
  }

  /**
   * Sends `message`: a string as it is, an ArrayBuffer as a binary frame, anything else as JSON text; false (and
   * nothing sent) when the socket is not open.
   */
  send(message) {
    if (!this.isOpen) return false;
    const asIs = typeof message === 'string' || message instanceof ArrayBuffer;
    this.socket.send(asIs ? message : JSON.stringify(message));
    return true;
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  open() {
    this.cancelTimer();
    let socket;
    try {
      socket = this.options.protocols ? new this.WebSocket(this.url, this.options.protocols) : new this.WebSocket(this.url);
      socket.binaryType = 'arraybuffer';
    } catch (e) {
      // A malformed URL throws at once; treat it like a failed connection attempt.
      this.closed({ code: 1006, reason: String(e?.message ?? e) });
      return;
    }
    this.socket = socket;
    this.report({
      state: this.attempt === 0 && this.status.state !== Status.RECONNECTING ? Status.CONNECTING : Status.RECONNECTING,
      retryAt: null,
    });
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.openedAt = this.now();
      this.lastReceivedAt = this.openedAt;
      this.armIdleTimer();
      this.report({ state: Status.CONNECTED, retryAt: null, closeCode: null, closeReason: '' });
      this.options.onOpen?.();
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.lastReceivedAt = this.now();
      if (typeof event.data === 'string' || event.data instanceof ArrayBuffer) this.options.onMessage?.(event.data);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.closed({ code: event.code, reason: event.reason });
    };
    // An error is always followed by close; nothing to do here.
    socket.onerror = () => {};
  }

  closed({ code, reason }) {
    const wasOpenFor = this.openedAt ? this.now() - this.openedAt : 0;
    this.detach();
    if (this.stopped) return;
    if (wasOpenFor >= (this.options.stableMs ?? 5000)) this.attempt = 0;
    const delay = this.options.retryDelay
      ? this.options.retryDelay({ code, reason, attempt: this.attempt })
      : backoffDelay(this.attempt);
    if (delay === null || delay === undefined) {
      this.report({ state: Status.DISCONNECTED, retryAt: null, closeCode: code, closeReason: reason ?? '' });
      return;
    }
    this.attempt += 1;
    const retryAt = this.now() + delay;
    this.report({ state: Status.RECONNECTING, retryAt, closeCode: code, closeReason: reason ?? '' });
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  armIdleTimer() {
    const idle = this.options.idleTimeoutMs ?? 0;
    if (!idle) return;
    const check = () => {
      this.idleTimer = null;
      if (!this.isOpen) return;
      const quiet = this.now() - this.lastReceivedAt;
      if (quiet >= idle) {
        // Nothing heard for too long: the connection is probably dead without anyone noticing. Start over.
        this.discard(4004, 'idle'); // CloseCode.IDLE_TIMEOUT: the server keeps the player for a resume
        this.closed({ code: 1006, reason: 'no data received' });
      } else {
        this.idleTimer = this.setTimer(check, idle - quiet);
      }
    };
    this.idleTimer = this.setTimer(check, idle);
  }

  /** Forgets the current socket (its events are ignored from now on) and closes it. */
  discard(code, reason) {
    this.cancelTimer();
    const socket = this.socket;
    this.detach();
    if (socket && socket.readyState < 2) {
      try {
        socket.close(code, reason);
      } catch {
        // already closing
      }
    }
  }

  detach() {
    if (this.socket) {
      this.socket.onopen = this.socket.onmessage = this.socket.onclose = this.socket.onerror = null;
    }
    this.socket = null;
    this.openedAt = 0;
    if (this.idleTimer !== null) {
      this.clearTimer(this.idleTimer);
      this.idleTimer = null;
    }
  }

  cancelTimer() {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }

  report(change) {
    this.status = { ...this.status, ...change, attempt: this.attempt };
    this.options.onStatus?.({ ...this.status });
  }
}
