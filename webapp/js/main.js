/*
 * Arena browser client: wires the connection (net.js), the game state (game.js), drawing (render.js) and input
 * (input.js) to the page.
 *
 * Page parameters: `?room=NAME` joins that room (default: the server's default room); `?name=NAME` sets the
 * name (otherwise the last one typed into the Name field, kept in localStorage under "arena.name"); `?predict=0`
 * turns the own player's prediction off (it is then drawn like the others, a round trip and a buffer late);
 * `?net=1` opens the network overlay (also toggled by the N key or the "Net" button); `?role=spectator` watches the
 * room without a dot (no pad, no input). The chat form sends `chat`; lines of the room show over the map.
 *
 * Debug hook for browser tests and the console, read-only (every read returns a fresh copy):
 *
 *   window.arena = {
 *     status,           // 'connecting' | 'connected' | 'reconnecting' | 'disconnected'
 *     joined,           // true between `welcome` and the connection's end
 *     id,               // own player id from `welcome`, or null
 *     room,             // room joined (from `welcome`), else the room asked for, null for the default
 *     name,             // own name as the server keeps it (from `welcome`), else the name asked for
 *     players,          // [{id, name, x, y, color}]: every known player at the newest snapshot (not interpolated)
 *     ping,             // last round-trip time in ms (from `pong`), or null
 *     lastSnapshotTick, // tick of the newest snapshot (or of `welcome`), or null
 *     rules,            // {protocol, width, height, tickRate, speed, radius} from `welcome`, or null
 *     drawn,            // [{id, x, y}] as drawn in the last frame (others interpolated; own predicted), own last
 *     frames(n),        // the last n (≤ 600) frames drawn: [{t, players: [{id, x, y}]}], t = performance.now()
 *     input,            // {dx, dy} held now
 *     predict,          // true when the own player is predicted (page without ?predict=0)
 *     net,              // {ping, snapshotRate, jitterMs, interpDelayMs, bytesInPerSec, bytesOutPerSec,
 *                       //  correctionsPerSec, corrections, lastCorrection, predicting}: what the overlay shows
 *     overlay,          // true while the network overlay is shown
 *     lastError,        // {code, message} of the last `error`, or null
 *     closeCode,        // code of the last close, or null
 *     role,             // 'player' or 'spectator'
 *     chat,             // [{from, name, text, self}]: the chat lines shown, oldest first
 *   }
 */

import * as protocol from './protocol.js';
import { CloseCode, ErrorCode, MessageType, Role } from './protocol.js';
import { Connection, Status, backoffDelay, gameUrl } from './net.js';
import { GameState } from './game.js';
import { Renderer } from './render.js';
import { InputController } from './input.js';
import { ResumeToken, closePolicy } from './resume.js';
import { ChatLog } from './chat.js';

const PING_INTERVAL_MS = 2000;
const INPUT_RESEND_MS = 250;
const TOAST_MS = 4000;
const NAME_KEY = 'arena.name';
const IDLE_TIMEOUT_MS = 10000; // pongs come every 2 s and snapshots every tick: 10 s of silence is a dead socket
const PROTOCOL_ERROR_PAUSE_MS = 10000;
const MAX_PROTOCOL_ERRORS = 3;
const FRAME_LOG_SIZE = 600; // ten seconds at 60 frames a second
const OVERLAY_MS = 250; // overlay refresh

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('status'),
  room: $('room'),
  me: $('me'),
  myId: $('my-id'),
  count: $('count'),
  ping: $('ping'),
  settings: $('settings'),
  nameInput: $('name-input'),
  roomInput: $('room-input'),
  banner: $('banner'),
  bannerText: $('banner-text'),
  bannerRetry: $('banner-retry'),
  toasts: $('toasts'),
  canvas: $('map'),
  stage: $('stage'),
  pad: $('pad'),
  net: $('net'),
  netToggle: $('net-toggle'),
  chat: $('chat'),
  chatForm: $('chat-form'),
  chatInput: $('chat-input'),
};

// ---- what to join ---------------------------------------------------------------------------------------------

const params = new URLSearchParams(location.search);
let wantedName = (params.get('name') ?? loadName() ?? '').trim().slice(0, protocol.NAME_MAX_LENGTH);
let wantedRoom = null;
{
  const room = (params.get('room') ?? '').trim();
  if (room && protocol.isValidRoom(room)) wantedRoom = room;
  else if (room) toast(`“${room}” is not a valid room name (letters, digits, _ and -, up to 32): joining the default room.`);
}
const predict = params.get('predict') !== '0';
const role = params.get('role') === Role.SPECTATOR ? Role.SPECTATOR : Role.PLAYER;
ui.pad.hidden = role === Role.SPECTATOR;
ui.nameInput.value = wantedName;
ui.roomInput.value = wantedRoom ?? '';

