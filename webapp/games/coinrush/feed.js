// Coin rush's side of a connection, on the generic state of the game SPI (dev.arena.snapshot; js/state.js decodes
// it from the game's schema): what the core draws and predicts, and what render.js shows. No DOM: tested in Node
// (src/test/js/games/coinrush.test.mjs).
//
// What it reads (docs/games.md, "The browser module"): the `welcome` of a coin rush room carries, besides id, room,
// tick and tickRate, the game's `schema` (SchemaJson) and its `settings` (the room's arena.game.coinrush.* values
// by key: mapWidth, mapHeight, radius, coinRadius, acceleration, maxSpeed, damping, ...; a key left out is the
// game's default). Then come state frames ({"type":"state",...} or binary 0x21) and events ({"type":"event",...}
// or binary 0x23). The own player is predicted when a state frame carries `ack` (the newest own input applied);
// without it, it is drawn like the others.

import { SNAPSHOT_SUBPROTOCOL } from '../../js/protocol.js';
import { EVENT, STATE, StateDecoder, decodeEvent, inputBinary, inputJson } from '../../js/state.js';

/** CoinRushGame's settings and their defaults (CoinRushGame.java; src/test/js/games/coinrush.test.mjs compares). */
export const DEFAULTS = Object.freeze({
  mapWidth: 800, mapHeight: 600, roundSeconds: 60, resultsSeconds: 8, radius: 12, coinRadius: 8, acceleration: 1200,
  maxSpeed: 260, damping: 0.86,
});

const EVENTS_KEPT_MS = 1500;

/** A hue (0..359) as CSS #rrggbb: dev.arena.game.Colour.hex(), HSL at 70 % saturation and 55 % lightness. */
export function hueColor(hue) {
  const s = 0.7;
  const l = 0.55;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const h = hue / 60;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] = [[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]][Math.min(5, Math.floor(h))];
  const m = l - c / 2;
  const channel = (v) => Math.round(Math.max(0, Math.min(1, v + m)) * 255).toString(16).padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

export class CoinRushFeed {
  constructor(welcome, { role = 'player' } = {}) {
    const settings = { ...DEFAULTS, ...(welcome.settings ?? {}) };
    this.settings = settings;
    this.rules = {
      protocol: welcome.protocol,
      width: settings.mapWidth,
      height: settings.mapHeight,
      tickRate: welcome.tickRate,
      dt: 1 / welcome.tickRate, // dev.arena.spi.Match: a step is always 1 / tickRate
      radius: settings.radius,
      coinRadius: settings.coinRadius,
      acceleration: settings.acceleration,
      maxSpeed: settings.maxSpeed,
      damping: settings.damping,
      stage: 'playing', // the newest phase's name: players move only while playing
    };
    this.schema = welcome.schema;
    this.selfId = welcome.id;
    this.tick = welcome.tick;
    this.state = new StateDecoder(welcome.schema, { player: welcome.id, role });
    this.events = []; // [{event, values, at}], the last EVENTS_KEPT_MS
  }

  /** No own state before the first state frame (the welcome carries none). */
  start() {
    return null;
  }

  receive(message, now) {
    if (message instanceof ArrayBuffer || ArrayBuffer.isView(message)) {
      const bytes = message instanceof ArrayBuffer ? new Uint8Array(message) : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
      if (bytes[0] === STATE) return this.stateFrame(() => this.state.applyBinary(bytes), undefined);
      if (bytes[0] === EVENT) return this.event(decodeEvent(this.schema, bytes), now);
      return null;
    }
    if (message.type === 'state') return this.stateFrame(() => this.state.applyJson(message), message.ack);
    if (message.type === 'event') return this.event(decodeEvent(this.schema, message), now);
    return null;
  }

  stateFrame(apply, ack) {
    const before = this.state.tick;
    try {
      apply();
    } catch {
      return {}; // a frame that does not decode (cut short, another game's): ignored
    }
    if (this.state.tick < before) return {};
    if (ack === undefined) ack = this.state.ack; // a binary frame's ack (flag 8), read by the decoder
    if (this.state.phase) this.rules.stage = this.state.phase.name;
    const positions = new Map();
    for (const [id, e] of this.state.entities.get('player') ?? []) positions.set(id, { x: e.values.x, y: e.values.y });
    const mine = this.state.entities.get('player')?.get(this.selfId);
    const own = mine && Number.isFinite(ack) ? { state: bodyOf(mine), ack } : null;
    return { tick: this.state.tick, time: null, positions, own, start: own ? { tick: this.state.tick, state: own.state } : null };
  }

  event(e, now) {
    this.events.push({ ...e, at: now });
    while (this.events.length > 0 && this.events[0].at < now - EVENTS_KEPT_MS) this.events.shift();
    return {};
  }

  players() {
    const out = [];
    for (const [id, e] of this.state.entities.get('player') ?? []) {
      const v = e.values;
      out.push({ id, name: v.name ?? '', color: hueColor(v.hue ?? 0), x: v.x, y: v.y, score: v.score ?? 0, streak: v.streak });
    }
    return out;
  }

  /** The coins on the map: [{id, x, y, expires}]. */
  coins() {
    return [...(this.state.entities.get('coin') ?? [])].map(([id, e]) => ({ id, x: e.values.x, y: e.values.y, expires: e.values.expires }));
  }

  /** The round: {stage, round, ticksLeft, secondsLeft} from the newest phase, or null before any. */
  round() {
    const phase = this.state.phase;
    if (!phase) return null;
    return { stage: phase.name, round: phase.round, ticksLeft: phase.ticksLeft, secondsLeft: Math.max(0, Math.ceil(phase.ticksLeft / this.rules.tickRate)) };
  }

  /** The scoreboard, best first: [{id, name, color, points}]. */
  scoreboard() {
    const byId = new Map(this.players().map((p) => [p.id, p]));
    return this.state.scores.map((s) => ({ id: s.player, name: byId.get(s.player)?.name ?? `#${s.player}`, color: byId.get(s.player)?.color ?? null, points: s.points }));
  }

  /** The `move` input: binary (0x22) on the compact subprotocol, JSON otherwise. */
  encodeInput(seq, input, subprotocol) {
    return subprotocol === SNAPSHOT_SUBPROTOCOL ? inputBinary(this.schema, 'move', seq, input).buffer : inputJson(this.schema, 'move', seq, input);
  }
}

function bodyOf(entity) {
  const v = entity.values;
  return { x: v.x, y: v.y, vx: v.vx, vy: v.vy };
}
