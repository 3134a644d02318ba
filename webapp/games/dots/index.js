// The dots game's browser module (the contract is in js/games.js and docs/games.md, "The browser module"): every
// player is a dot of its colour moved by the held direction, at the speed of the room's rules.
//   feed.js    its messages (protocol version 1: welcome, snapshot, playerJoined, playerLeft) for the core
//   render.js  the dots and their names
//   step.js    the movement rule, the server's to the bit, for prediction and the compact snapshots
// Input: the held direction as it is, {dx, dy}, sent as `input` (binary on the compact subprotocol).

import { DotsFeed } from './feed.js';
import { draw } from './render.js';
import { step } from './step.js';

export default Object.freeze({
  name: 'dots',
  enter: (welcome) => new DotsFeed(welcome),
  input: ({ dx, dy }) => ({ dx, dy }),
  draw,
  predict: Object.freeze({
    step: (pos, { dx, dy }, rules) => step(pos, dx, dy, rules),
    position: (pos) => pos,
    idle: Object.freeze({ dx: 0, dy: 0 }),
    maxStep: (rules) => rules.speed / rules.tickRate,
  }),
});