// ---- state ----------------------------------------------------------------------------------------------------

const game = new GameState({ predict });
const renderer = new Renderer(ui.canvas, ui.stage);
let connStatus = { state: Status.CONNECTING, retryAt: null, closeCode: null, closeReason: '' };
let rtt = null;
let seq = 0;
let lastInputSentAt = -Infinity;
let lastError = null;
let blockedReason = null; // a refused join (room full…): shown until the next join
let protocolErrors = 0;
const resume = new ResumeToken(sessionStore());
let drawn = [];
const frameLog = [];
const traffic = { in: [], out: [] }; // [time, bytes] of the last second, each way
const chatLog = new ChatLog(ui.chat, { size: 6 });

// Compact binary snapshots unless the page asks for JSON (?snapshots=json, to read them in the browser's tools).
const snapshotDecoder = new protocol.SnapshotDecoder();
const compactSnapshots = new URLSearchParams(location.search).get('snapshots') !== 'json';

const conn = new Connection(gameUrl(location), {
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  protocols: compactSnapshots ? [protocol.SNAPSHOT_SUBPROTOCOL] : undefined,
  now: () => performance.now(), // the clock of statusText()'s countdown
  onOpen() {
    blockedReason = null;
    send(protocol.join(wantedName, wantedRoom, resume.tokenFor(wantedRoom, protocol.DEFAULT_ROOM), { role }));
    sendPing();
  },
  onMessage(data) {
    count(traffic.in, data);
    const message = snapshotDecoder.decode(data);
    if (message) receive(message);
  },
  onStatus(status) {
    connStatus = status;
    if (status.state !== Status.CONNECTED) game.disconnect();
  },
  retryDelay({ code, attempt }) {
    const policy = closePolicy(code);
    if (policy) {
      if (policy.forgetToken) resume.forget();
      return policy.retry ? policy.pauseMs + backoffDelay(attempt) : null;
    }
    // A server that calls us a protocol violator will likely do so again: back off hard, then give up.
    if (code === CloseCode.PROTOCOL_ERROR || code === CloseCode.TOO_BIG) {
      protocolErrors += 1;
      if (protocolErrors >= MAX_PROTOCOL_ERRORS) return null;
      return PROTOCOL_ERROR_PAUSE_MS * protocolErrors + backoffDelay(attempt);
    }
    return backoffDelay(attempt);
  },
});

function receive(message) {
  const now = performance.now();
  if (game.handle(message, now)) {
    if (message.type === MessageType.WELCOME) welcomed(message);
    return;
  }
  switch (message.type) {
    case MessageType.PONG:
      if (typeof message.t === 'number' && now >= message.t) {
        rtt = now - message.t;
        game.rttMs = rtt;
      }
      break;
    case MessageType.ERROR:
      refused(message);
      break;
    case MessageType.CHAT:
      chatLog.add({ from: message.from, name: message.name, text: message.text, color: game.players.get(message.from)?.color });
      break;
    default:
      break; // a newer server's message: ignore
  }
}

function welcomed(message) {
  resume.welcomed(message); // the next join (after a drop, a reload or a server restart) resumes this player
  if (message.protocol !== protocol.PROTOCOL_VERSION) {
    toast(`The server speaks protocol ${message.protocol}; this page speaks ${protocol.PROTOCOL_VERSION}. Reload the page.`);
  }
  renderer.setMap(message.width, message.height);
  lastError = null;
  // Keys held across a reconnect keep moving the new player.
  if (input.active) sendInput();
}

function refused(message) {
  lastError = { code: message.code, message: message.message };
  const text = protocol.describeError(message.code, wantedRoom);
  if (!game.joined && (message.code === ErrorCode.ROOM_FULL || message.code === ErrorCode.TOO_MANY_ROOMS
      || message.code === ErrorCode.UNKNOWN_ROOM || message.code === ErrorCode.TOO_MANY_SEATS
      || message.code === ErrorCode.TOO_MANY_GUESSES)) {
    blockedReason = text;
    ui.roomInput.focus();
    ui.roomInput.select();
    return; // shown in the banner until the next join
  }
  toast(text, 'error');
}

// ---- input and ping -------------------------------------------------------------------------------------------

const input = new InputController({ window, pad: ui.pad, onChange: () => sendInput() });

