/**
 * Coin rush, the second game on the SPI ({@link dev.arena.spi}): coins appear at random places and vanish after a
 * while, a player who touches one scores it (more for a streak of quick catches, which only that player sees), a
 * round lasts {@code arena.game.coinrush.roundSeconds} and ends in a results phase with the scoreboard. Movement has
 * momentum ({@link dev.arena.games.coinrush.CoinRushRule}), twinned in the browser by
 * {@code webapp/games/coinrush/step.js} and checked to the bit by a committed fixture. Imports {@code dev.arena.spi}
 * and {@code dev.arena.game} (names, colours) only: no transport, JSON, threads or clock.
 */
package dev.arena.games.coinrush;
