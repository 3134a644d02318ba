/*
 * The player page (index.html), for any game: wires the connection and the room's game module (page.js), the
 * room's state (room.js), the canvas (stage.js, drawn by the module), input (input.js, mapped by the module), the
 * network overlay (overlay.js) and the chat to the page.
 *
 * Page parameters: `?room=NAME` joins that room (default: the server's default room); `?name=NAME` sets the
 * name (otherwise the last one typed into the Name field, kept in localStorage under "arena.name"); `?predict=0`
 * turns the own player's prediction off (it is then drawn like the others, a round trip and a buffer late);
 * `?net=1` opens the network overlay (also toggled by the N key or the "Net" button); `?role=spectator` watches the
 * room without a dot (no pad, no input); `?snapshots=json` asks for JSON snapshots instead of the compact format.
 * The chat form sends `chat`; lines of the room show over the map.
 *
 * Debug hook for browser tests and the console, read-only (every read returns a fresh copy):
 *
 *   window.arena = {
 *     status,           // 'connecting' | 'connected' | 'reconnecting' | 'disconnected'
 *     joined,           // true between `welcome` and the connection's end
 *     game,             // the room's game (its module's name), or null before the first welcome
 *     gameError,        // why the room's game cannot be shown (its module did not load), or null
 *     id,               // own player id from `welcome`, or null
 *     room,             // room joined (from `welcome`), else the room asked for, null for the default
 *     name,             // own name as the server keeps it (from `welcome`), else the name asked for
 *     players,          // [{id, name, x, y, color}]: every known player at the newest snapshot (not interpolated)
 *     ping,             // last round-trip time in ms (from `pong`), or null
 *     lastSnapshotTick, // tick of the newest snapshot (or of `welcome`), or null
 *     rules,            // the room's rules from `welcome` (dots: {protocol, width, height, tickRate, speed, radius})
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
import { ErrorCode, MessageType, Role } from './protocol.js';
import { Status } from './net.js';
import { RoomState } from './room.js';
import { Stage } from './stage.js';
import { InputController } from './input.js';
import { ChatLog } from './chat.js';
import { NetOverlay, Traffic } from './overlay.js';
import { capitalise, describeClose, describeError } from './texts.js';
import { InputSender, PageConnection, defineHook, elements, loadName, saveName, setText, statusState, statusText } from './page.js';

const TOAST_MS = 4000;
const FRAME_LOG_SIZE = 600; // ten seconds at 60 frames a second
const BLOCKING = [ErrorCode.ROOM_FULL, ErrorCode.TOO_MANY_ROOMS, ErrorCode.UNKNOWN_ROOM, ErrorCode.TOO_MANY_SEATS,
  ErrorCode.TOO_MANY_GUESSES, ErrorCode.UNKNOWN_GAME, ErrorCode.WRONG_GAME, ErrorCode.JOIN_REFUSED];

const ui = elements({
  status: 'status', room: 'room', me: 'me', myId: 'my-id', count: 'count', ping: 'ping', settings: 'settings',
  nameInput: 'name-input', roomInput: 'room-input', banner: 'banner', bannerText: 'banner-text',
  bannerRetry: 'banner-retry', toasts: 'toasts', canvas: 'map', stage: 'stage', pad: 'pad', net: 'net',
  netToggle: 'net-toggle', chat: 'chat', chatForm: 'chat-form', chatInput: 'chat-input',
});

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
// ?game=coinrush: the game a new room is made with (an existing room must play it); none: the room's, or the default
const wantedGame = (params.get('game') ?? '').trim() || null;
const role = params.get('role') === Role.SPECTATOR ? Role.SPECTATOR : Role.PLAYER;
ui.pad.hidden = role === Role.SPECTATOR;
ui.nameInput.value = wantedName;
ui.roomInput.value = wantedRoom ?? '';

// ---- state ----------------------------------------------------------------------------------------------------

const room = new RoomState({ predict, role });
const stage = new Stage(ui.canvas, ui.stage);
const traffic = new Traffic();
const chatLog = new ChatLog(ui.chat, { size: 6 });
const frameLog = [];
let drawn = [];
let lastError = null;
let blockedReason = null; // a refused join (room full…): shown until the next join
let gameError = null; // the room's game module did not load: shown until the next join

const conn = new PageConnection({
  compact: params.get('snapshots') !== 'json', // compact binary snapshots unless the page asks for JSON
  strict: true,
  join: (tokenFor) => protocol.join(wantedName, wantedRoom, tokenFor(wantedRoom), { role, game: wantedGame }),
  onTraffic: (direction, data) => traffic.count(direction, data, performance.now()),
  onStatus(status) {
    if (status.state === Status.CONNECTED) blockedReason = null;
    if (status.state !== Status.CONNECTED) room.disconnect();
  },
  onWelcome(game, welcome) {
    room.game = game;
    room.rttMs = conn.rtt;
    room.handle(welcome, performance.now());
    if (welcome.protocol !== protocol.PROTOCOL_VERSION) {
      toast(`The server speaks protocol ${welcome.protocol}; this page speaks ${protocol.PROTOCOL_VERSION}. Reload the page.`);
    }
    stage.setMap(room.rules.width, room.rules.height);
    input.setKeys(game.keys);
    lastError = null;
    gameError = null;
    if (input.active) sender.send(); // keys held across a reconnect keep moving the new player
  },
  onMessage(message) {
    const now = performance.now();
    if (room.handle(message, now)) return;
    switch (message.type) {
      case MessageType.PONG:
        room.rttMs = conn.rtt;
        break;
      case MessageType.ERROR:
        refused(message);
        break;
      case MessageType.CHAT:
        chatLog.add({ from: message.from, name: message.name, text: message.text, color: colorOf(message.from) });
        break;
      default:
        break; // a newer server's message: ignore
    }
  },
  onGameError(error) {
    gameError = error.message;
  },
});

function colorOf(id) {
  return room.playerList().find((p) => p.id === id)?.color;
}

function refused(message) {
  lastError = { code: message.code, message: message.message };
  const text = describeError(message.code, wantedRoom);
  if (!room.joined && BLOCKING.includes(message.code)) {
    blockedReason = text;
    ui.roomInput.focus();
    ui.roomInput.select();
    return; // shown in the banner until the next join
  }
  toast(text, 'error');
}

// ---- input --------------------------------------------------------------------------------------------------

const input = new InputController({ window, pad: ui.pad, onChange: () => sender.send() });
const sender = new InputSender({
  active: () => input.active,
  send(seq) {
    if (!room.joined || !conn.isOpen || role !== Role.PLAYER) return false;
    const value = room.game.input(input.direction);
    if (!conn.send(room.feed.encodeInput(seq, value, conn.subprotocol))) return false;
    room.sentInput(seq, value, performance.now()); // drawn from the next frame on
    return true;
  },
});

function netStats(now) {
  return { ping: conn.rtt, ...room.netStats(now), bytesInPerSec: traffic.perSecond('in', now), bytesOutPerSec: traffic.perSecond('out', now) };
}

const overlay = new NetOverlay({ el: ui.net, button: ui.netToggle, stats: netStats, shown: params.get('net') === '1' });

// ---- forms ----------------------------------------------------------------------------------------------------

ui.settings.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = ui.nameInput.value.trim().slice(0, protocol.NAME_MAX_LENGTH);
  const wanted = ui.roomInput.value.trim();
  if (wanted && !protocol.isValidRoom(wanted)) {
    toast('A room name has 1 to 32 letters, digits, _ or -.', 'error');
    ui.roomInput.focus();
    return;
  }
  wantedName = name;
  wantedRoom = wanted || null;
  saveName(name);
  updatePageUrl();
  ui.nameInput.blur();
  ui.roomInput.blur();
  gameError = null;
  conn.resume.forget(); // a new name or room is a new player
  conn.reconnect(); // a connection joins once: a new name or room is a new connection
});

ui.chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const message = protocol.chat(ui.chatInput.value);
  if (!message || !room.joined) return;
  conn.send(message);
  chatLog.add({ text: message.text, self: true });
  ui.chatInput.value = '';
});

ui.bannerRetry.addEventListener('click', () => {
  gameError = null;
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

// ---- screen -------------------------------------------------------------------------------------------------

function toast(text, kind = 'info') {
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.textContent = text;
  ui.toasts.append(el);
  while (ui.toasts.children.length > 3) ui.toasts.firstElementChild.remove();
  setTimeout(() => el.remove(), TOAST_MS);
}

const status = (now) => statusText(conn.status, room.joined, { blocked: blockedReason !== null, now });

/** The line over the map and the banner, or '' when the game is on. */
function bannerText(now) {
  if (gameError) return gameError;
  if (blockedReason) return blockedReason;
  const why = capitalise(describeClose(conn.status.closeCode));
  if (conn.status.state === Status.DISCONNECTED) return `${why}. Disconnected.`;
  if (conn.status.state === Status.RECONNECTING) return `${why}: ${status(now)}`;
  return '';
}

