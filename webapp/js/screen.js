/*
 * The shared screen of a party (a TV or a laptop): joins as `screen`, shows the map with every player, the room's
 * code, the join link and its QR code (made by the server, drawn by qr.js), the players with their colours, the
 * counts and the room chat. It has no dot and sends no input.
 *
 * `screen.html` creates a new party room; `screen.html?room=CODE` shows an existing room (the page puts the code
 * into its URL as soon as it has one, so a reload comes back to the same room, with its resume token).
 *
 * Opened at localhost (or 127.0.0.1, [::1]), the page first asks the server for this machine's network addresses
 * (GET addresses, joinlink.js): the join link and its QR code use the first one, every one is offered as a choice,
 * and a hint says what to do when there is none. A choice reopens the page with `?join=ADDRESS` (or `?join=this`),
 * which a reload keeps: the screen comes back to its room with its token, as after any reload, with that link.
 *
 * The map is drawn by the room's game module (page.js loads it when the welcome names the game), like the player
 * page's, without prediction.
 *
 * Debug hook for browser tests, read-only: window.arena = {status, joined, game, gameError, code, joinUrl, qrSize,
 * players, audience, chat, lastError, joinHint, joinChoices}.
 */

import * as protocol from './protocol.js';
import { ErrorCode, MessageType, Role } from './protocol.js';
import { Status, pageUrl } from './net.js';
import { RoomState, safeColor } from './room.js';
import { Stage } from './stage.js';
import { ChatLog } from './chat.js';
import { drawQr } from './qr.js';
import { isLoopbackHost, joinChoices } from './joinlink.js';
import { describeClose } from './texts.js';
import { PageConnection, defineHook, elements, setText, statusState, statusText } from './page.js';

const QR_CSS_SIZE = 220;
const ADDRESSES_TIMEOUT_MS = 3000;

const ui = elements({
  stage: 'stage', canvas: 'map', banner: 'banner', bannerText: 'banner-text', qr: 'qr', code: 'code',
  joinUrl: 'join-url', joinHelp: 'join-help', joinHint: 'join-hint', joinChoices: 'join-choices', status: 'status',
  audience: 'audience', players: 'players', chat: 'chat',
});

// {link, choices, hint} (joinlink.js): the page's own link until a loopback page knows the addresses
let join = { link: pageUrl(location, 'controller.html'), choices: [], hint: '' };
let link = join.link;
let code = null;
const wantedJoin = new URLSearchParams(location.search).get('join');
const wantedGame = (new URLSearchParams(location.search).get('game') ?? '').trim() || null; // a new party's game
{
  const asked = (new URLSearchParams(location.search).get('room') ?? '').trim();
  if (protocol.isValidRoom(asked)) code = asked;
}
let party = null; // the last `party` message
let audience = null;
let lastError = null;
let gameError = null;
let playersKey = '';

const room = new RoomState({ predict: false, role: Role.SCREEN });
const stage = new Stage(ui.canvas, ui.stage);
const chatLog = new ChatLog(ui.chat);

const conn = new PageConnection({
  join: (tokenFor) => protocol.join(null, code, code ? tokenFor(code) : null, { role: Role.SCREEN, link, game: wantedGame }),
  onStatus(status) {
    if (status.state !== Status.CONNECTED) room.disconnect();
  },
  onWelcome(game, welcome) {
    room.game = game;
    room.handle(welcome, performance.now());
    stage.setMap(room.rules.width, room.rules.height);
    lastError = null;
  },
  onMessage: receive,
  onGameError(error) {
    gameError = error.message;
  },
});

function receive(message) {
  if (room.handle(message, performance.now())) return;
  switch (message.type) {
    case MessageType.PARTY:
      showParty(message);
      break;
    case MessageType.AUDIENCE:
      audience = { players: message.players, spectators: message.spectators, screens: message.screens };
      break;
    case MessageType.CHAT:
      chatLog.add({ from: message.from, name: message.name, text: message.text, color: room.playerList().find((p) => p.id === message.from)?.color });
      break;
    case MessageType.ERROR:
      lastError = { code: message.code, message: message.message };
      if (message.code === ErrorCode.UNKNOWN_ROOM && !room.joined) {
        // The room is gone (everyone left while this page was away): start a new party.
        code = null;
        history.replaceState(null, '', location.pathname);
        conn.send(protocol.join(null, null, null, { role: Role.SCREEN, link, game: wantedGame }));
      }
      break;
    default:
      break; // pong, or a newer server's message
  }
}

