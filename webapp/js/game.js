// Client game state: the room's rules, who is in it, which one is me, and a buffer of snapshots to interpolate
// between. No DOM and no clock of its own: every method that needs the time takes `now` (performance.now()
// milliseconds), so the module runs in Node's unit tests (src/test/js/game.test.mjs).
//
// Timeline. Snapshot ticks are exactly 1000 / tickRate ms apart on the server. Each arrival gives a sample of
// "local time of tick 0" (arrival - tick * tickMs); the clock keeps the lower envelope of those samples (the
// least-delayed snapshots), drifting up slowly when the latency grows. Players are drawn at
// renderTick = (now - delay - tick0) / tickMs, i.e. `delayMs` (about 100 ms) behind the newest snapshot, so there
// is nearly always a snapshot on either side to interpolate between.
//
// Prediction (a later issue) fits in positionsAt(): own inputs are recorded with their seq, each snapshot's own
// entry carries the acknowledged seq (`ackSeq`), and the own player can then be replayed from the newest snapshot
// instead of being interpolated like everyone else.

import { MessageType } from './protocol.js';

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#9aa4b2';

/** Interpolation defaults. */
export const INTERPOLATION = Object.freeze({
  delayMs: 100, // draw this far behind the newest snapshot
  maxSnapshots: 64, // never keep more than this many
  resyncMs: 1000, // a clock sample this far off the estimate restarts the clock
  driftUp: 0.05, // how fast the clock follows samples that arrive later than expected (0..1 per snapshot)
  maxExtrapolationTicks: 0, // past the newest snapshot: hold still (0) or run on for up to this many ticks
});

/** Linear interpolation. */
export function lerp(a, b, t) {
  return a + (b - a) * t;
}

/**
 * Keeps the estimate of "local time of tick 0" for a stream of (tick, arrival) pairs; see the timeline note at the
 * top of this file.
 */
export class TickClock {
  constructor(tickMs, { resyncMs = INTERPOLATION.resyncMs, driftUp = INTERPOLATION.driftUp } = {}) {
    this.tickMs = tickMs;
    this.resyncMs = resyncMs;
    this.driftUp = driftUp;
    this.origin = null;
  }

  /** Takes one snapshot's tick and local arrival time. */
  observe(tick, arrival) {
    const sample = arrival - tick * this.tickMs;
    if (this.origin === null || Math.abs(sample - this.origin) > this.resyncMs) {
      this.origin = sample;
    } else if (sample < this.origin) {
      this.origin = sample; // an earlier arrival than ever: less delay, follow at once
    } else {
      this.origin += (sample - this.origin) * this.driftUp;
    }
  }

  /** The (fractional) tick that corresponds to local time `now`, or null before the first observe(). */
  tickAt(now) {
    return this.origin === null ? null : (now - this.origin) / this.tickMs;
  }
}

/**
 * The position of each player at fractional tick `renderTick`, from `snapshots` (sorted by tick, each
 * `{tick, positions: Map<id, {x, y}>}`). Between two snapshots: linear interpolation (a player missing from the
 * earlier one takes the later position). Before the first: the first. After the last: the last, or run on by up
 * to `maxExtrapolationTicks` ticks. Returns a Map<id, {x, y}>; ids absent from the snapshots are absent.
 */
export function interpolate(snapshots, renderTick, maxExtrapolationTicks = 0) {
  const out = new Map();
  const n = snapshots.length;
  if (n === 0 || renderTick === null || Number.isNaN(renderTick)) {
    if (n > 0) copyPositions(snapshots[n - 1], out);
    return out;
  }
  if (renderTick <= snapshots[0].tick) {
    copyPositions(snapshots[0], out);
    return out;
  }
  const last = snapshots[n - 1];
  if (renderTick >= last.tick) {
    if (maxExtrapolationTicks > 0 && n >= 2) {
      const prev = snapshots[n - 2];
      const span = last.tick - prev.tick;
      const ahead = Math.min(renderTick - last.tick, maxExtrapolationTicks);
      for (const [id, p] of last.positions) {
        const q = prev.positions.get(id);
        out.set(id, q ? { x: p.x + ((p.x - q.x) / span) * ahead, y: p.y + ((p.y - q.y) / span) * ahead } : { ...p });
      }
    } else {
      copyPositions(last, out);
    }
    return out;
  }
  // Find a with a.tick <= renderTick < b.tick (the buffer is short; search from the newest end).
  let i = n - 2;
  while (i > 0 && snapshots[i].tick > renderTick) i -= 1;
  const a = snapshots[i];
  const b = snapshots[i + 1];
  const t = (renderTick - a.tick) / (b.tick - a.tick);
  for (const [id, pb] of b.positions) {
    const pa = a.positions.get(id);
    out.set(id, pa ? { x: lerp(pa.x, pb.x, t), y: lerp(pa.y, pb.y, t) } : { x: pb.x, y: pb.y });
  }
  return out;
}

