/**
 * The game rules: a {@link dev.arena.game.World} of players that moves by fixed steps. Imports {@code java.*} only:
 * no Jakarta, no JSON, no threads, no clock. Time and randomness are passed in, so every rule is reproducible in a
 * plain unit test ({@code WorldTest}).
 */
package dev.arena.game;
