package dev.arena.support;

import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import java.util.SplittableRandom;

/** Fixtures: worlds with fixed seeds, so tests are reproducible. */
public final class Worlds {
    private Worlds() {}

    public static World world() {
        return new World(Rules.DEFAULT, 42);
    }

    public static World world(Rules rules) {
        return new World(rules, 42);
    }
}
