// Client-side prediction and reconciliation of the own player, for any game whose module gives a step (see
// games.js for the module contract). No DOM and no clock of its own (every method takes `now`,
// performance.now() milliseconds), so it runs in Node's unit tests (src/test/js/prediction.test.mjs, and the
// games' own tests).
//
// The model. The game's module gives `step(state, input, rules)`: one server tick of the own player's state (dots:
// {x, y} by dev.arena.game.Movement; coin rush: {x, y, vx, vy} by CoinRushRule), the same rule the server runs, to
// the bit (each game has a parity fixture); `position(state)` ({x, y}: what is drawn); `idle` (the input the
// server holds before any input) and `maxStep(rules)` (the farthest the player moves in one tick). Inputs and
// states are the game's own values: this file never looks inside them.
//
// The timeline. The server holds the newest input it received and applies it on every tick; a snapshot says where
// the player is at tick T and which input seq was the newest applied ("ack"). An input sent at local time s reaches
// the server during tick ceil((s - appOrigin) / tickMs): `appOrigin` is the local time of the server's tick 0 as
// seen by an input, i.e. minus the one-way trip to the server. It is learnt from the acks themselves: when the ack
// moves to seq a in the snapshot of tick T (with no snapshot missing before it), input a arrived during tick T, so
// sentAt(a) - T * tickMs lies in (appOrigin - tickMs, appOrigin]; the mean of those samples plus tickMs / 2
// estimates appOrigin. Before the first sample: arrival origin of the snapshots minus the measured round trip.
// Never later than the arrival origin itself: once the snapshot of tick T is here, an input sent now can only land
// in a later tick (without that bound a too-late estimate would put the prediction behind the server's own news).
//
// Prediction. The own position drawn at `now` is the server's newest state replayed forward tick by tick, with
// the acknowledged input held and every input sent since taking over at the tick it is expected to arrive, up to
// the present tick (now - appOrigin) / tickMs; the last, partial tick is linear (as the server's ticks look when
// interpolated). Holding a key steadily, every snapshot then replays to the same place: no correction.
//
// Reconciliation. Whatever makes that target jump (a snapshot that disagrees, a key press landing in the middle of
// a tick, a better appOrigin) is not drawn as a jump: the difference goes into an offset that decays
// exponentially (time constant `smoothingMs`), so the dot glides to the server's answer. A jump only if the
// error is huge (`snapSteps` ticks of movement: a respawn, a long freeze).

/** Prediction defaults. */
export const PREDICTION = Object.freeze({
  smoothingMs: 60, // time constant of the glide that hides a correction
  snapSteps: 12, // an error longer than this many ticks of movement is applied at once
  correctionThreshold: 0.5, // map units: a snapshot that moves the prediction further than this is a "correction"
  originAlpha: 0.05, // weight of one new appOrigin sample
  maxReplaySeconds: 1, // no server news for this long: stop running ahead
  maxPending: 512, // sent, unacknowledged inputs kept
});

/** Predicts and reconciles the own player; see the notes at the top of this file. */
export class Predictor {
  /**
   * A Predictor for a game module's `predict` ({step, position, idle, maxStep}) under the room's `rules` (its
   * feed's rules: at least `tickRate`); the other arguments as for the constructor.
   */
  static forGame(predict, rules, start, options) {
    return new Predictor({
      tickRate: rules.tickRate,
      step: (state, input) => predict.step(state, input, rules),
      position: predict.position,
      idle: predict.idle,
      maxStep: predict.maxStep(rules),
    }, start, options);
  }

  /**
   * `model` = {tickRate, step(state, input) -> state, position(state) -> {x, y}, idle: the input held before any,
   * maxStep: map units moved in one tick at most}; `start` = {tick, state}: the own player's state at a tick (from
   * `welcome` or the first snapshot that has it); `arrivalOrigin`: local time of tick 0 as seen by arriving
   * snapshots (the interpolation timeline's origin); `rttMs`: the measured round trip.
   */
  constructor(model, start, { arrivalOrigin = 0, rttMs = 0, now = 0, ...options } = {}) {
    this.model = model;
    this.options = { ...PREDICTION, ...options };
    this.tickMs = 1000 / model.tickRate;
    this.stepLength = model.maxStep;
    this.base = { tick: start.tick, state: start.state, ack: 0 };
    this.ackedInput = model.idle; // what the server holds after the newest acknowledged input
    this.pending = []; // [{seq, input, sentAt, tick}], ascending seq, not yet acknowledged
    this.arrivalOrigin = arrivalOrigin;
    this.learnt = arrivalOrigin - rttMs; // appOrigin as learnt from acks (before the bound by arrivalOrigin)
    this.appOrigin = this.learnt;
    this.originSamples = 0;
    this.offset = { x: 0, y: 0 };
    this.lastNow = now;
    this.corrections = []; // local times of corrections (for a rate)
    this.correctionCount = 0;
    this.lastCorrection = 0; // size of the last correction, map units
  }

  /** The fractional tick an input sent at `now` is expected to be applied in. */
  presentTick(now) {
    return (now - this.appOrigin) / this.tickMs;
  }

