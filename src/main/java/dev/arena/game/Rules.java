package dev.arena.game;

/**
 * The parameters of a room's simulation. Everything a client needs to predict its own movement is here and is sent to
 * it in {@code welcome}, so no client hard-codes a rule.
 *
 * @param width map width in map units
 * @param height map height in map units
 * @param tickRate simulation steps per second
 * @param speed movement speed in map units per second
 * @param radius a player's dot radius; the dot's centre stays at least this far inside the map
 */
public record Rules(int width, int height, int tickRate, double speed, double radius) {
    public static final Rules DEFAULT = new Rules(500, 500, 20, 200, 10);

    public Rules {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive: " + width + "x" + height);
        }
        if (tickRate < 1 || tickRate > 1000) {
            throw new IllegalArgumentException("tick rate must be 1..1000 Hz: " + tickRate);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite non-negative number: " + speed);
        }
        if (!(radius >= 0) || 2 * radius > Math.min(width, height)) {
            throw new IllegalArgumentException("radius must fit the map: " + radius);
        }
    }

    /** The fixed simulation step, in seconds. */
    public double dt() {
        return 1.0 / tickRate;
    }
}
