package dev.arena.game;

/** Something a player asks of the world, applied at the next tick in the order received. */
public sealed interface Command {
    PlayerId id();

    /** Hold these directions from now on; {@code seq} numbers the player's inputs, newest wins. */
    record Steer(PlayerId id, long seq, Input input) implements Command {}

    /** Leave the world. */
    record Leave(PlayerId id) implements Command {}
}
