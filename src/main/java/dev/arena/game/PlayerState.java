package dev.arena.game;

/**
 * What everyone may know of one player at one tick.
 *
 * @param lastSeq the sequence number of the newest input applied to this player (0 before any input)
 */
public record PlayerState(PlayerId id, String name, Colour colour, Vec2 position, Input input, long lastSeq) {}
