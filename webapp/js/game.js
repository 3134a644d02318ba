// Client game state: the room's rules, who is in it, which one is me, a buffer of snapshots to interpolate the
// others between, and the prediction of my own player. No DOM and no clock of its own: every method that needs the
// time takes `now` (performance.now() milliseconds), so the module runs in Node's unit tests
// (src/test/js/game.test.mjs).
//
// Other players are drawn on an adaptive timeline a little behind the newest snapshot (interpolation.js). The own
// player is predicted from its inputs and reconciled with every snapshot (prediction.js), unless prediction is off
// (`predict: false`, the page's `?predict=0`): then it is interpolated like everyone else.

import { MessageType } from './protocol.js';
import { INTERPOLATION, Timeline, interpolate } from './interpolation.js';
import { PREDICTION, Predictor } from './prediction.js';

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#9aa4b2';

/** A CSS colour the server sent, or a neutral grey when it is not `#rrggbb`. */
export function safeColor(color) {
  return typeof color === 'string' && COLOR_PATTERN.test(color) ? color : FALLBACK_COLOR;
}

/** The client's picture of one room. */
export class GameState {
  /**
   * Options: `predict` (default true): predict the own player; `interpolation`: overrides of INTERPOLATION;
   * `prediction`: overrides of PREDICTION.
   */
  constructor({ predict = true, interpolation = {}, prediction = {} } = {}) {
    this.predict = predict;
    this.interpolationOptions = { ...INTERPOLATION, ...interpolation };
    this.predictionOptions = { ...PREDICTION, ...prediction };
    this.rttMs = null; // set by the page from `pong`: the first guess of the prediction's lead
    this.reset();
  }

  /** Forgets everything (before a new connection's `welcome`). */
  reset() {
    this.joined = false;
    this.rules = null; // {width, height, tickRate, speed, radius, protocol}
    this.selfId = null;
    this.room = null;
    this.players = new Map(); // id -> {id, name, color, x, y}: x, y = newest known position
    this.snapshots = []; // [{tick, time, arrival, positions: Map<id, {x, y, seq}>}], ascending tick
    this.timeline = null;
    this.predictor = null;
    this.lastTick = null;
    this.lastSnapshotTime = null;
    this.ackSeq = 0; // newest own input seq the server applied
    this.snapshotArrivals = []; // local arrival times of recent snapshots (for a rate)
  }

  /** Marks the state stale (the connection is gone); what was known stays visible until the next welcome. */
  disconnect() {
    this.joined = false;
  }

  /**
   * Applies one server message. Returns true when it was a game message this class handles (welcome, snapshot,
   * playerJoined, playerLeft); other messages (pong, error, unknown) are left to the caller.
   */
  handle(message, now) {
    switch (message.type) {
      case MessageType.WELCOME:
        this.applyWelcome(message, now);
        return true;
      case MessageType.SNAPSHOT:
        this.applySnapshot(message, now);
        return true;
      case MessageType.PLAYER_JOINED:
        this.applyPlayerJoined(message.player);
        return true;
      case MessageType.PLAYER_LEFT:
        this.applyPlayerLeft(message.id);
        return true;
      default:
        return false;
    }
  }

  /** `welcome`: the full state. Replaces everything known (it arrives again after every reconnect). */
  applyWelcome(message, now) {
    this.reset();
    this.joined = true;
    this.selfId = message.id;
    this.room = message.room;
    this.rules = {
      protocol: message.protocol,
      width: message.width,
      height: message.height,
      tickRate: message.tickRate,
      speed: message.speed,
      radius: message.radius,
    };
    this.timeline = new Timeline(this.tickMs, this.interpolationOptions);
    for (const p of message.players ?? []) this.applyPlayerJoined(p);
    // The welcome's positions are the state at `tick`: the first point of the timeline.
    const positions = new Map();
    for (const p of this.players.values()) positions.set(p.id, { x: p.x, y: p.y, seq: 0 });
    this.pushSnapshot({ tick: message.tick, time: null, arrival: now, positions });
    const self = this.self;
    if (this.predict && self) {
      this.predictor = new Predictor(this.rules, { tick: message.tick, x: self.x, y: self.y }, {
        ...this.predictionOptions,
        arrivalOrigin: this.timeline.origin,
        rttMs: this.rttMs ?? 0,
        now,
      });
    }
  }

  /** `playerJoined` (and each player of `welcome`): remember name and colour; position until the next snapshot. */
  applyPlayerJoined(player) {
    if (!player || !Number.isInteger(player.id)) return;
    this.players.set(player.id, {
      id: player.id,
      name: typeof player.name === 'string' ? player.name : '',
      color: safeColor(player.color),
      x: Number(player.x) || 0,
      y: Number(player.y) || 0,
    });
  }

  /** `playerLeft`: forget the player (also from buffered snapshots, so it does not linger). */
  applyPlayerLeft(id) {
    this.players.delete(id);
    for (const s of this.snapshots) s.positions.delete(id);
  }

