// Arena wire protocol, version 1: the browser side of docs/protocol.md.
//
// This is the only file of the client that knows message type names, error codes and close codes. The Java twin is
// src/main/java/dev/arena/protocol/ (ClientMessage, ServerMessage, ErrorCode, CloseCodes). The wire format only: no
// text for people (texts.js says what a code means to them), no game rule (the compact snapshot decoder is handed
// the dots game's step), no DOM: the module is imported by the Node unit tests in src/test/js/.

/** The protocol version this client speaks (`welcome.protocol`). */
export const PROTOCOL_VERSION = 1;

/** The `type` of every message, both directions. */
export const MessageType = Object.freeze({
  // client -> server
  JOIN: 'join',
  INPUT: 'input',
  PING: 'ping',
  CHAT: 'chat', // both directions
  // server -> client
  WELCOME: 'welcome',
  SNAPSHOT: 'snapshot',
  PLAYER_JOINED: 'playerJoined',
  PLAYER_LEFT: 'playerLeft',
  PONG: 'pong',
  ERROR: 'error',
  SELF: 'self',
  AUDIENCE: 'audience',
  PARTY: 'party',
});

/** What a client is, said in `join` (protocol/Role.java); the default is PLAYER. */
export const Role = Object.freeze({
  PLAYER: 'player',
  CONTROLLER: 'controller',
  SCREEN: 'screen',
  SPECTATOR: 'spectator',
});

/** The `code` of an `error` message (protocol/ErrorCode.java). */
export const ErrorCode = Object.freeze({
  MALFORMED_JSON: 'malformed_json',
  UNKNOWN_TYPE: 'unknown_type',
  INVALID_FIELD: 'invalid_field',
  NOT_JOINED: 'not_joined',
  ALREADY_JOINED: 'already_joined',
  ROOM_FULL: 'room_full',
  TOO_MANY_ROOMS: 'too_many_rooms',
  RATE_LIMITED: 'rate_limited',
  FORBIDDEN: 'forbidden',
  UNKNOWN_ROOM: 'unknown_room',
  CHAT_RATE_LIMITED: 'chat_rate_limited',
  TOO_MANY_SEATS: 'too_many_seats',
  TOO_MANY_GUESSES: 'too_many_guesses',
  UNKNOWN_GAME: 'unknown_game',
  WRONG_GAME: 'wrong_game',
  JOIN_REFUSED: 'join_refused',
});

/**
 * WebSocket close codes (protocol/CloseCodes.java). NORMAL and ABNORMAL are RFC 6455 codes the browser reports
 * itself (1006: the connection dropped without a close frame); the server never sends them.
 */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  PROTOCOL_ERROR: 4000,
  SLOW_CONSUMER: 4001,
  RATE_LIMITED: 4002,
  REPLACED: 4003,
  IDLE_TIMEOUT: 4004,
  TOO_MANY_CONNECTIONS: 4005,
  GAME_FAILED: 4006,
});

/** What a resume token from `welcome` looks like (the server refuses a `join` whose token does not). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Frames larger than this are refused by the server with close code 1009 (Codec.MAX_MESSAGE_BYTES). */
export const MAX_MESSAGE_BYTES = 4096;

/** Longest `join.name` the server accepts; it keeps at most {@link NAME_KEPT_LENGTH} characters of it. */
export const NAME_MAX_LENGTH = 200;
export const NAME_KEPT_LENGTH = 20;

/** What a room name must match; a `join` without a room goes to the server's default room. */
export const ROOM_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const DEFAULT_ROOM = 'lobby';

/** Party room codes: 5 capital letters without look-alikes (server/Party.java). */
export const PARTY_CODE_PATTERN = /^[BCDFGHJKMNPQRSTWXZ]{5}$/;

/** `chat.text`: the server refuses longer texts and keeps at most CHAT_KEPT_LENGTH characters of a line. */
export const CHAT_MAX_LENGTH = 500;
export const CHAT_KEPT_LENGTH = 200;

