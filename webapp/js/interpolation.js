// Interpolation of the other players: an adaptive playout timeline and linear interpolation between snapshots.
// No DOM and no clock of its own (every method takes `now`, performance.now() milliseconds): unit-tested in Node
// (src/test/js/interpolation.test.mjs).
//
// Timeline. Snapshot ticks are exactly tickMs = 1000 / tickRate apart on the server. Each arrival gives a sample
// "local time of tick 0" = arrival - tick * tickMs. Over a sliding window of recent samples, the smallest is the
// least-delayed path (the origin) and every other sample's distance above it is that snapshot's lateness. Players
// are drawn `delayMs` behind the origin's timeline, with
//
//     delayMs = bufferTicks * tickMs + lateness at the `latenessPercentile` of the window
//
// the usual rule of thumb (Valve's cl_interp of two snapshot intervals; Gaffer On Games' "a few packets plus
// jitter"): a snapshot dropped or late by the usual jitter still arrives before it is needed. The jitter shown to
// people is RFC 3550's interarrival jitter (J += (|D| - J) / 16).
//
// The playhead never jumps: it runs at the local clock's speed, sped up or slowed by at most `maxRate` (10 %) to
// follow the target when the origin or the delay change, so an adaptation is a slight slow-motion or fast-forward,
// not a skip. Only a big difference (the tab slept, a new connection) resets it. Past the newest snapshot it
// extrapolates for at most `maxExtrapolationTicks`, then holds.

/** Interpolation defaults. */
export const INTERPOLATION = Object.freeze({
  bufferTicks: 2, // snapshot intervals of buffer, plus the measured lateness
  latenessPercentile: 0.95,
  windowSize: 60, // arrivals in the sliding window (3 s at 20 Hz)
  maxRate: 0.1, // the playhead runs at most 10 % faster or slower than real time
  convergeMs: 500, // time constant of the playhead's approach to its target
  resyncMs: 1000, // farther off than this: jump (tab slept, new connection)
  maxExtrapolationTicks: 1, // past the newest snapshot: run on for up to this many ticks, then hold
  maxSnapshots: 64, // never keep more than this many
});

/** Linear interpolation. */
export function lerp(a, b, t) {
  return a + (b - a) * t;
}

/** An adaptive playout clock for a stream of (tick, arrival) pairs; see the notes at the top of this file. */
export class Timeline {
  constructor(tickMs, options = {}) {
    this.tickMs = tickMs;
    this.options = { ...INTERPOLATION, ...options };
    this.samples = []; // arrival - tick * tickMs, oldest first
    this.origin = null; // min of samples
    this.delayMs = this.options.bufferTicks * tickMs;
    this.jitterMs = 0;
    this.lastSample = null;
    this.playhead = null; // fractional tick drawn at lastNow
    this.lastNow = null;
  }

  /** Takes one snapshot's tick and local arrival time. */
  observe(tick, arrival) {
    const sample = arrival - tick * this.tickMs;
    if (this.lastSample !== null) this.jitterMs += (Math.abs(sample - this.lastSample) - this.jitterMs) / 16;
    this.lastSample = sample;
    if (this.origin !== null && Math.abs(sample - this.origin) > this.options.resyncMs) {
      this.samples = []; // a new connection or a long freeze: forget the old path
    }
    this.samples.push(sample);
    if (this.samples.length > this.options.windowSize) this.samples.shift();
    this.origin = Math.min(...this.samples);
    const lateness = this.samples.map((s) => s - this.origin).sort((a, b) => a - b);
    const at = lateness[Math.min(lateness.length - 1, Math.floor(this.options.latenessPercentile * lateness.length))];
    this.delayMs = this.options.bufferTicks * this.tickMs + at;
  }

  /** Where the playhead should be at `now`, or null before the first observe(). */
  targetTick(now) {
    return this.origin === null ? null : (now - this.delayMs - this.origin) / this.tickMs;
  }

  /** The (fractional) tick to draw at `now`; call it once per frame with a non-decreasing `now`. */
  tickAt(now) {
    const target = this.targetTick(now);
    if (target === null) return null;
    if (this.playhead === null || Math.abs(target - this.playhead) * this.tickMs > this.options.resyncMs || now < this.lastNow) {
      this.playhead = target;
    } else {
      const { maxRate, convergeMs } = this.options;
      const dt = now - this.lastNow;
      const free = this.playhead + dt / this.tickMs; // where real time alone takes it
      const maxNudge = (dt / this.tickMs) * maxRate;
      const nudge = (target - free) * Math.min(1, dt / convergeMs);
      this.playhead = free + Math.max(-maxNudge, Math.min(maxNudge, nudge));
    }
    this.lastNow = now;
    return this.playhead;
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
        out.set(id, q ? { x: p.x + ((p.x - q.x) / span) * ahead, y: p.y + ((p.y - q.y) / span) * ahead } : { x: p.x, y: p.y });
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
