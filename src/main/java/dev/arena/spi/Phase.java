package dev.arena.spi;

/**
 * Where a room is in its game: the phase's name (the game's own words, e.g. "playing", "results"), the round
 * number (0 for a game without rounds) and the ticks left in the phase (-1: no timer). Pages and metrics show it
 * without knowing the game; the framework tells clients when it changes.
 */
public record Phase(String name, int round, long ticksLeft) {
    public static final Phase ENDLESS = new Phase("playing", 0, -1);

    public Phase {
        if (!Field.NAME.matcher(name).matches() || round < 0 || ticksLeft < -1) {
            throw new IllegalArgumentException("a phase needs a name, a round >= 0 and ticksLeft >= -1");
        }
    }
}
