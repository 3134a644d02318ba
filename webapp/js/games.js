/**
 * Loads the browser module of the room's game: `games/<name>/index.js`, next to `js/` (any context path), by
 * dynamic `import()`, once per name. The name comes from `welcome.game` (protocol.gameOf: `dots` when a server sends
 * none) and must match protocol.GAME_PATTERN; anything else, a module that does not load, or one that does not keep
 * the contract below, is a GameLoadError with a message for people, which the page shows (it never crashes it).
 *
 * THE MODULE CONTRACT. `games/<name>/index.js` has a default export, one object:
 *
 *   name                       the game's name: the directory's, and the server's `welcome.game`
 *   enter(welcome, {role})     called with every `welcome` (each connection). Returns the room's Feed (below): the
 *                              game's decoding of its own messages. `role`: 'player' | 'controller' | 'screen' |
 *                              'spectator'. It must not touch the DOM.
 *   input({dx, dy})            the input mapping: the directions held on the keys, the pad or a touch (each -1, 0,
 *                              1; diagonals both set) to the game's input value, which Feed.encodeInput sends and
 *                              predict.step replays
 *   keys (optional)            KeyboardEvent.code -> ['up' | 'down' | 'left' | 'right', ...]; default: arrows + WASD
 *   draw(ctx, view)            draws one frame on a 2D context already scaled to map units, over the core's map
 *                              background: view = {players (drawn positions: others interpolated, the own one
 *                              predicted, own last, each {id, name, color, x, y, self}), feed, rules, scale (canvas
 *                              pixels per map unit), stale (connection gone: draw dimmed), now, tick (the
 *                              fractional tick the others are drawn at)}
 *   predict (optional)         {step(state, input, rules) -> state, position(state) -> {x, y}, idle (the input
 *                              held before any), maxStep(rules) -> map units per tick}: the server's rule for the
 *                              own player, to the bit (a parity fixture). Given it, the core predicts the own
 *                              player and reconciles it with every snapshot (prediction.js); without, the own
 *                              player is drawn like the others.
 *
 *   Feed = {
 *     rules                    {width, height, tickRate, ...}: the map the core fits and the tick the timeline runs
 *                              at; handed to predict.step and maxStep as they are
 *     tick                     the room's tick at the welcome
 *     start()                  {tick, state} of the own player for prediction, or null (not known yet, or no player)
 *     receive(message, now)    every message after the welcome that the core does not handle itself (a decoded
 *                              JSON object, or an ArrayBuffer of a binary frame). Returns null when it is not the
 *                              game's (the page handles or ignores it), else an Update: {} (handled, nothing for
 *                              the core), {gone: [ids]} (forget these players), or a snapshot {tick, time,
 *                              positions: Map<id, {x, y}>, own: {state, ack} | null, start: {tick, state} | null}
 *     players()                [{id, name, color (#rrggbb), x, y}]: every player at the newest snapshot, for the HUD,
 *                              the screen's list and the debug hook
 *     encodeInput(seq, input, subprotocol)   the input frame to send: a JSON string, or an ArrayBuffer when the
 *                              server chose `subprotocol` (a binary format the game's wire has)
 *   }
 *
 * docs/games.md ("The browser module") says the same with the two games as examples.
 */

import { GAME_PATTERN } from './protocol.js';

/** A game module that cannot be used: `message` says so to people. */
export class GameLoadError extends Error {
  constructor(message, game) {
    super(message);
    this.name = 'GameLoadError';
    this.game = game;
  }
}

/** The URL of a game's module, or a GameLoadError when `name` is no game name. */
export function gameModuleUrl(name, base = import.meta.url) {
  if (typeof name !== 'string' || !GAME_PATTERN.test(name)) {
    const shown = typeof name === 'string' ? `“${name.slice(0, 40)}”` : String(name);
    throw new GameLoadError(`The server named the room's game ${shown}, which is not a game name: this page cannot show it.`, name);
  }
  return new URL(`../games/${name}/index.js`, base).href;
}

/** What a module must give (the contract above); the names of the missing parts, empty when it keeps it. */
export function contractGaps(module, name) {
  const gaps = [];
  if (!module || typeof module !== 'object') return ['a default export'];
  if (module.name !== name) gaps.push(`name "${name}"`);
  for (const fn of ['enter', 'input', 'draw']) if (typeof module[fn] !== 'function') gaps.push(`${fn}()`);
  if (module.predict !== undefined) {
    for (const fn of ['step', 'position', 'maxStep']) if (typeof module.predict?.[fn] !== 'function') gaps.push(`predict.${fn}()`);
  }
  return gaps;
}

const loaded = new Map(); // name -> Promise of the module

/**
 * The module of game `name` (a promise; each name is imported once). Rejects with a GameLoadError. `importer` is
 * for tests (default: the browser's or Node's dynamic import()).
 */
export function loadGame(name, { importer = (url) => import(url), base = import.meta.url } = {}) {
  let url;
  try {
    url = gameModuleUrl(name, base);
  } catch (e) {
    return Promise.reject(e);
  }
  if (!loaded.has(url)) {
    const promise = Promise.resolve().then(() => importer(url)).then((ns) => {
      const gaps = contractGaps(ns?.default, name);
      if (gaps.length > 0) throw new GameLoadError(`The module of the game “${name}” is not a game module (it has no ${gaps.join(', ')}).`, name);
      return ns.default;
    }, (e) => {
      throw new GameLoadError(`This page cannot load the game “${name}” (games/${name}/index.js: ${e?.message ?? e}).`, name);
    });
    promise.catch(() => loaded.delete(url)); // a failed load may be tried again (the next welcome)
    loaded.set(url, promise);
  }
  return loaded.get(url);
}
