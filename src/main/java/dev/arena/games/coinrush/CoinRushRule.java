package dev.arena.games.coinrush;

/**
 * Coin rush's rules of motion and touch, as pure functions of doubles, so that the browser's twin
 * ({@code webapp/games/coinrush/step.js}) computes the same bits: only {@code + - * /}, comparisons and
 * {@code Math.sqrt}, which IEEE 754 rounds the same in Java and JavaScript (no {@code hypot}, {@code pow} or
 * {@code exp}, whose last bit may differ).
 *
 * <p>One step of a player holding (dx, dy): the velocity is damped, then accelerated along the held direction
 * (diagonals normalised), then capped at {@code maxSpeed}; the position moves by velocity * dt and is clamped to the
 * map, a wall stopping the velocity across it.
 */
public final class CoinRushRule {
    private CoinRushRule() {}

    /** The parameters of motion and touch (from the room's settings). */
    public record Motion(double width, double height, double radius, double coinRadius, double acceleration,
            double maxSpeed, double damping) {}

    /** A player's position and velocity. */
    public record Body(double x, double y, double vx, double vy) {}

    public static Body move(Body b, int dx, int dy, double dt, Motion m) {
        double ax = dx;
        double ay = dy;
        if (dx != 0 && dy != 0) {
            double k = 1 / Math.sqrt(2);
            ax = dx * k;
            ay = dy * k;
        }
        double vx = b.vx() * m.damping() + ax * m.acceleration() * dt;
        double vy = b.vy() * m.damping() + ay * m.acceleration() * dt;
        double speed2 = vx * vx + vy * vy;
        if (speed2 > m.maxSpeed() * m.maxSpeed()) {
            double k = m.maxSpeed() / Math.sqrt(speed2);
            vx = vx * k;
            vy = vy * k;
        }
        double x = b.x() + vx * dt;
        double y = b.y() + vy * dt;
        double r = m.radius();
        if (x < r || x > m.width() - r) {
            x = Math.max(r, Math.min(m.width() - r, x));
            vx = 0;
        }
        if (y < r || y > m.height() - r) {
            y = Math.max(r, Math.min(m.height() - r, y));
            vy = 0;
        }
        return new Body(x, y, vx, vy);
    }

    /** Whether a player at (px, py) touches a coin at (cx, cy): the two circles overlap or meet. */
    public static boolean touches(double px, double py, double cx, double cy, Motion m) {
        double ddx = px - cx;
        double ddy = py - cy;
        double reach = m.radius() + m.coinRadius();
        return ddx * ddx + ddy * ddy <= reach * reach;
    }
}