function copyPositions(snapshot, out) {
  for (const [id, p] of snapshot.positions) out.set(id, { x: p.x, y: p.y });
}

/** A CSS colour the server sent, or a neutral grey when it is not `#rrggbb`. */
export function safeColor(color) {
  return typeof color === 'string' && COLOR_PATTERN.test(color) ? color : FALLBACK_COLOR;
}

/** The client's picture of one room. */
export class GameState {
  constructor(options = {}) {
    this.options = { ...INTERPOLATION, ...options };
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
    this.clock = null;
    this.lastTick = null;
    this.lastSnapshotTime = null;
    this.ackSeq = 0; // newest own input seq the server applied
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
    this.clock = new TickClock(this.tickMs, this.options);
    for (const p of message.players ?? []) this.applyPlayerJoined(p);
    // The welcome's positions are the state at `tick`: the first point of the timeline.
    const positions = new Map();
    for (const p of this.players.values()) positions.set(p.id, { x: p.x, y: p.y, seq: 0 });
    this.pushSnapshot({ tick: message.tick, time: null, arrival: now, positions });
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
    if (message.tick === this.lastTick && this.snapshots.at(-1)?.tick === message.tick) this.snapshots.pop(); // newer news of the same tick (e.g. the welcome's)
    const positions = new Map();
    for (const entry of message.players ?? []) {
      const player = this.players.get(entry.id);
      if (!player) continue;
      player.x = entry.x;
      player.y = entry.y;
      positions.set(entry.id, { x: entry.x, y: entry.y, seq: entry.seq });
      if (entry.id === this.selfId && Number.isFinite(entry.seq)) this.ackSeq = entry.seq;
    }
    this.lastSnapshotTime = message.time;
    this.pushSnapshot({ tick: message.tick, time: message.time, arrival: now, positions });
  }

  pushSnapshot(snapshot) {
    this.snapshots.push(snapshot);
    if (this.snapshots.length > this.options.maxSnapshots) this.snapshots.shift(); // not drawn for a while (hidden tab)
    this.lastTick = snapshot.tick;
    this.clock.observe(snapshot.tick, snapshot.arrival);
  }

  /** Milliseconds per tick (50 at 20 ticks a second). */
  get tickMs() {
    return this.rules ? 1000 / this.rules.tickRate : 50;
  }

  /** The fractional tick to draw at local time `now`, `delayMs` behind the newest snapshot's timeline. */
  renderTick(now) {
    if (!this.clock) return null;
    return this.clock.tickAt(now - this.options.delayMs);
  }

  /**
   * Every known player with the position to draw at `now`: [{id, name, color, x, y, self}], own player last
   * (so it is drawn on top). Drops snapshots that are no longer needed.
   */
  playersAt(now) {
    const renderTick = this.renderTick(now);
    this.prune(renderTick);
    const positions = interpolate(this.snapshots, renderTick, this.options.maxExtrapolationTicks);
    const out = [];
    let self = null;
    for (const p of this.players.values()) {
      const at = positions.get(p.id) ?? p; // joined after the newest snapshot: where it joined
      const drawn = { id: p.id, name: p.name, color: p.color, x: at.x, y: at.y, self: p.id === this.selfId };
      if (drawn.self) self = drawn;
      else out.push(drawn);
    }
    if (self) out.push(self);
    return out;
  }

  /** Keeps one snapshot at or before `renderTick` and everything after it; at most `maxSnapshots`. */
  prune(renderTick) {
    const s = this.snapshots;
    let drop = 0;
    if (renderTick !== null) {
      while (drop + 1 < s.length && s[drop + 1].tick <= renderTick) drop += 1;
    }
    drop = Math.max(drop, s.length - this.options.maxSnapshots);
    if (drop > 0) s.splice(0, drop);
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
