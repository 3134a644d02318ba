package dev.arena.games.dots;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.WorldSnapshot;
import dev.arena.protocol.Codec;
import dev.arena.server.snapshot.InterestGrid;
import dev.arena.server.snapshot.SnapshotFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dots room's game before and after it ran on the SPI, side by side in one JVM (the two take turns within every
 * tick, so a noisy machine slows both alike): {@link WorldBefore} (its own objects) against {@link World} (a
 * {@code Match} of {@code DotsGame}). Every player sends a new direction every tick (the worst case), then one step,
 * the snapshot, and the room's frame encoded once ({@link SnapshotFrames}, the same code for both). Prints the mean
 * time per tick of the game's part (inputs, step, snapshot) and of the whole (with the encoding) for each.
 *
 * <p>Run: {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) dev.arena.games.dots.WorldBench 1000 2000}
 */
public final class WorldBench {
    private WorldBench() {}

    private interface Side {
        List<PlayerId> ids();

        void steer(PlayerId id, long seq, Input input);

        WorldSnapshot stepAndSnapshot();
    }

    public static void main(String[] args) {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Rules rules = Rules.DEFAULT;
        WorldBefore before = new WorldBefore(rules, new SplittableRandom(1));
        World after = new World(rules, 1);
        List<PlayerId> beforeIds = new ArrayList<>();
        List<PlayerId> afterIds = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            beforeIds.add(before.join("p" + i).id());
            afterIds.add(after.join("p" + i).id());
        }
        Side[] sides = {new Side() {
            public List<PlayerId> ids() {
                return beforeIds;
            }

            public void steer(PlayerId id, long seq, Input input) {
                before.steer(id, seq, input);
            }

            public WorldSnapshot stepAndSnapshot() {
                before.step();
                return before.snapshot();
            }
        }, new Side() {
            public List<PlayerId> ids() {
                return afterIds;
            }

            public void steer(PlayerId id, long seq, Input input) {
                after.steer(id, seq, input);
            }

            public WorldSnapshot stepAndSnapshot() {
                after.step();
                return after.snapshot();
            }
        }};
        SnapshotFrames[] frames = {new SnapshotFrames(rules, new InterestGrid(rules, 0), new Codec()),
            new SnapshotFrames(rules, new InterestGrid(rules, 0), new Codec())};
        long[] game = new long[2];
        long[] whole = new long[2];
        long[] allocated = new long[2]; // bytes this thread allocated in the game's part
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int warmup = ticks / 4;
        SplittableRandom script = new SplittableRandom(9);
        int positions = 0;
        for (int t = 1; t <= warmup + ticks; t++) {
            Input[] inputs = new Input[players];
            for (int i = 0; i < players; i++) {
                inputs[i] = new Input(script.nextInt(3) - 1, script.nextInt(3) - 1);
            }
            for (int k = 0; k < 2; k++) {
                int s = (t + k) % 2; // the order alternates every tick
                long bytesAtStart = threads.getThreadAllocatedBytes(self);
                long start = System.nanoTime();
                List<PlayerId> ids = sides[s].ids();
                for (int i = 0; i < players; i++) {
                    sides[s].steer(ids.get(i), t, inputs[i]);
                }
                WorldSnapshot snapshot = sides[s].stepAndSnapshot();
                long played = System.nanoTime();
                long bytesPlayed = threads.getThreadAllocatedBytes(self);
                positions += frames[s].next(snapshot, t * 50L).hashCode() & 1;
                long end = System.nanoTime();
                if (t > warmup) {
                    game[s] += played - start;
                    whole[s] += end - start;
                    allocated[s] += bytesPlayed - bytesAtStart;
                }
            }
        }
        System.out.printf("players %d, %d ticks after %d of warm-up, every player a new direction every tick%n",
                players, ticks, warmup);
        System.out.printf("game's part (inputs, step, snapshot): before %.3f ms/tick, after %.3f ms/tick, after/before"
                + " %.2f%n", game[0] / 1e6 / ticks, game[1] / 1e6 / ticks, (double) game[1] / game[0]);
        System.out.printf("with the room's encoding:            before %.3f ms/tick, after %.3f ms/tick, after/before"
                + " %.2f%n", whole[0] / 1e6 / ticks, whole[1] / 1e6 / ticks, (double) whole[1] / whole[0]);
        System.out.printf("allocated in the game's part:        before %.1f KiB/tick, after %.1f KiB/tick%n",
                allocated[0] / 1024.0 / ticks, allocated[1] / 1024.0 / ticks);
        System.out.println("(" + positions + ")");
    }
}
