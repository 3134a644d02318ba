/**
 * The dot game on the SPI ({@link dev.arena.spi}): players move by the held direction ({@link
 * dev.arena.game.Movement}) and stay on the map. {@link dev.arena.games.dots.DotsGame} declares it and
 * {@link dev.arena.games.dots.DotsSimulation} plays it; {@link dev.arena.games.dots.World} is how a dots room runs it:
 * a {@link dev.arena.spi.Match} of it plus the random player ids of protocol version 1, so dots rooms keep their
 * wire (the compact snapshots that leave out what the client predicts) while their rules and state are the SPI's, and
 * can be captured and restored like any room's. Imports {@code dev.arena.spi} and {@code dev.arena.game} only: no
 * transport, JSON, threads or clock.
 */
package dev.arena.games.dots;
