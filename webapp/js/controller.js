/*
 * A phone as a game pad: joins a party room as `controller` and shows no map, only large touch controls (a D-pad
 * with diagonals, input.js), its name and colour, status and ping, the room's counts, quick messages and the last
 * chat lines. It is sent only its own state (`self`), never the room's snapshots.
 *
 * `controller.html?room=CODE` (the screen's join link and QR code) joins at once when a name is known (`&name=`, or
 * the last one used on this phone, kept in localStorage under "arena.name"); otherwise it asks for the name first.
 * An unknown or full room is shown on the page with a field for the code: never a silent new room.
 *
 * Debug hook for browser tests, read-only: window.arena = {status, joined, id, room, name, color, self, audience,
 * input, ping, blocked, lastError, chat}.
 */

import * as protocol from './protocol.js';
import { ErrorCode, MessageType, Role } from './protocol.js';
import { Connection, Status, backoffDelay, gameUrl } from './net.js';
import { safeColor } from './game.js';
import { InputController } from './input.js';
import { ResumeToken, closePolicy } from './resume.js';
import { ChatLog, QUICK_MESSAGES } from './chat.js';

const PING_INTERVAL_MS = 2000;
const INPUT_RESEND_MS = 250;
const IDLE_TIMEOUT_MS = 10000;
const NAME_KEY = 'arena.name';
const REFUSALS = [ErrorCode.UNKNOWN_ROOM, ErrorCode.ROOM_FULL, ErrorCode.TOO_MANY_ROOMS, ErrorCode.TOO_MANY_SEATS,
  ErrorCode.TOO_MANY_GUESSES];

const $ = (id) => document.getElementById(id);
const ui = {
  swatch: $('swatch'),
  me: $('me'),
  status: $('status'),
  ping: $('ping'),
  roomLine: $('room-line'),
  entry: $('entry'),
  entryProblem: $('entry-problem'),
  codeInput: $('code-input'),
  nameInput: $('name-input'),
  controls: $('controls'),
  pad: $('pad'),
  quick: $('quick'),
  chat: $('chat'),
};

const params = new URLSearchParams(location.search);
let room = (params.get('room') ?? '').trim().toUpperCase() || null;
let wantedName = (params.get('name') ?? loadName() ?? '').trim().slice(0, protocol.NAME_KEPT_LENGTH);
let me = null; // {id, name, color} from `welcome`
let self = null; // {tick, x, y, seq} from the newest `self`
let audience = null;
let rtt = null;
let seq = 0;
let lastInputSentAt = -Infinity;
let blocked = null; // why the join was refused, shown with the entry form
let lastError = null;
let connStatus = { state: Status.DISCONNECTED, closeCode: null };

const resume = new ResumeToken(sessionStore());
const chatLog = new ChatLog(ui.chat, { size: 3 });

const conn = new Connection(gameUrl(location), {
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  onOpen() {
    send(protocol.join(wantedName, room, resume.tokenFor(room, protocol.DEFAULT_ROOM), { role: Role.CONTROLLER }));
    sendPing();
  },
  onMessage(text) {
    const message = protocol.decode(text);
    if (message) receive(message);
  },
  onStatus(status) {
    connStatus = status;
    if (status.state !== Status.CONNECTED) me = null;
    render();
  },
  retryDelay({ code, attempt }) {
    const policy = closePolicy(code);
    if (policy) {
      if (policy.forgetToken) resume.forget();
      return policy.retry ? policy.pauseMs + backoffDelay(attempt) : null;
    }
    return backoffDelay(attempt);
  },
});

function receive(message) {
  switch (message.type) {
    case MessageType.WELCOME: {
      resume.welcomed(message);
      const p = (message.players ?? []).find((q) => q.id === message.id);
      me = { id: message.id, name: p?.name ?? wantedName, color: safeColor(p?.color) };
      self = p ? { tick: message.tick, x: p.x, y: p.y, seq: 0 } : null;
      room = message.room;
      blocked = null;
      lastError = null;
      seq = 0; // a new connection numbers its inputs afresh
      if (input.active) sendInput();
      break;
    }
    case MessageType.SELF:
      self = { tick: message.tick, x: message.x, y: message.y, seq: message.seq };
      break;
    case MessageType.AUDIENCE:
      audience = { players: message.players, spectators: message.spectators, screens: message.screens };
      break;
    case MessageType.CHAT:
      chatLog.add({ from: message.from, name: message.name, text: message.text });
      break;
    case MessageType.PONG:
      if (typeof message.t === 'number') rtt = performance.now() - message.t;
      break;
    case MessageType.ERROR:
      lastError = { code: message.code, message: message.message };
      if (!me && REFUSALS.includes(message.code)) {
        blocked = protocol.describeError(message.code, room);
        conn.stop(); // a clear error on the phone, and no retrying against a room that is not there
        connStatus = { ...connStatus, state: Status.DISCONNECTED };
      }
      break;
    default:
      break;
  }
  render();
}

