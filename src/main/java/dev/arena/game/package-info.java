/**
 * The dots game's rules and values: the movement rule ({@link dev.arena.game.Movement}, the one place it is written
 * in Java), the {@link dev.arena.game.Rules} of a map, colours, names, inputs and the immutable player states that
 * protocol version 1 snapshots are made of. The game itself runs on the SPI ({@code games.dots.DotsGame}, seen by the
 * dots room as {@code games.dots.World}). Imports {@code java.*} only: no Jakarta, no JSON, no threads, no clock.
 * Time and randomness are passed in, so every rule is reproducible in a plain unit test.
 */
package dev.arena.game;
