package dev.arena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Movement#step} is {@link World#step} for one player, to the bit, under many rules and inputs. */
class MovementTest {
    @Test
    void movementIsWhatWorldDoesForOnePlayerToTheBit() {
        SplittableRandom random = new SplittableRandom(14);
        for (int scenario = 0; scenario < 40; scenario++) {
            int w = 20 + random.nextInt(2000);
            int h = 20 + random.nextInt(2000);
            Rules rules = new Rules(w, h, 1 + random.nextInt(120), random.nextDouble() * 900,
                    random.nextDouble() * Math.min(w, h) / 2);
            World world = new World(rules, new SplittableRandom(scenario));
            PlayerId id = world.join("p").id();
            Vec2 expected = world.player(id).orElseThrow().position();
            for (int t = 1; t <= 300; t++) {
                Input input = new Input(random.nextInt(3) - 1, random.nextInt(3) - 1);
                world.steer(id, t, input);
                world.step();
                expected = Movement.step(expected, input, rules);
                assertThat(world.player(id).orElseThrow().position()).as("scenario %d tick %d", scenario, t)
                        .isEqualTo(expected);
            }
        }
    }
}