  /** `snapshot`: buffer positions of known players (entries with unknown ids are ignored until known). */
  applySnapshot(message, now) {
    if (!this.joined) return;
    if (this.lastTick !== null && message.tick < this.lastTick) return; // never goes back
    const gap = this.lastTick !== null && message.tick > this.lastTick + 1;
    if (message.tick === this.lastTick && this.snapshots.at(-1)?.tick === message.tick) this.snapshots.pop(); // newer news of the same tick (e.g. the welcome's)
    const positions = new Map();
    let own = null;
    for (const entry of message.players ?? []) {
      const player = this.players.get(entry.id);
      if (!player) continue;
      player.x = entry.x;
      player.y = entry.y;
      positions.set(entry.id, { x: entry.x, y: entry.y, seq: entry.seq });
      if (entry.id === this.selfId) {
        own = entry;
        if (Number.isFinite(entry.seq)) this.ackSeq = entry.seq;
      }
    }
    this.lastSnapshotTime = message.time;
    this.snapshotArrivals.push(now);
    if (this.snapshotArrivals.length > 256) this.snapshotArrivals.shift();
    this.pushSnapshot({ tick: message.tick, time: message.time, arrival: now, positions });
    if (this.predictor && own) {
      this.predictor.hint(this.timeline.origin, this.rttMs);
      this.predictor.snapshot(message.tick, own.x, own.y, Number.isFinite(own.seq) ? own.seq : 0, now, { gap });
    }
  }

  /** The own player now holds (dx, dy), sent as input `seq` at `now`: predicted from this frame on. */
  sentInput(seq, dx, dy, now) {
    this.predictor?.input(seq, dx, dy, now);
  }

  pushSnapshot(snapshot) {
    this.snapshots.push(snapshot);
    if (this.snapshots.length > this.interpolationOptions.maxSnapshots) this.snapshots.shift(); // not drawn for a while (hidden tab)
    this.lastTick = snapshot.tick;
    this.timeline.observe(snapshot.tick, snapshot.arrival);
  }

  /** Milliseconds per tick (50 at 20 ticks a second). */
  get tickMs() {
    return this.rules ? 1000 / this.rules.tickRate : 50;
  }

  /** The fractional tick the other players are drawn at, at `now` (call once per frame, `now` not decreasing). */
  renderTick(now) {
    return this.timeline ? this.timeline.tickAt(now) : null;
  }

  /**
   * Every known player with the position to draw at `now`: [{id, name, color, x, y, self}], own player last
   * (so it is drawn on top). Drops snapshots that are no longer needed. Call once per frame.
   */
  playersAt(now) {
    const renderTick = this.renderTick(now);
    this.prune(renderTick);
    const positions = interpolate(this.snapshots, renderTick, this.interpolationOptions.maxExtrapolationTicks);
    const out = [];
    let self = null;
    for (const p of this.players.values()) {
      const isSelf = p.id === this.selfId;
      const at = isSelf && this.predictor ? this.predictor.positionAt(now) : (positions.get(p.id) ?? p); // joined after the newest snapshot: where it joined
      const drawn = { id: p.id, name: p.name, color: p.color, x: at.x, y: at.y, self: isSelf };
      if (isSelf) self = drawn;
      else out.push(drawn);
    }
    if (self) out.push(self);
    return out;
  }

  /**
   * Keeps one snapshot at or before `renderTick` and everything after it, and always the newest two (to extrapolate
   * from); at most `maxSnapshots`.
   */
  prune(renderTick) {
    const s = this.snapshots;
    let drop = 0;
    if (renderTick !== null) {
      while (drop + 2 < s.length && s[drop + 1].tick <= renderTick) drop += 1;
    }
    drop = Math.max(drop, s.length - this.interpolationOptions.maxSnapshots);
    if (drop > 0) s.splice(0, drop);
  }

  /**
   * Network figures for the overlay at `now`: {snapshotRate (per second, last second), jitterMs, interpDelayMs,
   * correctionsPerSec, corrections (since welcome), lastCorrection (map units), predicting}.
   */
  netStats(now) {
    while (this.snapshotArrivals.length > 0 && this.snapshotArrivals[0] <= now - 1000) this.snapshotArrivals.shift();
    return {
      snapshotRate: this.snapshotArrivals.length,
      jitterMs: this.timeline ? this.timeline.jitterMs : null,
      interpDelayMs: this.timeline ? this.timeline.delayMs : null,
      correctionsPerSec: this.predictor ? this.predictor.correctionsPerSecond(now) : 0,
      corrections: this.predictor ? this.predictor.correctionCount : 0,
      lastCorrection: this.predictor ? this.predictor.lastCorrection : 0,
      predicting: this.predictor !== null,
    };
  }

  /** The newest known state of every player: [{id, name, color, x, y}] (for the debug hook and tests). */
  playerList() {
    return [...this.players.values()].map((p) => ({ id: p.id, name: p.name, color: p.color, x: p.x, y: p.y }));
  }

  /** The own player's entry, or null. */
  get self() {
    return this.selfId === null ? null : (this.players.get(this.selfId) ?? null);
  }
}
