/**
 * The dot game on the SPI ({@link dev.arena.spi}): players move by the held direction and stay on the map. The
 * movement rule is {@link dev.arena.game.Movement}, the same as {@link dev.arena.game.World}'s (the movement parity
 * fixture checks both). Imports {@code dev.arena.spi} and {@code dev.arena.game} only: no transport, JSON, threads or
 * clock. Phase A of issue 14: not yet what rooms run.
 */
package dev.arena.games.dots;
