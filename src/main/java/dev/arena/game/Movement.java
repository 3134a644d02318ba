package dev.arena.game;

/**
 * The dot movement rule as a pure function of one player: one fixed step of {@code speed * dt} along the held
 * direction (diagonals as fast as straight lines), the centre kept {@code radius} inside the map. It is
 * {@link World#step} for one player, operation for operation (MovementTest checks the two agree to the bit); the
 * dots game on the SPI ({@code dev.arena.games.dots}) calls it. Phase B of issue 14 makes {@code World.step},
 * {@code server.SnapshotFrames} and {@code protocol.SnapshotDecoder} call it too and deletes their copies, so the rule
 * exists once in Java.
 */
public final class Movement {
    private Movement() {}

    /** Where a player at {@code position} holding {@code input} is after one step under {@code rules}. */
    public static Vec2 step(Vec2 position, Input input, Rules rules) {
        if (input.equals(Input.NONE)) {
            return position;
        }
        double distance = rules.speed() * rules.dt();
        double r = rules.radius();
        Vec2 next = position.plus(input.direction().times(distance));
        return new Vec2(clamp(next.x(), r, rules.width() - r), clamp(next.y(), r, rules.height() - r));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
