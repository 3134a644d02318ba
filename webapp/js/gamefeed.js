// The generic side of a connection to a room of a game on the SPI (dev.arena.spi), for game modules to build on:
// the welcome's schema and settings, state frames (JSON {"type":"state"} or binary 0x21) decoded by js/state.js into
// the viewer's entities, phase and scores, events (JSON or binary 0x23) kept for a moment, and the game's input
// encoded by its name. A module's feed extends GameFeed and says what the page shows: its players() (and whatever
// else its draw reads), and, to predict, its own player's body (body()). The core's contract for a feed is in
// js/games.js. No DOM: tested in Node through coin rush's feed, which extends it
// (src/test/js/games/coinrush.test.mjs), and in Chromium through the tutorial's flag module (FlagBrowserIT).

import { SNAPSHOT_SUBPROTOCOL } from './protocol.js';
import { EVENT, STATE, StateDecoder, decodeEvent, inputBinary, inputJson } from './state.js';

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

export class GameFeed {
  /**
   * welcome: the room's welcome (id, tick, tickRate, schema, settings); role: the viewer's; defaults: the game's
   * settings and their defaults (a key the welcome leaves out is its default); kind: the entity kind of the
   * players (their ids are the players' ids); input: the name of the input the held direction is sent as.
   */
  constructor(welcome, { role = 'player', defaults = {}, kind = 'player', input = 'move' } = {}) {
    this.settings = { ...defaults, ...(welcome.settings ?? {}) };
    this.rules = {
      protocol: welcome.protocol,
      width: this.settings.mapWidth,
      height: this.settings.mapHeight,
      tickRate: welcome.tickRate,
      dt: 1 / welcome.tickRate, // dev.arena.spi.Match: a step is always 1 / tickRate
      stage: null, // the newest phase's name
    };
    this.schema = welcome.schema;
    this.selfId = welcome.id;
    this.tick = welcome.tick;
    this.kind = kind;
    this.inputName = input;
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
    for (const [id, e] of this.entities(this.kind)) positions.set(id, this.position(e.values));
    const mine = this.entities(this.kind).get(this.selfId);
    const own = mine && Number.isFinite(ack) ? { state: this.body(mine.values), ack } : null;
    return { tick: this.state.tick, time: null, positions, own, start: own ? { tick: this.state.tick, state: own.state } : null };
  }

  event(e, now) {
    this.events.push({ ...e, at: now });
    while (this.events.length > 0 && this.events[0].at < now - EVENTS_KEPT_MS) this.events.shift();
    return {};
  }

  /** The viewer's entities of `kind`: Map id -> {values}. */
  entities(kind) {
    return this.state.entities.get(kind) ?? new Map();
  }

  /** Where an entity of the players' kind is drawn, from its values: {x, y} (override for other field names). */
  position(values) {
    return { x: values.x, y: values.y };
  }

  /** The own player's state for prediction, from its values (override to predict: the fields your step reads). */
  body(values) {
    return this.position(values);
  }

  /** The players for the page: [{id, name, color, x, y, score}], a colour per id (override to add the game's own). */
  players() {
    return [...this.entities(this.kind)].map(([id, e]) => ({ id, name: e.values.name ?? `#${id}`, color: hueColor((id * 137) % 360), ...this.position(e.values), score: e.values.score ?? 0 }));
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

  /** The held direction as the game's input: binary (0x22) on the compact subprotocol, JSON otherwise. */
  encodeInput(seq, input, subprotocol) {
    return subprotocol === SNAPSHOT_SUBPROTOCOL ? inputBinary(this.schema, this.inputName, seq, input).buffer : inputJson(this.schema, this.inputName, seq, input);
  }
}
