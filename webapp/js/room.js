// The client's picture of one room, for any game: who is in it and which one is me (from the game module's Feed),
// a buffer of snapshots to interpolate the others between, and the prediction of my own player. No DOM and no
// clock of its own: every method that needs the time takes `now` (performance.now() milliseconds), so it runs in
// Node's unit tests (src/test/js/room.test.mjs).
//
// The game module (games.js has the contract) decodes its own messages; this file only sees their generic
// result: snapshots of positions by id, the own player's state and ack, players gone. Other players are drawn on an
// adaptive timeline a little behind the newest snapshot (interpolation.js). The own player is predicted from its
// inputs and reconciled with every snapshot (prediction.js) when the module gives a step, unless prediction is off
// (`predict: false`, the page's `?predict=0`): then it is interpolated like everyone else.

import { MessageType, Role } from './protocol.js';
import { INTERPOLATION, Timeline, interpolate } from './interpolation.js';
import { PREDICTION, Predictor } from './prediction.js';

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#9aa4b2';

/** A CSS colour the server sent, or a neutral grey when it is not `#rrggbb`. */
export function safeColor(color) {
  return typeof color === 'string' && COLOR_PATTERN.test(color) ? color : FALLBACK_COLOR;
}

/** The client's picture of one room. */
export class RoomState {
  /**
   * Options: `game`: the game module (games.js; the page sets `room.game` before each welcome it hands over);
   * `predict` (default true): predict the own player; `role` (default player); `interpolation`: overrides of
   * INTERPOLATION; `prediction`: overrides of PREDICTION.
   */
  constructor({ game = null, predict = true, role = Role.PLAYER, interpolation = {}, prediction = {} } = {}) {
    this.game = game;
    this.predict = predict;
    this.role = role;
    this.interpolationOptions = { ...INTERPOLATION, ...interpolation };
    this.predictionOptions = { ...PREDICTION, ...prediction };
    this.rttMs = null; // set by the page from `pong`: the first guess of the prediction's lead
    this.reset();
  }

  /** Forgets everything (before a new connection's `welcome`). */
  reset() {
    this.joined = false;
    this.feed = null; // the game module's Feed for this connection
    this.selfId = null;
    this.room = null;
    this.snapshots = []; // [{tick, time, arrival, positions: Map<id, {x, y}>}], ascending tick
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

  /** The room's rules as the game's feed has them ({width, height, tickRate, ...}), or null before a welcome. */
  get rules() {
    return this.feed ? this.feed.rules : null;
  }

  /**
   * Applies one server message: a decoded JSON object, or an ArrayBuffer (a binary frame, for the game's feed).
   * Returns true when it was the welcome or a message of the game; other messages (pong, error, chat, unknown) are
   * left to the caller.
   */
  handle(message, now) {
    if (message?.type === MessageType.WELCOME) {
      this.applyWelcome(message, now);
      return true;
    }
    if (!this.feed) return false;
    const update = this.feed.receive(message, now);
    if (update === null || update === undefined) return false;
    if (update.gone) this.forget(update.gone);
    if (update.positions) this.applySnapshot(update, now);
    return true;
  }

  /** `welcome`: the full state. Replaces everything known (it arrives again after every reconnect). */
  applyWelcome(message, now) {
    if (!this.game) throw new Error('RoomState: no game module for this welcome');
    this.reset();
    this.feed = this.game.enter(message, { role: this.role });
    this.joined = true;
    this.selfId = message.id;
    this.room = message.room;
    this.timeline = new Timeline(this.tickMs, this.interpolationOptions);
    // The welcome's positions are the state at its tick: the first point of the timeline.
    const positions = new Map();
    for (const p of this.feed.players()) positions.set(p.id, { x: p.x, y: p.y });
    this.pushSnapshot({ tick: this.feed.tick, time: null, arrival: now, positions });
    this.startPredicting(this.feed.start(), now);
  }

  /** Starts the prediction from the own player's {tick, state}, if the game predicts and nothing predicts yet. */
  startPredicting(start, now) {
    if (this.predictor || !start || !this.predict || !this.game.predict || this.role !== Role.PLAYER) return;
    this.predictor = Predictor.forGame(this.game.predict, this.feed.rules, start, {
      ...this.predictionOptions,
      arrivalOrigin: this.timeline.origin,
      rttMs: this.rttMs ?? 0,
      now,
    });
  }

  /** Forgets players (also from buffered snapshots, so they do not linger). */
  forget(ids) {
    for (const id of ids) for (const s of this.snapshots) s.positions.delete(id);
  }

  /** A snapshot update of the feed: buffer its positions, reconcile the own player. */
  applySnapshot(update, now) {
    if (!this.joined) return;
    if (this.lastTick !== null && update.tick < this.lastTick) return; // never goes back
    const gap = this.lastTick !== null && update.tick > this.lastTick + 1;
    if (update.tick === this.lastTick && this.snapshots.at(-1)?.tick === update.tick) this.snapshots.pop(); // newer news of the same tick (e.g. the welcome's)
    const own = update.own ?? null;
    if (own && Number.isFinite(own.ack)) this.ackSeq = own.ack;
    this.lastSnapshotTime = update.time;
    this.snapshotArrivals.push(now);
    if (this.snapshotArrivals.length > 256) this.snapshotArrivals.shift();
    this.pushSnapshot({ tick: update.tick, time: update.time, arrival: now, positions: update.positions });
    if (!this.predictor && update.start) {
      this.startPredicting(update.start, now);
      return;
    }
    if (this.predictor && own) {
      this.predictor.hint(this.timeline.origin, this.rttMs);
      this.predictor.snapshot(update.tick, own.state, Number.isFinite(own.ack) ? own.ack : 0, now, { gap });
    }
  }

  /** The own player now holds `input` (the game's input value), sent as input `seq` at `now`: predicted from this frame on. */
  sentInput(seq, input, now) {
    this.predictor?.input(seq, input, now);
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
   * (so it is drawn on top), and the tick they are drawn at. Drops snapshots that are no longer needed. Call once
   * per frame.
   */
  frameAt(now) {
    const tick = this.renderTick(now);
    this.prune(tick);
    const positions = interpolate(this.snapshots, tick, this.interpolationOptions.maxExtrapolationTicks);
    const out = [];
    let self = null;
    for (const p of this.feed ? this.feed.players() : []) {
      const isSelf = p.id === this.selfId;
      const at = isSelf && this.predictor ? this.predictor.positionAt(now) : (positions.get(p.id) ?? p); // joined after the newest snapshot: where it joined
      const drawn = { id: p.id, name: p.name, color: safeColor(p.color), x: at.x, y: at.y, self: isSelf };
      if (isSelf) self = drawn;
      else out.push(drawn);
    }
    if (self) out.push(self);
    return { players: out, tick };
  }

  /** The players of frameAt(now). */
  playersAt(now) {
    return this.frameAt(now).players;
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

  /** The newest known state of every player: [{id, name, color, x, y}] (for the debug hook, lists and tests). */
  playerList() {
    return (this.feed ? this.feed.players() : []).map((p) => ({ id: p.id, name: p.name, color: safeColor(p.color), x: p.x, y: p.y }));
  }

  /** The own player's entry, or null. */
  get self() {
    return this.selfId === null ? null : (this.playerList().find((p) => p.id === this.selfId) ?? null);
  }
}
