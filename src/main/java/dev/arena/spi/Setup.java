package dev.arena.spi;

/**
 * What a simulation gets from the framework when it is made: the room's settings, its random generator (the only
 * source of randomness a game may use), its state (empty for a new room, the captured one for a restored room),
 * where its events go, and the tick rate (every {@link Simulation#step} is {@code 1 / tickRate} seconds).
 */
public record Setup(Settings settings, Rng random, State state, Events events, int tickRate) {
    public Setup {
        if (tickRate < 1 || tickRate > 1000) {
            throw new IllegalArgumentException("tick rate must be 1..1000 Hz: " + tickRate);
        }
    }

    /** The fixed step, seconds: {@code 1.0 / tickRate}, the value every step's {@code dt} has. */
    public double dt() {
        return 1.0 / tickRate;
    }
}