/** What a screen's `join.link` must match: an absolute http(s) URL without query or fragment (Codec.LINK). */
export const LINK_PATTERN = /^https?:\/\/[^\s?#"'<>\\]{1,300}$/;

/** What `join.game` must match (Codec.GAME_NAME): the game a new room is made with, or the room must play. */
export const JOIN_GAME_PATTERN = /^[a-z][a-z0-9]{0,31}$/;

/** What `welcome.game` must match: the game's name, which names its browser module (games/<name>/index.js). */
export const GAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/** The game of a welcome without `game` (an older server of version 1): every room played dots. */
export const DEFAULT_GAME = 'dots';

/**
 * The game a `welcome` names: its `game`, or DEFAULT_GAME when it has none (null or left out). Returned as sent
 * otherwise, even when it does not match GAME_PATTERN: the module loader refuses it with a clear error.
 */
export function gameOf(welcome) {
  const game = welcome?.game;
  return game === undefined || game === null ? DEFAULT_GAME : game;
}

/** True when `room` is a room name the server accepts. */
export function isValidRoom(room) {
  return typeof room === 'string' && ROOM_PATTERN.test(room);
}

// ---- client -> server -------------------------------------------------------------------------------------------

/**
 * `join`. Every argument is optional: a missing, null or empty `name` lets the server pick "Player N", a missing,
 * null or empty `room` means the default room, and `token` (from an earlier `welcome` of that room) asks to resume
 * that player. Fields that are not given, and a token that does not look like one, are left out of the message.
 * `options.role` is one of Role (left out for a player); `options.link`, for a screen, is the controller page's URL
 * its join link and QR code point to (left out when it does not match LINK_PATTERN).
 */
export function join(name, room, token, { role = Role.PLAYER, link = null, game = null } = {}) {
  const message = { type: MessageType.JOIN };
  if (typeof name === 'string' && name !== '') message.name = name.slice(0, NAME_MAX_LENGTH);
  if (typeof room === 'string' && room !== '') message.room = room;
  if (typeof token === 'string' && TOKEN_PATTERN.test(token)) message.token = token;
  if (role !== Role.PLAYER) {
    if (!Object.values(Role).includes(role)) throw new RangeError(`unknown role: ${role}`);
    message.role = role;
  }
  if (typeof link === 'string' && LINK_PATTERN.test(link)) message.link = link;
  if (typeof game === 'string' && JOIN_GAME_PATTERN.test(game)) message.game = game;
  return message;
}

/** `chat`: a line of plain text for everyone else in the room; trimmed, cut to CHAT_MAX_LENGTH; null when empty. */
export function chat(text) {
  const line = typeof text === 'string' ? text.trim().slice(0, CHAT_MAX_LENGTH) : '';
  return line === '' ? null : { type: MessageType.CHAT, text: line };
}

/** `input`: the directions held now. `seq` is a positive integer that grows with every input of this client. */
export function input(seq, dx, dy) {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`input seq must be a positive integer: ${seq}`);
  return { type: MessageType.INPUT, seq, dx: axis(dx), dy: axis(dy) };
}

/**
 * The binary form of `input`, for a connection with the compact subprotocol (SNAPSHOT_SUBPROTOCOL): u8 kind (2),
 * varint seq, u8 direction code (dx + 1) * 3 + (dy + 1). Three to ten bytes instead of about forty of JSON; the
 * server reads it as the JSON `input` (protocol/SnapshotFormat.java, docs/protocol.md). Returns an ArrayBuffer.
 */
export function inputFrame(seq, dx, dy) {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`input seq must be a positive integer: ${seq}`);
  const bytes = [INPUT_KIND];
  let rest = seq;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  bytes.push((axis(dx) + 1) * 3 + (axis(dy) + 1));
  return new Uint8Array(bytes).buffer;
}

const INPUT_KIND = 2;

/** `ping`: `t` (typically performance.now()) comes back unchanged in `pong`. */
export function ping(t) {
  if (!Number.isFinite(t)) throw new RangeError(`ping t must be a finite number: ${t}`);
  return { type: MessageType.PING, t };
}

function axis(value) {
  if (value !== -1 && value !== 0 && value !== 1) throw new RangeError(`direction must be -1, 0 or 1: ${value}`);
  return value;
}

// ---- framing ----------------------------------------------------------------------------------------------------

/** The text of a frame holding `message`. */
export function encode(message) {
  return JSON.stringify(message);
}

/**
 * The message in a received text frame, or null when the frame is not a JSON object with a string `type`
 * (the caller ignores such frames). Unknown types are returned as they are: the caller ignores what it does not know.
 */
export function decode(text) {
  if (typeof text !== 'string') return null;
  let message;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return null;
  if (typeof message.type !== 'string') return null;
  return message;
}

