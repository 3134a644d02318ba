package dev.arena.game;

import java.util.Collection;
import java.util.random.RandomGenerator;

/** A player's colour, chosen by hue so that players in one room look different from each other. */
public record Colour(int hue) {
    private static final int CANDIDATES = 16;

    public Colour {
        if (hue < 0 || hue >= 360) {
            throw new IllegalArgumentException("hue must be 0..359: " + hue);
        }
    }

    /**
     * Picks a random hue that is as far as possible from the hues already taken: of several random candidates, the
     * one whose nearest taken hue is farthest away.
     */
    public static Colour pick(RandomGenerator random, Collection<Colour> taken) {
        Colour best = null;
        int bestDistance = -1;
        for (int i = 0; i < CANDIDATES; i++) {
            Colour candidate = new Colour(random.nextInt(360));
            int nearest = 180;
            for (Colour t : taken) {
                nearest = Math.min(nearest, candidate.distance(t));
            }
            if (nearest > bestDistance) {
                best = candidate;
                bestDistance = nearest;
            }
        }
        return best;
    }

    /** The shortest way round the colour wheel between two hues, 0..180. */
    public int distance(Colour other) {
        int d = Math.abs(hue - other.hue);
        return Math.min(d, 360 - d);
    }

    /** Every hue's {@code #rrggbb}, made once: a welcome lists every player's colour (a join burst: a million). */
    private static final String[] HEX = new String[360];

    static {
        for (int h = 0; h < HEX.length; h++) {
            HEX[h] = new Colour(h).computeHex();
        }
    }

    /** This colour as CSS {@code #rrggbb}: HSL with fixed saturation 70% and lightness 55%. */
    public String hex() {
        return HEX[hue];
    }

    private String computeHex() {
        double s = 0.7;
        double l = 0.55;
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double h = hue / 60.0;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        switch ((int) h) {
            case 0 -> { r = c; g = x; }
            case 1 -> { r = x; g = c; }
            case 2 -> { g = c; b = x; }
            case 3 -> { g = x; b = c; }
            case 4 -> { r = x; b = c; }
            default -> { r = c; b = x; }
        }
        double m = l - c / 2;
        return String.format("#%02x%02x%02x", channel(r + m), channel(g + m), channel(b + m));
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
