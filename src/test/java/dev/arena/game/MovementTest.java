package dev.arena.game;

import dev.arena.games.dots.World;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Movement} is the movement rule as the server always computed it, to the bit, under many rules and inputs:
 * the reference below is the expression {@code World.step} held before it called {@link Movement} (the committed
 * parity fixture, {@code MovementParityTest}, pins the same numbers from the other side). Its one-axis form
 * ({@link Movement#x}, {@link Movement#y}, used by the snapshot encoder and decoder) and {@link World#step} agree
 * with it.
 */
class MovementTest {
    @Test
    void movementIsTheRuleTheServerAlwaysComputedToTheBit() {
        SplittableRandom random = new SplittableRandom(14);
        for (int scenario = 0; scenario < 40; scenario++) {
            int w = 20 + random.nextInt(2000);
            int h = 20 + random.nextInt(2000);
            Rules rules = new Rules(w, h, 1 + random.nextInt(120), random.nextDouble() * 900,
                    random.nextDouble() * Math.min(w, h) / 2);
            World world = new World(rules, scenario);
            PlayerId id = world.join("p").id();
            Vec2 expected = world.player(id).orElseThrow().position();
            for (int t = 1; t <= 300; t++) {
                Input input = new Input(random.nextInt(3) - 1, random.nextInt(3) - 1);
                Vec2 before = expected;
                world.steer(id, t, input);
                world.step();
                expected = reference(before, input, rules);
                assertThat(world.player(id).orElseThrow().position()).as("scenario %d tick %d", scenario, t)
                        .isEqualTo(expected);
                assertThat(Movement.step(before, input, rules)).isEqualTo(expected);
                assertThat(Movement.x(before.x(), input, rules)).isEqualTo(expected.x());
                assertThat(Movement.y(before.y(), input, rules)).isEqualTo(expected.y());
            }
        }
    }

    @Test
    void aPlayerHoldingNothingStaysExactlyWhereItIsEvenOutsideTheBounds() {
        Rules rules = new Rules(100, 100, 20, 100, 10);
        Vec2 outside = new Vec2(-5.5, 250.25);
        assertThat(Movement.step(outside, Input.NONE, rules)).isSameAs(outside);
        assertThat(Movement.x(-5.5, Input.NONE, rules)).isEqualTo(-5.5);
        assertThat(Movement.y(250.25, Input.NONE, rules)).isEqualTo(250.25);
    }

    /** World.step's rule before it called Movement, operation for operation. */
    private static Vec2 reference(Vec2 position, Input input, Rules rules) {
        if (input.equals(Input.NONE)) {
            return position;
        }
        double distance = rules.speed() * rules.dt();
        double r = rules.radius();
        Vec2 next = position.plus(input.direction().times(distance));
        return new Vec2(Math.max(r, Math.min(rules.width() - r, next.x())),
                Math.max(r, Math.min(rules.height() - r, next.y())));
    }
}
