package dev.arena.game;

/** A position or a direction on the map, in map units (pixels of the original demo). */
public record Vec2(double x, double y) {
    public static final Vec2 ZERO = new Vec2(0, 0);

    public Vec2 plus(Vec2 o) {
        return new Vec2(x + o.x, y + o.y);
    }

    public Vec2 times(double k) {
        return new Vec2(x * k, y * k);
    }

    public double length() {
        return Math.hypot(x, y);
    }
}
