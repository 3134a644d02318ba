// What the three pages (main.js: the player page, screen.js: the party screen, controller.js: a phone) set up
// alike, in one place: the connection to the game with its join, ping, resume token and retry policy; the game
// module of the room, loaded when the welcome names it (games.js), with the frames that arrive meanwhile held back
// and handed on in order; input numbering and resending; the status line; names and storage; the debug hook.

import * as protocol from './protocol.js';
import { CloseCode, MessageType } from './protocol.js';
import { Connection, Status, backoffDelay, gameUrl } from './net.js';
import { ResumeToken, closePolicy } from './resume.js';
import { GameLoadError, loadGame } from './games.js';

export const PING_INTERVAL_MS = 2000;
export const INPUT_RESEND_MS = 250;
export const IDLE_TIMEOUT_MS = 10000; // pongs come every 2 s: 10 s of silence is a dead socket
const PROTOCOL_ERROR_PAUSE_MS = 10000;
const MAX_PROTOCOL_ERRORS = 3;
const NAME_KEY = 'arena.name';

/** The page's elements by id: `elements({status: 'status', ...})` -> {status: <element>, ...}. */
export function elements(ids, doc = document) {
  return Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, doc.getElementById(id)]));
}

/** Sets an element's text only when it changed (no layout work on every frame). */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

export function sessionStore() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: no resume after a reload, still after a drop
  }
}

/** The name last typed on this device (localStorage "arena.name"), or null. */
export function loadName() {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null; // storage disabled
  }
}

export function saveName(name) {
  try {
    if (name) localStorage.setItem(NAME_KEY, name);
    else localStorage.removeItem(NAME_KEY);
  } catch {
    // storage disabled: the name lasts as long as the page
  }
}

/**
 * The status line of a page: 'connecting…', 'connected', 'joining…', 'reconnecting in 3s', 'disconnected' ('not
 * in a room' while connected after a refused join). `status` as Connection reports it; `now` on its clock.
 */
export function statusText(status, joined, { blocked = false, now = 0 } = {}) {
  switch (status.state) {
    case Status.CONNECTING:
      return 'connecting…';
    case Status.CONNECTED:
      if (joined) return 'connected';
      return blocked ? 'not in a room' : 'joining…';
    case Status.RECONNECTING: {
      if (status.retryAt === null || status.retryAt === undefined) return 'reconnecting…';
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return seconds > 0 ? `reconnecting in ${seconds}s` : 'reconnecting…';
    }
    default:
      return 'disconnected';
  }
}

/** The `data-state` of the status element (its colour): the connection's state, 'joining' while not yet joined. */
export function statusState(status, joined) {
  return status.state === Status.CONNECTED && !joined ? 'joining' : status.state;
}

/** Puts the read-only debug hook `window.arena` (browser tests, the benchmark, the console) on the page. */
export function defineHook(getters) {
  Object.defineProperty(window, 'arena', { configurable: false, enumerable: true, writable: false, value: Object.freeze(getters) });
}

/**
 * Hands a connection's frames on in order, with the game module of the room: a `welcome` starts loading the
 * module its `game` names, and every frame after it waits until that is done. `onWelcome(game, welcome)`,
 * `onMessage(message)` (a decoded JSON object or an ArrayBuffer), `onGameError(error, welcome)` (a
 * GameLoadError: the frames of that connection are dropped). reset() with every new connection. No DOM: tested in
 * Node (src/test/js/games.test.mjs).
 */
export class GameGate {
  constructor({ onWelcome, onMessage, onGameError, load = loadGame }) {
    Object.assign(this, { onWelcome, onMessage, onGameError, load });
    this.reset();
  }

  reset() {
    this.generation = (this.generation ?? 0) + 1;
    this.waiting = null; // frames held back while a module loads
    this.failed = false;
  }

  /** A frame as it arrived: a string (JSON text) or an ArrayBuffer. */
  push(data) {
    if (this.failed) return;
    if (this.waiting) {
      this.waiting.push(data);
      return;
    }
    const message = typeof data === 'string' ? protocol.decode(data) : data;
    if (!message) return; // not a JSON object with a type: ignored
    if (message.type !== MessageType.WELCOME) {
      this.onMessage(message);
      return;
    }
    this.waiting = [];
    const generation = this.generation;
    this.load(protocol.gameOf(message)).then((game) => {
      if (generation !== this.generation) return; // a new connection since
      const held = this.waiting;
      this.waiting = null;
      this.onWelcome(game, message);
      for (const frame of held) this.push(frame);
    }, (error) => {
      if (generation !== this.generation) return;
      this.waiting = null;
      this.failed = true;
      this.onGameError(error instanceof GameLoadError ? error : new GameLoadError(String(error?.message ?? error)), message);
    });
  }
}