function sendInput() {
  if (!game.joined || !conn.isOpen || role !== Role.PLAYER) return;
  const { dx, dy } = input.direction;
  seq += 1;
  const now = performance.now();
  if (conn.subprotocol === protocol.SNAPSHOT_SUBPROTOCOL) { // compact: the input's binary frame
    const frame = protocol.inputFrame(seq, dx, dy);
    if (conn.send(frame)) count(traffic.out, frame);
  } else {
    send(protocol.input(seq, dx, dy));
  }
  game.sentInput(seq, dx, dy, now); // drawn from the next frame on
  lastInputSentAt = now;
}

function sendPing() {
  if (conn.isOpen) send(protocol.ping(performance.now()));
}

function send(message) {
  const text = protocol.encode(message);
  if (conn.send(text)) count(traffic.out, text);
}

/** Records a frame's size (UTF-8 bytes, or the bytes of a binary frame) for the bytes-per-second figures. */
function count(log, data) {
  log.push([performance.now(), typeof data === 'string' ? utf8Length(data) : data.byteLength]);
  if (log.length > 4096) log.shift();
}

function utf8Length(text) {
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

function bytesPerSecond(log, now) {
  while (log.length > 0 && log[0][0] <= now - 1000) log.shift();
  return log.reduce((sum, [, bytes]) => sum + bytes, 0);
}

function netStats(now) {
  return {
    ping: rtt,
    ...game.netStats(now),
    bytesInPerSec: bytesPerSecond(traffic.in, now),
    bytesOutPerSec: bytesPerSecond(traffic.out, now),
  };
}

setInterval(sendPing, PING_INTERVAL_MS);
setInterval(() => {
  // Resending the held state is harmless and heals a lost or late input.
  if (input.active && performance.now() - lastInputSentAt >= INPUT_RESEND_MS - 10) sendInput();
}, INPUT_RESEND_MS / 2);

// ---- network overlay ----------------------------------------------------------------------------------------

let overlayShown = params.get('net') === '1';
let overlayUpdatedAt = -Infinity;

function toggleOverlay() {
  overlayShown = !overlayShown;
  overlayUpdatedAt = -Infinity;
}

window.addEventListener('keydown', (event) => {
  if (event.code !== 'KeyN' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
  const tag = event.target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea') return;
  toggleOverlay();
});
ui.netToggle.addEventListener('click', () => {
  toggleOverlay();
  ui.netToggle.blur();
});

function updateOverlay(now) {
  ui.net.hidden = !overlayShown;
  ui.netToggle.setAttribute('aria-pressed', String(overlayShown));
  if (!overlayShown || now - overlayUpdatedAt < OVERLAY_MS) return;
  overlayUpdatedAt = now;
  const n = netStats(now);
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
  for (const [key, value] of rows) {
    let dd = ui.net.querySelector(`[data-key="${key}"]`);
    if (!dd) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      dd = document.createElement('dd');
      dd.dataset.key = key;
      ui.net.append(dt, dd);
    }
    setText(dd, value);
  }
}

// ---- settings form ------------------------------------------------------------------------------------------

ui.settings.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = ui.nameInput.value.trim().slice(0, protocol.NAME_MAX_LENGTH);
  const room = ui.roomInput.value.trim();
  if (room && !protocol.isValidRoom(room)) {
    toast('A room name has 1 to 32 letters, digits, _ or -.', 'error');
    ui.roomInput.focus();
    return;
  }
  wantedName = name;
  wantedRoom = room || null;
  saveName(name);
  updatePageUrl();
  ui.nameInput.blur();
  ui.roomInput.blur();
  protocolErrors = 0;
  resume.forget(); // a new name or room is a new player
  conn.reconnect(); // a connection joins once: a new name or room is a new connection
});

ui.chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const message = protocol.chat(ui.chatInput.value);
  if (!message || !game.joined) return;
  send(message);
  chatLog.add({ text: message.text, self: true });
  ui.chatInput.value = '';
});

ui.bannerRetry.addEventListener('click', () => {
  protocolErrors = 0;
  conn.reconnect();
});

function updatePageUrl() {
  const next = new URLSearchParams(location.search);
  if (wantedRoom) next.set('room', wantedRoom);
  else next.delete('room');
  if (next.has('name')) {
    if (wantedName) next.set('name', wantedName);
    else next.delete('name');
  }
  const query = next.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

function sessionStore() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: no resume after a reload, still after a drop
  }
}

function loadName() {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null; // storage disabled
  }
}

