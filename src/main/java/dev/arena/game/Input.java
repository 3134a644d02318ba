package dev.arena.game;

/**
 * The directions a player holds down: {@code dx} and {@code dy} are each -1, 0 or 1 (x grows to the right, y grows
 * downwards, like the canvas). Holding left and right together is {@code dx = 0}.
 */
public record Input(int dx, int dy) {
    public static final Input NONE = new Input(0, 0);

    public Input {
        if (dx < -1 || dx > 1 || dy < -1 || dy > 1) {
            throw new IllegalArgumentException("dx and dy must be -1, 0 or 1: " + dx + "," + dy);
        }
    }

    /** The unit direction of this input (diagonals normalised), or zero when nothing is held. */
    public Vec2 direction() {
        if (dx != 0 && dy != 0) {
            double k = 1 / Math.sqrt(2);
            return new Vec2(dx * k, dy * k);
        }
        return new Vec2(dx, dy);
    }
}
