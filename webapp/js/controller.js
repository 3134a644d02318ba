/*
 * A phone as a game pad: joins a party room as `controller` and shows no map, only large touch controls (a D-pad
 * with diagonals, input.js), its name and colour, status and ping, the room's counts, quick messages and the last
 * chat lines. It is sent only its own state (`self`), never the room's snapshots.
 *
 * `controller.html?room=CODE` (the screen's join link and QR code) joins at once when a name is known (`&name=`, or
 * the last one used on this phone, kept in localStorage under "arena.name"); otherwise it asks for the name first.
 * An unknown or full room is shown on the page with a field for the code: never a silent new room.
 *
 * The pad's directions become the room's game's input through its module (page.js loads it when the welcome names
 * the game): the game's input mapping and its input frames, as on the player page.
 *
 * Debug hook for browser tests, read-only: window.arena = {status, joined, game, gameError, id, room, name, color,
 * self, audience, input, ping, blocked, lastError, chat}.
 */

import * as protocol from './protocol.js';
import { ErrorCode, MessageType, Role } from './protocol.js';
import { Status } from './net.js';
import { safeColor } from './room.js';
import { InputController } from './input.js';
import { ChatLog, QUICK_MESSAGES } from './chat.js';
import { describeError } from './texts.js';
import { InputSender, PageConnection, defineHook, elements, loadName, saveName, statusState, statusText } from './page.js';

const REFUSALS = [ErrorCode.UNKNOWN_ROOM, ErrorCode.ROOM_FULL, ErrorCode.TOO_MANY_ROOMS, ErrorCode.TOO_MANY_SEATS,
  ErrorCode.TOO_MANY_GUESSES];

const ui = elements({
  swatch: 'swatch', me: 'me', status: 'status', ping: 'ping', roomLine: 'room-line', entry: 'entry',
  entryProblem: 'entry-problem', codeInput: 'code-input', nameInput: 'name-input', controls: 'controls', pad: 'pad',
  quick: 'quick', chat: 'chat',
});

const params = new URLSearchParams(location.search);
let room = (params.get('room') ?? '').trim().toUpperCase() || null;
let wantedName = (params.get('name') ?? loadName() ?? '').trim().slice(0, protocol.NAME_KEPT_LENGTH);
let me = null; // {id, name, color} from `welcome`
let game = null; // the room's game module
let feed = null; // its feed for this connection
let self = null; // {tick, x, y, seq} from the newest `self`
let audience = null;
let blocked = null; // why the join was refused, shown with the entry form
let lastError = null;
let gameError = null;

const chatLog = new ChatLog(ui.chat, { size: 3 });

const conn = new PageConnection({
  initialState: Status.DISCONNECTED, // nothing to join before a code and a name
  join: (tokenFor) => protocol.join(wantedName, room, tokenFor(room), { role: Role.CONTROLLER }),
  onStatus(status) {
    if (status.state !== Status.CONNECTED) me = null;
    render();
  },
  onWelcome(module, welcome) {
    game = module;
    feed = game.enter(welcome, { role: Role.CONTROLLER });
    const p = feed.players().find((q) => q.id === welcome.id);
    me = { id: welcome.id, name: p?.name ?? wantedName, color: safeColor(p?.color) };
    self = p ? { tick: feed.tick, x: p.x, y: p.y, seq: 0 } : null;
    room = welcome.room;
    blocked = null;
    lastError = null;
    gameError = null;
    input.setKeys(game.keys);
    sender.restart(); // a new connection numbers its inputs afresh
    if (input.active) sender.send();
    render();
  },
  onMessage: receive,
  onGameError(error) {
    gameError = error.message;
    blocked = error.message;
    render();
  },
});

function receive(message) {
  if (feed && feed.receive(message, performance.now()) !== null) {
    render();
    return;
  }
  switch (message.type) {
    case MessageType.SELF:
      self = { tick: message.tick, x: message.x, y: message.y, seq: message.seq };
      break;
    case MessageType.AUDIENCE:
      audience = { players: message.players, spectators: message.spectators, screens: message.screens };
      break;
    case MessageType.CHAT:
      chatLog.add({ from: message.from, name: message.name, text: message.text });
      break;
    case MessageType.ERROR:
      lastError = { code: message.code, message: message.message };
      if (!me && REFUSALS.includes(message.code)) {
        blocked = describeError(message.code, room);
        conn.stop(); // a clear error on the phone, and no retrying against a room that is not there
      }
      break;
    default:
      break;
  }
  render();
}

// ---- input, ping, chat ------------------------------------------------------------------------------------------

const input = new InputController({ window, pad: ui.pad, onChange: () => sender.send() });
const sender = new InputSender({
  active: () => input.active,
  // JSON inputs: a phone's connection offers no subprotocol
  send: (seq) => me !== null && conn.isOpen && conn.send(feed.encodeInput(seq, game.input(input.direction), '')),
});

for (const text of QUICK_MESSAGES) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quick-message';
  button.textContent = text;
  button.addEventListener('click', () => {
    const message = protocol.chat(text);
    if (me && message && conn.send(message)) chatLog.add({ text, self: true });
  });
  ui.quick.append(button);
}


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


function roomText() {
  if (!me || !audience) return room ? `Room ${room}` : '';
  const players = `${audience.players} ${audience.players === 1 ? 'player' : 'players'}`;
  const screen = audience.screens > 0 ? 'on the screen' : 'no screen: open screen.html?room=' + room;
  return `Room ${room} · ${players} · ${screen}`;
}

function render() {
  const asking = blocked !== null || !room || (!wantedName && !me && conn.status.state === Status.DISCONNECTED);
  ui.entry.hidden = !asking;
  ui.controls.hidden = asking;
  if (asking) {
    ui.entryProblem.textContent = blocked ?? (room ? 'What is your name?' : 'Type the code shown on the screen.');
    if (!ui.codeInput.value) ui.codeInput.value = room ?? '';
    if (!ui.nameInput.value) ui.nameInput.value = wantedName;
  }
  ui.me.textContent = me?.name ?? (wantedName || '—');
  ui.swatch.style.background = me ? me.color : 'transparent';
  ui.status.textContent = blocked ? 'not in a room' : statusText(conn.status, me !== null, { now: performance.now() });
  ui.status.dataset.state = blocked ? 'disconnected' : statusState(conn.status, me !== null);
  ui.ping.textContent = conn.rtt === null ? '—' : `${Math.round(conn.rtt)} ms`;
  ui.roomLine.textContent = roomText();
}

defineHook({
  get status() { return conn.status.state; },
  get joined() { return me !== null; },
  get game() { return game?.name ?? null; },
  get gameError() { return gameError; },
  get id() { return me?.id ?? null; },
  get room() { return room; },
  get name() { return me?.name ?? wantedName; },
  get color() { return me?.color ?? null; },
  get self() { return self ? { ...self } : null; },
  get audience() { return audience ? { ...audience } : null; },
  get input() { return input.direction; },
  get ping() { return conn.rtt; },
  get blocked() { return blocked; },
  get lastError() { return lastError ? { ...lastError } : null; },
  get chat() { return chatLog.lines.map((l) => ({ ...l })); },
});

setInterval(render, 500); // ping and status between messages
if (room && wantedName) play();
else render();
