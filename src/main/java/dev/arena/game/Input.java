package dev.arena.game;

/**
 * The directions a player holds down: {@code dx} and {@code dy} are each -1, 0 or 1 (x grows to the right, y grows
 * downwards, like the canvas). Holding left and right together is {@code dx = 0}.
 */
public record Input(int dx, int dy) {
    public static final Input NONE = new Input(0, 0);
    private static final Input[] ALL = new Input[9];

    static {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                ALL[(dx + 1) * 3 + (dy + 1)] = dx == 0 && dy == 0 ? NONE : new Input(dx, dy);
            }
        }
    }

    public Input {
        if (dx < -1 || dx > 1 || dy < -1 || dy > 1) {
            throw new IllegalArgumentException("dx and dy must be -1, 0 or 1: " + dx + "," + dy);
        }
    }

    /**
     * The input holding {@code dx}, {@code dy}: one shared instance per direction, nine in all, so that a step or a
     * snapshot of every player allocates none. Throws as the constructor does.
     */
    public static Input of(int dx, int dy) {
        if (dx < -1 || dx > 1 || dy < -1 || dy > 1) {
            return new Input(dx, dy); // throws, with the constructor's message
        }
        return ALL[(dx + 1) * 3 + (dy + 1)];
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
