// Coin rush's browser module (the contract is in js/games.js and docs/games.md, "The browser module"): catch the
// coins before the others do; a round lasts roundSeconds, then the scoreboard shows for resultsSeconds.
//   feed.js    its messages on the game SPI's generic state (schema and settings in welcome, state frames, events)
//   render.js  coins, players, scores, the timer and the results screen
//   step.js    its rule (CoinRushRule, to the bit: parity/coinrush.json), for prediction
// Input: the held direction as the `move` input, {dx, dy} (accelerates the player; it glides when released).
// Played in rooms made with join.game "coinrush" (the player page: index.html?game=coinrush).

import { CoinRushFeed } from './feed.js';
import { draw } from './render.js';
import { move } from './step.js';

export default Object.freeze({
  name: 'coinrush',
  enter: (welcome, { role } = {}) => new CoinRushFeed(welcome, { role }),
  input: ({ dx, dy }) => ({ dx, dy }),
  draw,
  predict: Object.freeze({
    // Between rounds nobody moves (CoinRushSimulation.step moves players only while playing).
    step: (body, { dx, dy }, rules) => (rules.stage === 'playing' ? move(body, dx, dy, rules.dt, rules) : body),
    position: (body) => ({ x: body.x, y: body.y }),
    idle: Object.freeze({ dx: 0, dy: 0 }),
    maxStep: (rules) => rules.maxSpeed / rules.tickRate,
  }),
});
