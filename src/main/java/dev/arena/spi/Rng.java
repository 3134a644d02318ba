package dev.arena.spi;

import java.util.random.RandomGenerator;

/**
 * A room's random generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * 2014; the generator behind {@link java.util.SplittableRandom}), whose whole state is one {@code long} that can be
 * read ({@link #state}) and set ({@link #restore}), so a room captured at a tick boundary draws the same numbers
 * after it is restored. It is a {@link RandomGenerator}, so every {@code nextInt(bound)}, {@code nextDouble()} etc.
 * is derived from {@link #nextLong} the same way on every node of one JDK. Not thread-safe: the room's tick owns it.
 */
public final class Rng implements RandomGenerator {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator that continues from a captured {@link #state}. */
    public static Rng restore(long state) {
        return new Rng(state);
    }

    /** The whole state: {@code Rng.restore(r.state())} draws what {@code r} would. */
    public long state() {
        return state;
    }

    @Override
    public long nextLong() {
        long z = (state += GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A new, independent generator seeded from this one (this one advances by one draw). */
    public Rng split() {
        return new Rng(nextLong());
    }
}