function updateHud(now) {
  setText(ui.status, status(now));
  ui.status.dataset.state = statusState(conn.status, room.joined);
  setText(ui.room, room.room ?? wantedRoom ?? protocol.DEFAULT_ROOM);
  setText(ui.me, room.self?.name ?? (wantedName || '—'));
  setText(ui.myId, room.selfId === null ? '' : `#${room.selfId}`);
  setText(ui.count, String(room.playerList().length));
  setText(ui.ping, conn.rtt === null ? '—' : `${Math.round(conn.rtt)} ms`);
  const banner = bannerText(now);
  ui.banner.hidden = banner === '';
  setText(ui.bannerText, banner);
  ui.bannerRetry.hidden = conn.status.state !== Status.DISCONNECTED;
}

function frame() {
  const now = performance.now();
  const { players, tick } = room.frameAt(now);
  drawn = players;
  frameLog.push({ t: now, players: players.map(({ id, x, y }) => ({ id, x, y })) });
  if (frameLog.length > FRAME_LOG_SIZE) frameLog.shift();
  const waiting = !room.joined && players.length === 0;
  stage.draw(room.feed ? room.game : null, { players, feed: room.feed, rules: room.rules, stale: !room.joined, now, tick },
    waiting && !blockedReason && !gameError ? status(now) : '');
  updateHud(now);
  overlay.update(now);
  requestAnimationFrame(frame);
}

