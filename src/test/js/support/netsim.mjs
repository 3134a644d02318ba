// A deterministic simulation of one player's game over a delaying network, for the prediction tests: the server
// part behaves like dev.arena.server.Room + dev.arena.game.World for one player (inputs applied at the next tick,
// newest seq wins, one step per tick, positions rounded to 0.01 in snapshots); the client part is the real
// GameState of the page, fed with what arrives, drawn at 60 frames a second, sending inputs like main.js (on every
// change, and again every 250 ms while held).
import { GameState } from '../../../../webapp/js/game.js';
import { step } from '../../../../webapp/js/prediction.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same network. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RULES = Object.freeze({ width: 500, height: 500, tickRate: 20, speed: 200, radius: 10 });

/**
 * Runs `durationMs` of play. `script`: [{at, dx, dy}] held-direction changes (local ms). `oneWayMs` ± `jitterMs`
 * (uniform) each way, order kept. `serverOverride(tick, pos)`: a hook that may move the server's player (a rule
 * the client does not know). Returns {frames: [{t, x, y}], server: [{tick, x, y}], game}.
 */
export function play({
  rules = RULES,
  start = { x: 100, y: 250 },
  script = [],
  durationMs = 3000,
  oneWayMs = 0,
  jitterMs = 0,
  seed = 1,
  predict = true,
  serverOverride = null,
  resendMs = 250,
  frameMs = 1000 / 60,
  tickPhaseMs = 7,
} = {}) {
  const rnd = random(seed);
  const tickMs = 1000 / rules.tickRate;
  const delay = () => Math.max(0, oneWayMs + (jitterMs ? (rnd() * 2 - 1) * jitterMs : 0));
  const events = []; // {t, kind, ...}
  let lastUp = -Infinity;
  let lastDown = -Infinity;
  const game = new GameState({ predict });
  game.rttMs = 2 * oneWayMs;
  const welcome = {
    type: 'welcome', protocol: 1, id: 1, room: 'r', ...rules, tick: 0,
    players: [{ id: 1, name: 'me', color: '#336699', x: start.x, y: start.y }],
  };
  game.handle(welcome, 0);

  // Server: ticks at tickPhaseMs + k * tickMs, for the whole run.
  const server = { pos: { ...start }, held: { dx: 0, dy: 0 }, seq: 0, inbox: [] };
  for (let k = 1; tickPhaseMs + k * tickMs <= durationMs; k++) events.push({ t: tickPhaseMs + k * tickMs, kind: 'tick', k });
  // Client: frames, and input sends (changes plus resends).
  for (let t = frameMs; t <= durationMs; t += frameMs) events.push({ t, kind: 'frame' });
  const sorted = [...script].sort((a, b) => a.at - b.at);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    const until = i + 1 < sorted.length ? sorted[i + 1].at : durationMs;
    events.push({ t: s.at, kind: 'send', dx: s.dx, dy: s.dy });
    if (s.dx !== 0 || s.dy !== 0) {
      for (let r = s.at + resendMs; r < until; r += resendMs) events.push({ t: r, kind: 'send', dx: s.dx, dy: s.dy });
    }
  }
  let seq = 0;
  const frames = [];
  const serverTrace = [];
  const queue = (e) => {
    // keep `events` ordered by time (then by insertion)
    let i = events.length;
    while (i > 0 && events[i - 1].t > e.t) i -= 1;
    events.splice(i, 0, e);
  };
  events.sort((a, b) => a.t - b.t);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    switch (e.kind) {
      case 'send': {
        seq += 1;
        game.sentInput(seq, e.dx, e.dy, e.t);
        lastUp = Math.max(lastUp, e.t + delay());
        queue({ t: lastUp, kind: 'arrive', seq, dx: e.dx, dy: e.dy });
        break;
      }
      case 'arrive':
        server.inbox.push(e);
        break;
      case 'tick': {
        for (const input of server.inbox) {
          if (input.seq > server.seq) {
            server.seq = input.seq;
            server.held = { dx: input.dx, dy: input.dy };
          }
        }
        server.inbox = [];
        server.pos = step(server.pos, server.held.dx, server.held.dy, rules);
        if (serverOverride) server.pos = serverOverride(e.k, server.pos) ?? server.pos;
        serverTrace.push({ tick: e.k, x: server.pos.x, y: server.pos.y });
        const round = (v) => Math.round(v * 100) / 100;
        const message = { type: 'snapshot', tick: e.k, time: e.t, players: [{ id: 1, x: round(server.pos.x), y: round(server.pos.y), seq: server.seq }] };
        lastDown = Math.max(lastDown, e.t + delay());
        queue({ t: lastDown, kind: 'receive', message });
        break;
      }
      case 'receive':
        game.handle(e.message, e.t);
        break;
      case 'frame': {
        const self = game.playersAt(e.t).find((p) => p.self);
        frames.push({ t: e.t, x: self.x, y: self.y });
        break;
      }
      default:
        break;
    }
  }
  return { frames, server: serverTrace, game };
}

/** Frame-to-frame speeds (map units per second) of `frames` between local times `from` and `to`. */
export function speeds(frames, from, to) {
  const out = [];
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1];
    const b = frames[i];
    if (a.t < from || b.t > to) continue;
    out.push(Math.hypot(b.x - a.x, b.y - a.y) / ((b.t - a.t) / 1000));
  }
  return out;
}