function saveName(name) {
  try {
    if (name) localStorage.setItem(NAME_KEY, name);
    else localStorage.removeItem(NAME_KEY);
  } catch {
    // storage disabled: the name lasts as long as the page
  }
}

// ---- screen -------------------------------------------------------------------------------------------------

function toast(text, kind = 'info') {
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.textContent = text;
  ui.toasts.append(el);
  while (ui.toasts.children.length > 3) ui.toasts.firstElementChild.remove();
  setTimeout(() => el.remove(), TOAST_MS);
}

function statusText(now) {
  switch (connStatus.state) {
    case Status.CONNECTING:
      return 'connecting…';
    case Status.CONNECTED:
      if (game.joined) return 'connected';
      return blockedReason ? 'not in a room' : 'joining…';
    case Status.RECONNECTING: {
      if (connStatus.retryAt === null) return 'reconnecting…';
      const seconds = Math.max(0, Math.ceil((connStatus.retryAt - now) / 1000));
      return seconds > 0 ? `reconnecting in ${seconds}s` : 'reconnecting…';
    }
    default:
      return 'disconnected';
  }
}

/** The line over the map and the banner, or '' when the game is on. */
function bannerText(now) {
  if (blockedReason) return blockedReason;
  const why = capitalise(protocol.describeClose(connStatus.closeCode));
  if (connStatus.state === Status.DISCONNECTED) return `${why}. Disconnected.`;
  if (connStatus.state === Status.RECONNECTING) return `${why}: ${statusText(now)}`;
  return '';
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function updateHud(now) {
  setText(ui.status, statusText(now));
  ui.status.dataset.state = connStatus.state === Status.CONNECTED && !game.joined ? 'joining' : connStatus.state;
  setText(ui.room, game.room ?? wantedRoom ?? protocol.DEFAULT_ROOM);
  setText(ui.me, game.self?.name ?? (wantedName || '—'));
  setText(ui.myId, game.selfId === null ? '' : `#${game.selfId}`);
  setText(ui.count, String(game.players.size));
  setText(ui.ping, rtt === null ? '—' : `${Math.round(rtt)} ms`);

  const banner = bannerText(now);
  ui.banner.hidden = banner === '';
  setText(ui.bannerText, banner);
  ui.bannerRetry.hidden = connStatus.state !== Status.DISCONNECTED;
}

function frame() {
  const now = performance.now();
  const players = game.playersAt(now);
  drawn = players;
  frameLog.push({ t: now, players: players.map(({ id, x, y }) => ({ id, x, y })) });
  if (frameLog.length > FRAME_LOG_SIZE) frameLog.shift();
  const waiting = !game.joined && players.length === 0;
  renderer.draw({
    players,
    radius: game.rules?.radius ?? 10,
    stale: !game.joined,
    message: waiting && !blockedReason ? statusText(now) : '',
  });
  updateHud(now);
  updateOverlay(now);
  requestAnimationFrame(frame);
}

// ---- debug hook ---------------------------------------------------------------------------------------------

const uiStatus = () => connStatus.state;
Object.defineProperty(window, 'arena', {
  configurable: false,
  enumerable: true,
  writable: false,
  value: Object.freeze({
    get status() {
      return uiStatus();
    },
    get joined() {
      return game.joined;
    },
    get id() {
      return game.selfId;
    },
    get room() {
      return game.room ?? wantedRoom;
    },
    get name() {
      return game.self?.name ?? wantedName;
    },
    get players() {
      return game.playerList();
    },
    get ping() {
      return rtt;
    },
    get lastSnapshotTick() {
      return game.lastTick;
    },
    get rules() {
      return game.rules ? { ...game.rules } : null;
    },
    get drawn() {
      return drawn.map(({ id, x, y }) => ({ id, x, y }));
    },
    frames(n = FRAME_LOG_SIZE) {
      return frameLog.slice(-Math.max(0, Math.min(FRAME_LOG_SIZE, n))).map((f) => ({ t: f.t, players: f.players.map((p) => ({ ...p })) }));
    },
    get input() {
      return input.direction;
    },
    get predict() {
      return predict;
    },
    get net() {
      return netStats(performance.now());
    },
    get overlay() {
      return overlayShown;
    },
    get lastError() {
      return lastError ? { ...lastError } : null;
    },
    get closeCode() {
      return connStatus.closeCode ?? null;
    },
    get role() {
      return role;
    },
    get chat() {
      return chatLog.lines.map((l) => ({ ...l }));
    },
  }),
});

conn.start();
requestAnimationFrame(frame);