// ---- debug hook ---------------------------------------------------------------------------------------------

defineHook({
  get status() { return conn.status.state; },
  get joined() { return room.joined; },
  get game() { return room.game?.name ?? null; },
  get gameError() { return gameError; },
  get id() { return room.selfId; },
  get room() { return room.room ?? wantedRoom; },
  get name() { return room.self?.name ?? wantedName; },
  get players() { return room.playerList(); },
  get ping() { return conn.rtt; },
  get lastSnapshotTick() { return room.lastTick; },
  get rules() { return room.rules ? { ...room.rules } : null; },
  get drawn() { return drawn.map(({ id, x, y }) => ({ id, x, y })); },
  frames(n = FRAME_LOG_SIZE) {
    return frameLog.slice(-Math.max(0, Math.min(FRAME_LOG_SIZE, n))).map((f) => ({ t: f.t, players: f.players.map((p) => ({ ...p })) }));
  },
  get input() { return input.direction; },
  get predict() { return predict; },
  get net() { return netStats(performance.now()); },
  get overlay() { return overlay.shown; },
  get lastError() { return lastError ? { ...lastError } : null; },
  get closeCode() { return conn.status.closeCode ?? null; },
  get role() { return role; },
  get chat() { return chatLog.lines.map((l) => ({ ...l })); },
  get round() { return room.feed?.round?.() ?? null; }, // a game on the SPI: {stage, round, ticksLeft, secondsLeft}
  get scoreboard() { return room.feed?.scoreboard?.() ?? null; },
});

conn.start();
requestAnimationFrame(frame);
