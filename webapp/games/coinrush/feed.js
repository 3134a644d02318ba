// Coin rush's side of a connection, on the core's GameFeed (js/gamefeed.js: the SPI's generic state, decoded from
// the game's schema, its events and inputs): what the core draws and predicts, and what render.js shows. No DOM:
// tested in Node (src/test/js/games/coinrush.test.mjs).
//
// What it reads (docs/games.md, "The browser module"): the `welcome` of a coin rush room carries, besides id, room,
// tick and tickRate, the game's `schema` (SchemaJson) and its `settings` (the room's arena.game.coinrush.* values
// by key: mapWidth, mapHeight, radius, coinRadius, acceleration, maxSpeed, damping, ...; a key left out is the
// game's default). Then come state frames ({"type":"state",...} or binary 0x21) and events ({"type":"event",...}
// or binary 0x23). The own player is predicted when a state frame carries `ack` (the newest own input applied);
// without it, it is drawn like the others.

import { GameFeed, hueColor } from '../../js/gamefeed.js';

export { hueColor };

/** CoinRushGame's settings and their defaults (CoinRushGame.java; src/test/js/games/coinrush.test.mjs compares). */
export const DEFAULTS = Object.freeze({
  mapWidth: 800, mapHeight: 600, roundSeconds: 60, resultsSeconds: 8, radius: 12, coinRadius: 8, acceleration: 1200,
  maxSpeed: 260, damping: 0.86,
});

export class CoinRushFeed extends GameFeed {
  constructor(welcome, { role = 'player' } = {}) {
    super(welcome, { role, defaults: DEFAULTS, kind: 'player', input: 'move' });
    const settings = this.settings;
    Object.assign(this.rules, {
      radius: settings.radius,
      coinRadius: settings.coinRadius,
      acceleration: settings.acceleration,
      maxSpeed: settings.maxSpeed,
      damping: settings.damping,
      stage: 'playing', // players move only while playing
    });
  }

  /** What step.js moves: position and velocity. */
  body(v) {
    return { x: v.x, y: v.y, vx: v.vx, vy: v.vy };
  }

  players() {
    return [...this.entities('player')].map(([id, { values: v }]) => ({ id, name: v.name ?? '', color: hueColor(v.hue ?? 0), x: v.x, y: v.y, score: v.score ?? 0, streak: v.streak }));
  }

  /** The coins on the map: [{id, x, y, expires}]. */
  coins() {
    return [...this.entities('coin')].map(([id, e]) => ({ id, x: e.values.x, y: e.values.y, expires: e.values.expires }));
  }
}
