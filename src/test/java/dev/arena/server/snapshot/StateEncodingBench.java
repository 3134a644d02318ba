package dev.arena.server.snapshot;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.games.dots.DotsGame;
import dev.arena.protocol.Codec;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.snapshot.ClientStream;
import dev.arena.snapshot.Frame;
import dev.arena.snapshot.PerClientStream;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Viewer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Side by side, in one JVM: the dots room's snapshot encoding today ({@link SnapshotFrames} + {@link SnapshotStream},
 * the compact format) against the generic SPI encoding ({@link Frame} + {@link ClientStream}, binary, its sections
 * shared per group of viewers) and against the generic encoding as it was before ({@link PerClientStream}: every
 * client diffs every entity), for the same players holding the same inputs (each changes direction with probability
 * 1/20 a tick): encode time per tick for all clients and bytes per client per tick; the three encoders take turns
 * within each tick. Input to phase B of issue 14, which must keep dots within 10 %. Run:
 * {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) dev.arena.server.snapshot.StateEncodingBench [players]
 * [mapSize] [viewDistance]}.
 */
public final class StateEncodingBench {
    private StateEncodingBench() {}

    public static void main(String[] args) {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int view = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int warmup = 100;
        int ticks = 200;
        Rules rules = new Rules(size, size, 20, 200, 10);
        World world = new World(rules, 1);
        InterestGrid grid = new InterestGrid(rules, view);
        SnapshotFrames frames = new SnapshotFrames(rules, grid, new Codec());
        RoomMetrics metrics = RoomMetrics.detached(new Metrics(new SimpleMeterRegistry()), 20);
        DotsGame dots = new DotsGame();
        Match match = Match.start(dots, Settings.read(dots, Map.of("arena.game.dots.mapWidth", "" + size,
                "arena.game.dots.mapHeight", "" + size)), 20, 1);
        List<PlayerId> ids = new ArrayList<>();
        List<SnapshotStream> oldStreams = new ArrayList<>();
        List<ClientStream> newStreams = new ArrayList<>();
        List<PerClientStream> perClient = new ArrayList<>();
        for (int p = 1; p <= players; p++) {
            ids.add(world.join("p" + p).id());
            oldStreams.add(new SnapshotStream(true));
            match.join(p, "p" + p);
            newStreams.add(new ClientStream(dots.schema(), Viewer.player(p)));
            perClient.add(new PerClientStream(dots.schema(), Viewer.player(p)));
        }
        SplittableRandom script = new SplittableRandom(3);
        long oldNanos = 0;
        long newNanos = 0;
        long beforeNanos = 0;
        long oldBytes = 0;
        long newBytes = 0;
        long beforeBytes = 0;
        for (int t = 1; t <= warmup + ticks; t++) {
            for (int p = 0; p < players; p++) {
                if (script.nextInt(20) == 0) {
                    int dx = script.nextInt(3) - 1;
                    int dy = script.nextInt(3) - 1;
                    world.steer(ids.get(p), t, new Input(dx, dy));
                    match.input(p + 1, PlayerInput.of(DotsGame.MOVE, t, dx, dy));
                }
            }
            world.step();
            match.step();
            long t0 = System.nanoTime();
            RoomFrame frame = frames.next(world.snapshot(), t * 50L);
            long bytesOld = 0;
            for (int p = 0; p < players; p++) {
                int[] cells = grid.view(Math.max(0, frames.cellOf(ids.get(p))));
                Object out = oldStreams.get(p).offer(frame, cells, t, metrics).render();
                bytesOld += ((ByteBuffer) out).remaining();
            }
            long t1 = System.nanoTime();
            Frame f = Frame.of(match, view);
            long bytesNew = 0;
            for (ClientStream c : newStreams) {
                bytesNew += c.next(f).binary().length;
            }
            long t2 = System.nanoTime();
            Frame g = Frame.of(match, view);
            long bytesBefore = 0;
            for (PerClientStream c : perClient) {
                bytesBefore += c.next(g).binary().length;
            }
            long t3 = System.nanoTime();
            if (t > warmup) {
                oldNanos += t1 - t0;
                newNanos += t2 - t1;
                beforeNanos += t3 - t2;
                oldBytes += bytesOld;
                newBytes += bytesNew;
                beforeBytes += bytesBefore;
            }
        }
        System.out.println("| room | dots: encode/tick | dots: B/client/tick | SPI before: encode/tick | SPI before: B/client"
                + "/tick | SPI now: encode/tick | SPI now: B/client/tick | now vs dots: time | now vs dots: bytes |"
                + " now vs before: time |");
        System.out.printf("| %d players, map %d, view %d | %.2f ms | %.1f B | %.2f ms | %.1f B | %.2f ms | %.1f B | %.1f x"
                + " | %.1f x | %.3f x |%n", players, size, view, oldNanos / 1e6 / ticks, (double) oldBytes / ticks / players,
                beforeNanos / 1e6 / ticks, (double) beforeBytes / ticks / players, newNanos / 1e6 / ticks,
                (double) newBytes / ticks / players, (double) newNanos / oldNanos, (double) newBytes / oldBytes,
                (double) newNanos / beforeNanos);
    }
}
