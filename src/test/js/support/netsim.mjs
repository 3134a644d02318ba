// A deterministic simulation of one player's game over a delaying network, for the prediction tests of any game:
// the server part behaves like dev.arena.server.Room for one player (inputs applied at the next tick, newest seq
// wins, one step of the game's rule per tick, the state rounded as the wire rounds it in snapshots); the client part
// is the real RoomState of the page with the game's real module, fed with the messages that arrive, drawn at 60
// frames a second, sending inputs like main.js (on every change, and again every 250 ms while held). A game comes
// in as an adapter: its module, the welcome and snapshot messages its server sends, and its player's first state.
import { RoomState } from '../../../../webapp/js/room.js';
import dots from '../../../../webapp/games/dots/index.js';

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

const round = (v) => Math.round(v * 100) / 100;

/** The dots game: protocol version 1's welcome and snapshot; the player's state is its position. */
export const DOTS = Object.freeze({
  module: dots,
  rules: RULES,
  state: (start) => ({ x: start.x, y: start.y }),
  welcome: (rules, start) => ({
    type: 'welcome', protocol: 1, id: 1, room: 'r', ...rules, tick: 0,
    players: [{ id: 1, name: 'me', color: '#336699', x: start.x, y: start.y }],
  }),
  snapshot: (tick, time, state, seq) => ({ type: 'snapshot', tick, time, players: [{ id: 1, x: round(state.x), y: round(state.y), seq }] }),
});

/**
 * Runs `durationMs` of play. `script`: [{at, dx, dy}] held-direction changes (local ms). `oneWayMs` ± `jitterMs`
 * (uniform) each way, order kept. `serverOverride(tick, pos)`: a hook that may move the server's player (a rule
 * the client does not know). Returns {frames: [{t, x, y}], server: [{tick, x, y}], game}.
 */
export function play({
  adapter = DOTS,
  rules = adapter.rules,
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
  const game = new RoomState({ game: adapter.module, predict });
  game.rttMs = 2 * oneWayMs;
  game.handle(adapter.welcome(rules, start), 0);
  const step = adapter.module.predict.step;

  // Server: ticks at tickPhaseMs + k * tickMs, for the whole run.
  const server = { pos: adapter.state(start), held: adapter.module.predict.idle, seq: 0, inbox: [] };
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
        game.sentInput(seq, adapter.module.input({ dx: e.dx, dy: e.dy }), e.t);
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
            server.held = adapter.module.input({ dx: input.dx, dy: input.dy });
          }
        }
        server.inbox = [];
        server.pos = step(server.pos, server.held, game.rules);
        if (serverOverride) server.pos = serverOverride(e.k, server.pos) ?? server.pos;
        serverTrace.push({ tick: e.k, x: server.pos.x, y: server.pos.y });
        const message = adapter.snapshot(e.k, e.t, server.pos, server.seq);
        lastDown = Math.max(lastDown, e.t + delay());
        queue({ t: lastDown, kind: 'receive', message });
        break;
      }
      case 'receive':
        game.handle(e.message, e.t);
        break;
      case 'frame': {
        const self = game.playersAt(e.t).find((p) => p.self);
        if (self) frames.push({ t: e.t, x: self.x, y: self.y }); // a game whose welcome has no state: from its first frame
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
