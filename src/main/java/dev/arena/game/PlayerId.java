package dev.arena.game;

/** A player's identity within its room: a random positive number, unique in the room. */
public record PlayerId(int value) {
    public PlayerId {
        if (value <= 0) {
            throw new IllegalArgumentException("player id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
