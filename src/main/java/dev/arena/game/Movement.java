package dev.arena.game;

/**
 * The dot movement rule, the one copy of it in Java: one fixed step of {@code speed * dt} along the held direction
 * (diagonals as fast as straight lines), the centre kept {@code radius} inside the map; a player holding nothing
 * stays exactly where it is. {@code games.dots.World} (its {@code DotsSimulation}) moves its players with it, the server's snapshot encoder
 * ({@code server.snapshot.SnapshotFrames}) leaves out of a delta every player it predicts, the client's
 * {@code protocol.SnapshotDecoder} moves the players a delta leaves out with it, and the dots game on the SPI
 * ({@code dev.arena.games.dots}) calls it. The browser has the same rule in {@code webapp/js/prediction.js}; the
 * movement parity fixture ({@code MovementParityTest}, {@code parity.test.mjs}) keeps the two equal to the bit.
 *
 * <p>{@link #x} and {@link #y} are the same rule one axis at a time, with no object made, for the per-player loops
 * of the encoder and the decoder; {@link #step} is built from them, so the two forms cannot drift apart.
 */
public final class Movement {
    private static final double DIAGONAL = 1 / Math.sqrt(2);

    private Movement() {}

    /** Where a player at {@code position} holding {@code input} is after one step under {@code rules}. */
    public static Vec2 step(Vec2 position, Input input, Rules rules) {
        if (input.equals(Input.NONE)) {
            return position;
        }
        return new Vec2(x(position.x(), input, rules), y(position.y(), input, rules));
    }

    /** The x of a player at {@code x} holding {@code input} after one step (its y does not change it). */
    public static double x(double x, Input input, Rules rules) {
        if (input.equals(Input.NONE)) {
            return x;
        }
        double r = rules.radius();
        return clamp(x + component(input.dx(), input) * (rules.speed() * rules.dt()), r, rules.width() - r);
    }

    /** The y of a player at {@code y} holding {@code input} after one step (its x does not change it). */
    public static double y(double y, Input input, Rules rules) {
        if (input.equals(Input.NONE)) {
            return y;
        }
        double r = rules.radius();
        return clamp(y + component(input.dy(), input) * (rules.speed() * rules.dt()), r, rules.height() - r);
    }

    /** One axis of {@link Input#direction()}: {@code d}, or {@code d / sqrt 2} on a diagonal. */
    private static double component(int d, Input input) {
        return input.dx() != 0 && input.dy() != 0 ? d * DIAGONAL : d;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
