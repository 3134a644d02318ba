package dev.arena.games.dots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.game.Command;
import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerName;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.Vec2;
import dev.arena.spi.GameImage;
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
        World a = new World(RULES, 7);
        World b = new World(RULES, 7);
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

    /**
     * A world captured mid-play and restored is the same world from then on: fed the same joins, inputs and leaves,
     * the two give equal snapshots every tick (ids, names, colours, positions, held inputs, acks) and equal images.
     */
    @Test
    void aRestoredWorldContinuesExactlyAsTheCapturedOne() {
        World original = new World(new Rules(800, 600, 20, 180.5, 9), 11);
        SplittableRandom script = new SplittableRandom(3);
        long seq = 0;
        for (int i = 0; i < 20; i++) {
            original.join("p" + i);
        }
        for (int t = 0; t < 30; t++) {
            for (PlayerState p : original.snapshot().players()) {
                original.steer(p.id(), ++seq, new Input(script.nextInt(3) - 1, script.nextInt(3) - 1));
            }
            original.step();
        }
        World.Image image = original.capture();
        World copy = World.restore(new World.Image(image.ids(), GameImage.fromBytes(image.match().toBytes())));
        assertThat(copy.rules()).isEqualTo(original.rules());
        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        for (int t = 0; t < 60; t++) {
            int action = script.nextInt(10);
            for (World w : new World[] {original, copy}) {
                if (action == 0) {
                    w.join("late" + t); // the same next id, spawn and colour in both
                } else if (action == 1) {
                    w.leave(w.snapshot().players().get(0).id());
                } else if (action == 2) {
                    w.release(w.snapshot().players().get(1).id());
                }
            }
            ++seq;
            int dx = script.nextInt(3) - 1;
            int dy = script.nextInt(3) - 1;
            for (World w : new World[] {original, copy}) {
                PlayerState first = w.snapshot().players().get(0);
                w.steer(first.id(), seq, new Input(dx, dy));
                w.step();
            }
            assertThat(copy.snapshot()).as("tick %d", original.tick()).isEqualTo(original.snapshot());
        }
        assertThat(copy.capture().match().toBytes()).isEqualTo(original.capture().match().toBytes());
        assertThat(copy.capture().ids()).isEqualTo(original.capture().ids());
    }

    /** A name of 20 emoji is 40 UTF-16 units: the state's name field holds it whole. */
    @Test
    void aSnapshotSharesOnlyWhatDidNotChangeAndAlwaysSaysTheStatesNow() {
        World w = Worlds.world();
        java.util.List<PlayerId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(w.join("p" + i).id());
        }
        PlayerState still = w.snapshot().players().get(0);
        SplittableRandom random = new SplittableRandom(7);
        long seq = 1;
        for (int round = 0; round < 40; round++) {
            for (int i = 1; i < ids.size(); i += 3) { // some move, player 0 never does
                w.steer(ids.get(i), seq++, new Input(random.nextInt(3) - 1, random.nextInt(3) - 1));
            }
            if (round == 10) { // more leave at once than the snapshot looks ahead (16), in the middle
                for (int i = 0; i < 20; i++) {
                    w.leave(ids.remove(5));
                }
            }
            if (round % 7 == 0) {
                ids.add(w.join("late" + round).id());
            }
            w.step();
            java.util.List<PlayerState> snap = w.snapshot().players();
            assertThat(snap).containsExactlyElementsOf(ids.stream().map(id -> w.player(id).orElseThrow()).toList());
            assertThat(snap.get(0)).isSameAs(still); // neither moved nor sent an input: the same state object
        }
    }

    @Test
    void aNameOfTwentyEmojiJoinsWhole() {
        String name = "\uD83D\uDE00".repeat(PlayerName.MAX_LENGTH + 5);
        PlayerState p = Worlds.world().join(name);
        assertThat(p.name()).isEqualTo("\uD83D\uDE00".repeat(PlayerName.MAX_LENGTH));
    }
}
