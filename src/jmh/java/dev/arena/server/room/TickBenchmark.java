package dev.arena.server.room;

import dev.arena.game.Input;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.Codec;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.MessageRate;
import dev.arena.server.connection.Outbox;
import dev.arena.server.connection.Peer;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One room's tick at 100, 1,000 and 5,000 players, every player a connected client: the inputs of a tenth of the
 * players change (as bots turning every half second do at 20 Hz), the world steps, the snapshot is encoded once and
 * every client's frame is made and handed to its outbox (whose peer takes it at once: no socket). {@code compact}:
 * binary delta frames; {@code json}: the JSON snapshot. {@code interest}: the players spread over an 8000 x 8000
 * map with a view distance of 250 (each client gets its 3 x 3 cells) instead of all on 500 x 500. Run with
 * {@code mvn -Pjmh test-compile exec:exec} (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {
    @Param({"100", "1000", "5000"})
    int players;

    @Param({"compact", "json"})
    String format;

    @Param({"false", "true"})
    boolean interest;

    private Room room;
    private final List<Connection> connections = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(1);
    private long seq;
    private long now;
    private World world;

    /** A client that takes every frame at once. */
    static final class Sink implements Peer {
        @Override
        public void send(String text, Consumer<Throwable> done) {
            done.accept(null);
        }

        @Override
        public void send(ByteBuffer bytes, Consumer<Throwable> done) {
            done.accept(null);
        }

        @Override
        public void close(int code, String reason) {}
    }

    @Setup(Level.Trial)
    public void setUp() {
        Rules rules = interest ? new Rules(8000, 8000, 20, 200, 10) : Rules.DEFAULT;
        world = new World(rules, 2);
        Codec codec = new Codec();
        room = new Room("bench", world, RoomSettings.of(rules, players + 1, 15_000, interest ? 250 : 0), codec,
                new RoomHost((c, code, reason) -> {}, () -> "t" + (seq++) + "xxxxxxxxxxxxxxxxxxxx",
                        new ArenaMetrics(new Metrics(new SimpleMeterRegistry()), 20), AddressQuota.NONE, null));
        for (int i = 0; i < players; i++) {
            Connection c = new Connection(new Outbox(new Sink(), () -> now), new MessageRate(1000, 1000, 0), null, 0,
                    format.equals("compact"));
            c.startJoining(room);
            room.enqueue(new Room.Join(c, "p" + i, null));
            connections.add(c);
        }
        room.tick(now);
        for (int i = 0; i < 5; i++) {
            turnATenth();
            room.tick(now += 50);
        }
    }

    private void turnATenth() {
        for (Connection c : connections) {
            if (random.nextInt(10) == 0) {
                room.enqueue(new Room.Steer(c, ++seq, new Input(random.nextInt(3) - 1, random.nextInt(3) - 1)));
            }
        }
    }

    /** A whole tick: inputs, step, encode once, every client's frame into its outbox. */
    @Benchmark
    public int tick() {
        turnATenth();
        return room.tick(now += 50);
    }

    /** For comparison: the JSON text of the whole room, as every tick made it before compact snapshots. */
    @Benchmark
    public String encodeWholeRoomJson() {
        return JSON_CODEC.encode(Assembler.snapshot(world.snapshot(), now));
    }

    private static final Codec JSON_CODEC = new Codec();
}
