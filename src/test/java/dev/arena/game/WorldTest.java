package dev.arena.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.support.Worlds;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorldTest {
    private static final Rules RULES = Rules.DEFAULT; // 500x500, 20 Hz, 200 px/s, radius 10

    private static Vec2 pos(World w, PlayerId id) {
        return w.player(id).orElseThrow().position();
    }

    /** Puts a player at a known place by walking it into the top-left corner. */
    private static PlayerId playerInCorner(World w) {
        PlayerId id = w.join("p").id();
        w.steer(id, 1, new Input(-1, -1));
        for (int i = 0; i < 100; i++) {
            w.step();
        }
        w.steer(id, 2, Input.NONE);
        assertThat(pos(w, id)).isEqualTo(new Vec2(10, 10));
        return id;
    }

    @Test
    void joiningPlayerGetsIdNameColourAndSpawnInsideTheMap() {
        World w = Worlds.world();
        for (int i = 1; i <= 50; i++) {
            PlayerState p = w.join(null);
            assertThat(p.name()).isEqualTo("Player " + i);
            assertThat(p.position().x()).isBetween(10.0, 490.0);
            assertThat(p.position().y()).isBetween(10.0, 490.0);
            assertThat(p.lastSeq()).isZero();
        }
        Set<PlayerId> ids = new HashSet<>();
        w.snapshot().players().forEach(p -> ids.add(p.id()));
        assertThat(ids).hasSize(50);
    }

    @Test
    void playerMovesSpeedTimesDtPerTickWhileHoldingAndStopsOnRelease() {
        World w = Worlds.world();
        PlayerId id = playerInCorner(w);
        w.steer(id, 3, new Input(1, 0));
        w.step();
        assertThat(pos(w, id).x()).isCloseTo(20, within(1e-9)); // 200 px/s * 0.05 s
        for (int i = 0; i < 19; i++) {
            w.step();
        }
        assertThat(pos(w, id).x()).isCloseTo(210, within(1e-9)); // one second: 200 px
        w.steer(id, 4, Input.NONE);
        w.step();
        assertThat(pos(w, id)).isEqualTo(new Vec2(210, 10));
    }

    @Test
    void diagonalIsNormalisedToTheSameSpeed() {
        World w = Worlds.world();
        PlayerId id = playerInCorner(w);
        w.steer(id, 3, new Input(1, 1));
        w.step();
        Vec2 moved = pos(w, id).plus(new Vec2(-10, -10));
        assertThat(moved.length()).isCloseTo(10, within(1e-9));
        assertThat(moved.x()).isCloseTo(moved.y(), within(1e-12));
    }

    @Test
    void playerNeverLeavesTheMap() {
        World w = Worlds.world();
        PlayerId id = w.join("p").id();
        int seq = 0;
        for (Input input : new Input[] {new Input(1, 0), new Input(0, 1), new Input(-1, -1), new Input(1, -1)}) {
            w.steer(id, ++seq, input);
            for (int i = 0; i < 200; i++) {
                w.step();
                Vec2 p = pos(w, id);
                assertThat(p.x()).isBetween(10.0, 490.0);
                assertThat(p.y()).isBetween(10.0, 490.0);
            }
        }
        assertThat(pos(w, id)).isEqualTo(new Vec2(490, 10));
    }

    @Test
    void sendingInputsFasterNeverMovesFaster() {
        World slow = Worlds.world();
        World fast = Worlds.world();
        PlayerId a = playerInCorner(slow);
        PlayerId b = playerInCorner(fast);
        slow.steer(a, 10, new Input(1, 0));
        long seq = 10;
        fast.steer(b, seq, new Input(1, 0));
        for (int tick = 0; tick < 20; tick++) {
            for (int i = 0; i < 50; i++) { // 50 inputs per tick: 1000 inputs a second
                fast.steer(b, ++seq, new Input(1, 0));
            }
            slow.step();
            fast.step();
        }
        assertThat(pos(fast, b)).isEqualTo(pos(slow, a));
        assertThat(fast.player(b).orElseThrow().lastSeq()).isEqualTo(seq);
    }

    @Test
    void olderInputThanTheNewestAppliedIsIgnored() {
        World w = Worlds.world();
        PlayerId id = w.join("p").id();
        assertThat(w.steer(id, 5, new Input(1, 0))).isTrue();
        assertThat(w.steer(id, 4, new Input(-1, 0))).isFalse();
        assertThat(w.steer(id, 5, new Input(0, 1))).isFalse();
        PlayerState p = w.player(id).orElseThrow();
        assertThat(p.input()).isEqualTo(new Input(1, 0));
        assertThat(p.lastSeq()).isEqualTo(5);
    }

    @Test
    void leaveRemovesThePlayerAndCommandsForUnknownPlayersDoNothing() {
        World w = Worlds.world();
        PlayerId id = w.join("p").id();
        w.apply(new Command.Leave(id));
        assertThat(w.isEmpty()).isTrue();
        w.apply(new Command.Steer(id, 1, new Input(1, 0)));
        w.step();
        assertThat(w.snapshot().players()).isEmpty();
        assertThat(w.leave(id)).isFalse();
    }

    @Test
    void sameSeedGivesTheSameWorld() {
        World a = new World(RULES, new SplittableRandom(7));
        World b = new World(RULES, new SplittableRandom(7));
        for (int i = 0; i < 5; i++) {
            a.join("x");
            b.join("x");
        }
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
    }

    @Test
    void stepCountsTicks() {
        World w = Worlds.world();
        assertThat(w.step()).isEqualTo(1);
        assertThat(w.step()).isEqualTo(2);
        assertThat(w.snapshot().tick()).isEqualTo(2);
    }

    @Test
    void rulesFollowTheConfiguredMapSpeedAndTickRate() {
        World w = Worlds.world(new Rules(1000, 300, 50, 100, 5));
        PlayerId id = w.join("p").id();
        w.steer(id, 1, new Input(0, 1));
        for (int i = 0; i < 500; i++) {
            w.step();
        }
        assertThat(pos(w, id).y()).isEqualTo(295);
        Vec2 before = pos(w, id);
        w.steer(id, 2, new Input(-1, 0));
        w.step();
        assertThat(before.x() - pos(w, id).x()).isCloseTo(Math.min(2, before.x() - 5), within(1e-9)); // 100 * 0.02
    }
}