function showParty(message) {
  party = message;
  code = message.code;
  ui.code.textContent = message.code;
  ui.joinUrl.textContent = message.joinUrl ?? '';
  const drawn = drawQr(ui.qr, message.qr, QR_CSS_SIZE, Math.max(1, Math.min(3, window.devicePixelRatio || 1)));
  ui.qr.hidden = !drawn;
  const query = `?room=${encodeURIComponent(message.code)}${joinQuery()}`;
  if (location.search !== query) history.replaceState(null, '', `${location.pathname}${query}`);
}

/** This machine's network addresses from the server (GET addresses, next to this page), or null. */
async function fetchAddresses() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ADDRESSES_TIMEOUT_MS);
  try {
    const response = await fetch(new URL('addresses', location.href), { cache: 'no-store', signal: abort.signal });
    if (!response.ok) return null;
    const body = await response.json();
    return Array.isArray(body?.addresses) ? body.addresses : null;
  } catch {
    return null; // an older server, or none: the page says to open it at a network address
  } finally {
    clearTimeout(timer);
  }
}

/** `&join=KEY` of the choice in use, when the page offers choices and one was asked for. */
function joinQuery() {
  const chosen = join.choices.find((c) => c.link === link);
  return chosen && wantedJoin ? `&join=${encodeURIComponent(chosen.key)}` : '';
}

function showJoinChoices() {
  ui.joinHelp.hidden = join.hint === '';
  setText(ui.joinHint, join.hint);
  const buttons = join.choices.map((choice) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'join-choice';
    button.textContent = choice.label;
    button.dataset.link = choice.link;
    button.setAttribute('aria-pressed', String(choice.link === link));
    button.addEventListener('click', () => {
      if (choice.link === link) return;
      // Reopened (not reconnected: a clean close would leave the room): the screen comes back with its token.
      const next = new URLSearchParams(location.search);
      if (code) next.set('room', code);
      next.set('join', choice.key);
      location.assign(`${location.pathname}?${next}`);
    });
    return button;
  });
  ui.joinChoices.replaceChildren(...buttons);
}

const status = (now) => statusText(conn.status, room.joined, { now });

function audienceText() {
  if (!audience) return '';
  const parts = [`${audience.players} ${audience.players === 1 ? 'player' : 'players'}`];
  if (audience.spectators > 0) parts.push(`${audience.spectators} watching`);
  return parts.join(' · ');
}

function updatePlayerList() {
  const players = room.playerList();
  const key = players.map((p) => `${p.id}:${p.name}:${p.color}`).join('|');
  if (key === playersKey) return;
  playersKey = key;
  const items = players.map((p) => {
    const li = document.createElement('li');
    li.dataset.id = String(p.id);
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = safeColor(p.color);
    const name = document.createElement('span');
    name.className = 'player-name';
    name.textContent = p.name;
    li.append(swatch, name);
    return li;
  });
  ui.players.replaceChildren(...items);
}

function frame() {
  const now = performance.now();
  const { players, tick } = room.frameAt(now);
  const message = room.joined ? (players.length === 0 ? 'Scan the code to play' : '') : (gameError ? '' : status(now));
  stage.draw(room.feed ? room.game : null, { players, feed: room.feed, rules: room.rules, stale: !room.joined, now, tick }, message);
  setText(ui.status, status(now));
  ui.status.dataset.state = statusState(conn.status, room.joined);
  setText(ui.audience, audienceText());
  const state = conn.status.state;
  const banner = gameError ?? (state === Status.CONNECTED || state === Status.CONNECTING
    ? '' : `${describeClose(conn.status.closeCode)}: ${status(now)}`);
  ui.banner.hidden = banner === '';
  setText(ui.bannerText, banner);
  updatePlayerList();
  requestAnimationFrame(frame);
}

defineHook({
  get status() { return conn.status.state; },
  get joined() { return room.joined; },
  get game() { return room.game?.name ?? null; },
  get gameError() { return gameError; },
  get code() { return party?.code ?? null; },
  get joinUrl() { return party?.joinUrl ?? null; },
  get qrSize() { return party?.qr?.length ?? 0; },
  get players() { return room.playerList(); },
  get audience() { return audience ? { ...audience } : null; },
  get chat() { return chatLog.lines.map((l) => ({ ...l })); },
  get lastError() { return lastError ? { ...lastError } : null; },
  get joinHint() { return join.hint; },
  get joinChoices() { return join.choices.map((c) => ({ ...c, chosen: c.link === link })); },
  get round() { return room.feed?.round?.() ?? null; }, // a game on the SPI: {stage, round, ticksLeft, secondsLeft}
});

async function start() {
  if (isLoopbackHost(location.hostname)) {
    join = joinChoices(location, await fetchAddresses(), wantedJoin);
    link = join.link;
  }
  showJoinChoices();
  conn.start();
}

requestAnimationFrame(frame);
start();