  /**
   * The snapshot timeline's origin (local time of tick 0 as seen by arriving snapshots) and the round trip, after
   * every snapshot. Before any ack sample they give the first guess (origin minus round trip). Always, they bound
   * appOrigin from above: a snapshot of tick T has been seen, so an input sent now lands in a tick after T.
   */
  hint(arrivalOrigin, rttMs) {
    if (arrivalOrigin === null || arrivalOrigin === undefined) return;
    this.arrivalOrigin = arrivalOrigin;
    if (this.originSamples === 0) this.learnt = arrivalOrigin - (rttMs ?? 0);
    this.retime(Math.min(this.learnt, arrivalOrigin));
  }

  /** The player now holds `input` (the game's input value), sent to the server as input `seq` at `now`. */
  input(seq, input, now) {
    const before = this.target(now);
    const tick = Math.max(this.base.tick + 1, Math.ceil(this.presentTick(now)));
    this.pending.push({ seq, input, sentAt: now, tick });
    if (this.pending.length > this.options.maxPending) this.pending.shift();
    this.absorb(before, this.target(now), now);
  }

  /**
   * The own entry of a snapshot: the player's `state` at `tick`, `ack` = newest input seq applied. `gap` is true
   * when snapshots were missed right before this one (then the ack's tick is uncertain and it teaches nothing).
   * Returns the size of the correction it caused (0 when the prediction was right).
   */
  snapshot(tick, state, ack, now, { gap = false } = {}) {
    if (tick <= this.base.tick) return 0;
    if (ack > this.base.ack && !gap) {
      const acked = this.pending.find((p) => p.seq === ack);
      if (acked) this.learnOrigin(acked.sentAt - tick * this.tickMs + this.tickMs / 2, now);
    }
    const before = this.target(now);
    if (ack > this.base.ack) {
      const acked = this.pending.filter((p) => p.seq <= ack).at(-1);
      if (acked) this.ackedInput = acked.input;
      this.pending = this.pending.filter((p) => p.seq > ack);
    }
    this.base = { tick, state, ack: Math.max(ack, this.base.ack) };
    const after = this.target(now);
    const error = Math.hypot(before.x - after.x, before.y - after.y);
    if (error > this.options.correctionThreshold) {
      this.correctionCount += 1;
      this.corrections.push(now);
      this.lastCorrection = error;
    }
    this.absorb(before, after, now);
    return error > this.options.correctionThreshold ? error : 0;
  }

  /** The position to draw at `now`: the prediction plus what is left of earlier corrections. */
  positionAt(now) {
    this.decay(now);
    const t = this.target(now);
    return { x: t.x + this.offset.x, y: t.y + this.offset.y };
  }

  /** The predicted position at `now` with no smoothing: the server's newest state replayed forward. */
  target(now) {
    return this.replayTo(this.presentTick(now));
  }

  /** The server's newest state replayed with the inputs sent since, to the fractional tick `tick`: its position. */
  replayTo(tick) {
    const { model } = this;
    let state = this.base.state;
    let held = this.ackedInput;
    const present = Math.min(tick, this.base.tick + this.options.maxReplaySeconds * model.tickRate);
    if (!(present > this.base.tick)) return copy(model.position(state));
    const whole = Math.floor(present);
    let i = 0;
    const pending = this.pending;
    for (let k = this.base.tick + 1; k <= whole; k++) {
      while (i < pending.length && pending[i].tick <= k) held = pending[i++].input;
      state = model.step(state, held);
    }
    const pos = copy(model.position(state));
    const fraction = present - whole;
    if (fraction > 0) {
      while (i < pending.length && pending[i].tick <= whole + 1) held = pending[i++].input;
      const next = model.position(model.step(state, held));
      return { x: pos.x + (next.x - pos.x) * fraction, y: pos.y + (next.y - pos.y) * fraction };
    }
    return pos;
  }

  /** Corrections in the last `windowMs` before `now`, per second. */
  correctionsPerSecond(now, windowMs = 1000) {
    while (this.corrections.length > 0 && this.corrections[0] <= now - windowMs) this.corrections.shift();
    return (this.corrections.length * 1000) / windowMs;
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  learnOrigin(sample, now) {
    this.originSamples += 1;
    this.learnt = this.originSamples === 1 ? sample : this.learnt + (sample - this.learnt) * this.options.originAlpha;
    this.retime(Math.min(this.learnt, this.arrivalOrigin), now);
  }

  retime(appOrigin, now = this.lastNow) {
    if (appOrigin === this.appOrigin) return;
    const before = this.target(now);
    this.appOrigin = appOrigin;
    this.absorb(before, this.target(now), now);
  }

  absorb(before, after, now) {
    this.decay(now);
    this.offset.x += before.x - after.x;
    this.offset.y += before.y - after.y;
    if (Math.hypot(this.offset.x, this.offset.y) > this.options.snapSteps * this.stepLength) {
      this.offset = { x: 0, y: 0 };
    }
  }

  decay(now) {
    const dt = now - this.lastNow;
    if (dt > 0) {
      const k = Math.exp(-dt / this.options.smoothingMs);
      this.offset.x *= k;
      this.offset.y *= k;
      this.lastNow = now;
    }
  }
}

function copy(p) {
  return { x: p.x, y: p.y };
}