// ---- input, ping, chat ------------------------------------------------------------------------------------------

const input = new InputController({ window, pad: ui.pad, onChange: () => sendInput() });

function sendInput() {
  if (!me || !conn.isOpen) return;
  const { dx, dy } = input.direction;
  seq += 1;
  send(protocol.input(seq, dx, dy));
  lastInputSentAt = performance.now();
}

function sendPing() {
  if (conn.isOpen) send(protocol.ping(performance.now()));
}

function send(message) {
  return conn.send(protocol.encode(message));
}

for (const text of QUICK_MESSAGES) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quick-message';
  button.textContent = text;
  button.addEventListener('click', () => {
    const message = protocol.chat(text);
    if (me && message && send(message)) chatLog.add({ text, self: true });
  });
  ui.quick.append(button);
}

setInterval(sendPing, PING_INTERVAL_MS);
setInterval(() => {
  if (input.active && performance.now() - lastInputSentAt >= INPUT_RESEND_MS - 10) sendInput();
}, INPUT_RESEND_MS / 2);

// ---- entry form (no code, no name, or a refused join) -----------------------------------------------------------

ui.entry.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = ui.codeInput.value.trim().toUpperCase();
  if (!protocol.isValidRoom(code)) {
    ui.entryProblem.textContent = 'Type the code shown on the screen.';
    return;
  }
  room = code;
  wantedName = ui.nameInput.value.trim().slice(0, protocol.NAME_KEPT_LENGTH);
  saveName(wantedName);
  blocked = null;
  history.replaceState(null, '', `${location.pathname}?room=${encodeURIComponent(room)}`);
  ui.nameInput.blur();
  play();
});

function play() {
  render();
  conn.reconnect();
}

// ---- page ---------------------------------------------------------------------------------------------------------

function statusText() {
  if (blocked) return 'not in a room';
  switch (connStatus.state) {
    case Status.CONNECTED:
      return me ? 'connected' : 'joining…';
    case Status.CONNECTING:
      return 'connecting…';
    case Status.RECONNECTING:
      return 'reconnecting…';
    default:
      return 'disconnected';
  }
}

function roomText() {
  if (!me || !audience) return room ? `Room ${room}` : '';
  const players = `${audience.players} ${audience.players === 1 ? 'player' : 'players'}`;
  const screen = audience.screens > 0 ? 'on the screen' : 'no screen: open screen.html?room=' + room;
  return `Room ${room} · ${players} · ${screen}`;
}

function render() {
  const asking = blocked !== null || !room || (!wantedName && !me && connStatus.state === Status.DISCONNECTED);
  ui.entry.hidden = !asking;
  ui.controls.hidden = asking;
  if (asking) {
    ui.entryProblem.textContent = blocked ?? (room ? 'What is your name?' : 'Type the code shown on the screen.');
    if (!ui.codeInput.value) ui.codeInput.value = room ?? '';
    if (!ui.nameInput.value) ui.nameInput.value = wantedName;
  }
  ui.me.textContent = me?.name ?? (wantedName || '—');
  ui.swatch.style.background = me ? me.color : 'transparent';
  ui.status.textContent = statusText();
  ui.status.dataset.state = blocked ? 'disconnected' : connStatus.state === Status.CONNECTED && !me ? 'joining' : connStatus.state;
  ui.ping.textContent = rtt === null ? '—' : `${Math.round(rtt)} ms`;
  ui.roomLine.textContent = roomText();
}

function sessionStore() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function loadName() {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

function saveName(name) {
  try {
    if (name) localStorage.setItem(NAME_KEY, name);
  } catch {
    // storage disabled
  }
}

Object.defineProperty(window, 'arena', {
  value: Object.freeze({
    get status() {
      return connStatus.state;
    },
    get joined() {
      return me !== null;
    },
    get id() {
      return me?.id ?? null;
    },
    get room() {
      return room;
    },
    get name() {
      return me?.name ?? wantedName;
    },
    get color() {
      return me?.color ?? null;
    },
    get self() {
      return self ? { ...self } : null;
    },
    get audience() {
      return audience ? { ...audience } : null;
    },
    get input() {
      return input.direction;
    },
    get ping() {
      return rtt;
    },
    get blocked() {
      return blocked;
    },
    get lastError() {
      return lastError ? { ...lastError } : null;
    },
    get chat() {
      return chatLog.lines.map((l) => ({ ...l }));
    },
  }),
});

setInterval(render, 500); // ping and status between messages
if (room && wantedName) play();
else render();