/**
 * The connection of a page: joins with `join()` (a join message; the resume token is added here) on every open,
 * pings, keeps the resume token of every welcome, measures the round trip, and loads the room's game module.
 * Options: role, join(token) -> message, compact (offer the compact subprotocol), strict (back off hard after
 * protocol errors, then give up), onWelcome(game, welcome), onMessage(message), onGameError(error),
 * onStatus(status), onTraffic(direction 'in' | 'out', data), initialState (the status before start()).
 */
export class PageConnection {
  constructor({ join, compact = false, strict = false, onWelcome, onMessage, onGameError, onStatus = () => {},
    onTraffic = () => {}, initialState = Status.CONNECTING }) {
    this.joinMessage = join;
    this.onStatus = onStatus;
    this.onTraffic = onTraffic;
    this.resume = new ResumeToken(sessionStore());
    this.status = { state: initialState, retryAt: null, closeCode: null, closeReason: '' };
    this.rtt = null;
    this.protocolErrors = 0;
    this.gate = new GameGate({
      onWelcome: (game, welcome) => {
        this.resume.welcomed(welcome); // the next join (after a drop, a reload or a server restart) resumes this seat
        onWelcome(game, welcome);
      },
      onMessage: (message) => {
        if (message.type === MessageType.PONG && typeof message.t === 'number' && performance.now() >= message.t) {
          this.rtt = performance.now() - message.t;
        }
        onMessage(message);
      },
      onGameError: (error, welcome) => {
        this.conn.stop(); // the room's game cannot be shown here: leave it rather than sit in it blind
        onGameError(error, welcome);
      },
    });
    this.conn = new Connection(gameUrl(location), {
      idleTimeoutMs: IDLE_TIMEOUT_MS,
      protocols: compact ? [protocol.SNAPSHOT_SUBPROTOCOL] : undefined,
      now: () => performance.now(), // the clock of statusText()'s countdown
      onOpen: () => {
        this.gate.reset();
        this.send(this.joinMessage((room) => this.resume.tokenFor(room, protocol.DEFAULT_ROOM)));
        this.ping();
      },
      onMessage: (data) => {
        this.onTraffic('in', data);
        this.gate.push(data);
      },
      onStatus: (status) => {
        this.status = status;
        this.onStatus(status);
      },
      retryDelay: ({ code, attempt }) => {
        const policy = closePolicy(code);
        if (policy) {
          if (policy.forgetToken) this.resume.forget();
          return policy.retry ? policy.pauseMs + backoffDelay(attempt) : null;
        }
        // A server that calls us a protocol violator will likely do so again: back off hard, then give up.
        if (strict && (code === CloseCode.PROTOCOL_ERROR || code === CloseCode.TOO_BIG)) {
          this.protocolErrors += 1;
          if (this.protocolErrors >= MAX_PROTOCOL_ERRORS) return null;
          return PROTOCOL_ERROR_PAUSE_MS * this.protocolErrors + backoffDelay(attempt);
        }
        return backoffDelay(attempt);
      },
    });
    setInterval(() => this.ping(), PING_INTERVAL_MS);
  }

  start() {
    this.conn.start();
  }

  /** A new connection at once (a new name or room, or the Reconnect button). */
  reconnect() {
    this.protocolErrors = 0;
    this.conn.reconnect();
  }

  stop() {
    this.conn.stop();
  }

  get isOpen() {
    return this.conn.isOpen;
  }

  get subprotocol() {
    return this.conn.subprotocol;
  }

  /** Sends a message object as JSON, or a frame (string or ArrayBuffer) as it is; false when not open. */
  send(message) {
    const frame = typeof message === 'string' || message instanceof ArrayBuffer ? message : protocol.encode(message);
    if (!this.conn.send(frame)) return false;
    this.onTraffic('out', frame);
    return true;
  }

  ping() {
    if (this.conn.isOpen) this.send(protocol.ping(performance.now()));
  }
}

/**
 * Sends the held input of a page's player: on every change and again every INPUT_RESEND_MS while something is
 * held (harmless, and it heals a lost or late input), numbered from 1 on every connection. `send(seq, input)`
 * sends one and returns false when it could not; `active()` says whether anything is held.
 */
export class InputSender {
  constructor({ send, active }) {
    this.sendOne = send;
    this.active = active;
    this.seq = 0;
    this.lastSentAt = -Infinity;
    setInterval(() => {
      if (this.active() && performance.now() - this.lastSentAt >= INPUT_RESEND_MS - 10) this.send();
    }, INPUT_RESEND_MS / 2);
  }

  /** A new connection numbers its inputs afresh. */
  restart() {
    this.seq = 0;
  }

  send() {
    if (this.sendOne(this.seq + 1)) {
      this.seq += 1;
      this.lastSentAt = performance.now();
    }
  }
}