// ---- compact snapshots (binary frames) ---------------------------------------------------------------------------

/**
 * The WebSocket subprotocol that asks the server for compact binary snapshots (protocol/SnapshotFormat.java). A
 * server that does not offer it sends JSON snapshots, which SnapshotDecoder handles just as well.
 */
export const SNAPSHOT_SUBPROTOCOL = 'arena.binary.1';

const SNAPSHOT_KIND = 1;
const FULL = 0;
const DELTA = 1;
const LEFT = 9;

/**
 * Turns every frame of one connection into a message: text frames are JSON (`decode`), binary frames are compact
 * snapshots, which it turns into the same `{type: 'snapshot', tick, time, players: [{id, x, y, seq}]}` a JSON
 * snapshot is (x, y rounded to 0.01; only the own entry carries `seq`). Keeps the players in view between frames:
 * players of a delta cell move by the game's own rule (`step(pos, dx, dy, rules)`: the dots game's step, the
 * server's World.step, handed in by games/dots), entries say who arrived, turned or left, a full cell replaces what
 * was known of it, and players of cells not in a frame are out of view. Needs the connection's `welcome` first
 * (through decode() or welcome()); a new connection starts afresh. See docs/protocol.md, "Compact snapshots".
 */
export class SnapshotDecoder {
  constructor(step) {
    if (typeof step !== 'function') throw new TypeError('SnapshotDecoder needs the game\'s step(pos, dx, dy, rules)');
    this.step = step;
    this.rules = null;
    this.selfId = null;
    this.players = new Map(); // id -> {cell, x, y, dx, dy}
  }

  /** The message in a received frame (a string or an ArrayBuffer), or null. */
  decode(data) {
    if (typeof data === 'string') {
      const message = decode(data);
      if (message?.type === MessageType.WELCOME) this.welcome(message);
      return message;
    }
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
      try {
        return this.snapshot(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch {
        return null; // malformed: ignored like any frame that does not decode
      }
    }
    return null;
  }

  welcome(message) {
    this.rules = { width: message.width, height: message.height, tickRate: message.tickRate, speed: message.speed, radius: message.radius };
    this.selfId = message.id;
    this.players.clear();
  }

  snapshot(bytes) {
    if (!this.rules) return null;
    const r = new Reader(bytes);
    if (r.u8() !== SNAPSHOT_KIND) return null;
    const tick = r.varint();
    const time = r.varint();
    const ack = r.varint();
    const count = r.varint();
    const cells = [];
    for (let i = 0; i < count; i++) {
      const cell = r.varint();
      const form = r.u8();
      const entries = [];
      const n = r.varint();
      for (let k = 0; k < n; k++) {
        const id = r.varint();
        const code = r.u8();
        if (code === LEFT) entries.push({ id, left: true });
        else entries.push({ id, dx: Math.floor(code / 3) - 1, dy: (code % 3) - 1, x: r.varint() / 100, y: r.varint() / 100 });
      }
      cells.push({ cell, form, entries });
    }
    const inView = new Set(cells.map((c) => c.cell));
    for (const [id, p] of this.players) if (!inView.has(p.cell)) this.players.delete(id);
    for (const { cell, form, entries } of cells) {
      for (const [id, p] of this.players) {
        if (p.cell !== cell) continue;
        if (form === FULL) this.players.delete(id);
        else if (form === DELTA) Object.assign(p, this.step(p, p.dx, p.dy, this.rules));
      }
      for (const e of entries) if (e.left && this.players.get(e.id)?.cell === cell) this.players.delete(e.id);
    }
    for (const { cell, entries } of cells) {
      for (const e of entries) if (!e.left) this.players.set(e.id, { cell, x: e.x, y: e.y, dx: e.dx, dy: e.dy });
    }
    const players = [];
    for (const [id, p] of this.players) {
      players.push({ id, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100, seq: id === this.selfId ? ack : 0 });
    }
    return { type: MessageType.SNAPSHOT, tick, time, players };
  }
}

/** Reads bytes and unsigned LEB128 varints (up to 2^53: no bit operators past 31 bits). */
class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  u8() {
    if (this.at >= this.bytes.length) throw new RangeError('truncated frame');
    return this.bytes[this.at++];
  }

  varint() {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.u8();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new RangeError('varint too long');
  }
}
