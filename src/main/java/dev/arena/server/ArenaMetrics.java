package dev.arena.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's own metrics, in total and per room, in a Micrometer {@link PrometheusMeterRegistry} of this
 * {@link GameWorld}'s own (no global registry: two worlds in one JVM, as in tests, count apart). {@link #scrape()}
 * is the Prometheus text served at {@code /metrics}. Names (Prometheus form):
 * <ul>
 *   <li>{@code arena_tick_seconds} (histogram): one whole tick of the server, every room and the connection checks;
 *       {@code arena_tick_overruns_total}: ticks longer than the tick period; {@code arena_tick_missed_total}:
 *       ticks skipped because the server was behind (it never runs missed ticks back to back: see
 *       {@code dev.arena.runtime.TickLoop});
 *   <li>{@code arena_rooms}, {@code arena_players}, {@code arena_connections} (gauges);
 *   <li>{@code arena_messages_received_total}, {@code arena_messages_sent_total}, {@code arena_sent_bytes_total}
 *       (every frame, control and snapshot), {@code arena_snapshot_bytes_total} (snapshot frames only),
 *       {@code arena_snapshots_dropped_total} (older snapshots replaced for slow clients);
 *   <li>{@code arena_errors_total{code}} ({@code error} messages by code), {@code arena_closes_total{code}}
 *       (connections the server closed, by close code);
 *   <li>per room, tag {@code room}: {@code arena_room_players}, {@code arena_room_tick_seconds} (histogram),
 *       {@code arena_room_tick_overruns_total}, {@code arena_room_messages_received_total},
 *       {@code arena_room_messages_sent_total}, {@code arena_room_snapshot_bytes_total},
 *       {@code arena_room_snapshots_dropped_total}; removed with the room;
 *   <li>the JVM's memory and the process's CPU ({@code jvm_memory_*}, {@code process_cpu_usage}).
 * </ul>
 * Histogram buckets are a fixed, short list (0.5 ms to 100 ms) so a thousand rooms stay readable.
 */
public final class ArenaMetrics {
    private static final Duration[] TICK_BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
        Duration.ofMillis(100)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final long tickPeriodNanos;
    private final Timer tick;
    private final Counter overruns;
    private final Counter missed;
    private final Counter received;
    private final Counter sent;
    private final Counter sentBytes;
    private final Counter snapshotBytes;
    private final Counter dropped;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> closes = new ConcurrentHashMap<>();

    ArenaMetrics(int tickRate) {
        this.tickPeriodNanos = TimeUnit.SECONDS.toNanos(1) / tickRate;
        tick = Timer.builder("arena.tick").description("one tick of the server: every room, then the connection checks")
                .serviceLevelObjectives(TICK_BUCKETS).register(registry);
        overruns = Counter.builder("arena.tick.overruns").description("ticks that took longer than the tick period")
                .register(registry);
        missed = Counter.builder("arena.tick.missed")
                .description("ticks skipped because the previous ones ran late (never run back to back)")
                .register(registry);
        received = Counter.builder("arena.messages.received").description("valid messages from clients")
                .register(registry);
        sent = Counter.builder("arena.messages.sent").description("frames sent to clients").register(registry);
        sentBytes = Counter.builder("arena.sent.bytes").description("bytes (text: characters) of every frame sent")
                .register(registry);
        snapshotBytes = Counter.builder("arena.snapshot.bytes").description("bytes of snapshot frames sent")
                .register(registry);
        dropped = Counter.builder("arena.snapshots.dropped")
                .description("snapshots replaced by a newer one before a slow client took them").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** The gauges of a world: its rooms, players and connections. */
    void bind(GameWorld world) {
        gauge("arena.rooms", "rooms", world, GameWorld::roomCount);
        gauge("arena.players", "players in all rooms, away players included", world, GameWorld::playerCount);
        gauge("arena.connections", "open WebSocket connections", world, GameWorld::connectionCount);
        gauge("arena.addresses", "remote addresses with an open connection (0 where the container does not tell)",
                world, GameWorld::addressCount);
    }

    private <T> void gauge(String name, String description, T target, ToDoubleFunction<T> value) {
        Gauge.builder(name, target, value).description(description).strongReference(true).register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** For tests and embedding: the registry itself. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    void ticked(long nanos) {
        ticked(tick, overruns, nanos);
    }

    /** A tick of {@code nanos} into {@code timer}, counted in {@code overruns} when longer than the tick period. */
    private void ticked(Timer timer, Counter overrunCounter, long nanos) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > tickPeriodNanos) {
            overrunCounter.increment();
        }
    }

    /** {@code n} ticks were skipped because the server was behind (see {@code TickLoop}). */
    public void missed(long n) {
        if (n > 0) {
            missed.increment(n);
        }
    }

    /** Ticks skipped so far. */
    public long missedTicks() {
        return (long) missed.count();
    }

    void received() {
        received.increment();
    }

    /** A frame of {@code size} bytes (characters for text) went to a client. */
    void sent(int size, boolean snapshot) {
        sent.increment();
        sentBytes.increment(size);
        if (snapshot) {
            snapshotBytes.increment(size);
        }
    }

    void dropped(int n) {
        if (n > 0) {
            dropped.increment(n);
        }
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> Counter.builder("arena.errors").tag("code", c)
                .description("error messages sent, by code").register(registry)).increment();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, c -> Counter.builder("arena.closes").tag("code", Integer.toString(c))
                .description("connections closed by the server, by close code").register(registry)).increment();
    }

    RoomMetrics forRoom(Room room) {
        return new RoomMetrics(room);
    }

    /** One room's meters, tagged {@code room}; {@link #remove()} when the room goes. */
    final class RoomMetrics {
        private final Timer tick;
        private final Counter overruns;
        private final Counter received;
        private final Counter sent;
        private final Counter snapshotBytes;
        private final Counter dropped;
        private final Gauge players;

        /** {@code room} null: meters of no room (tests), tagged "-" and reading 0 players. */
        RoomMetrics(Room room) {
            String name = room == null ? "-" : room.name();
            tick = Timer.builder("arena.room.tick").tag("room", name).description("one tick of one room")
                    .serviceLevelObjectives(TICK_BUCKETS).register(registry);
            overruns = Counter.builder("arena.room.tick.overruns").tag("room", name).register(registry);
            received = Counter.builder("arena.room.messages.received").tag("room", name).register(registry);
            sent = Counter.builder("arena.room.messages.sent").tag("room", name).register(registry);
            snapshotBytes = Counter.builder("arena.room.snapshot.bytes").tag("room", name).register(registry);
            dropped = Counter.builder("arena.room.snapshots.dropped").tag("room", name).register(registry);
            players = Gauge.builder("arena.room.players", room, r -> r == null ? 0 : r.playerCount())
                    .tag("room", name).strongReference(true).register(registry);
        }

        void ticked(long nanos) {
            ArenaMetrics.this.ticked(tick, overruns, nanos);
        }

        void received() {
            received.increment();
        }

        /** {@code messages} frames to this room's clients; {@code snapshotBytes} of them in snapshots. */
        void sent(int messages, long snapshotBytes) {
            sent.increment(messages);
            if (snapshotBytes > 0) {
                this.snapshotBytes.increment(snapshotBytes);
            }
        }

        void dropped(int n) {
            if (n > 0) {
                dropped.increment(n);
            }
        }

        void remove() {
            for (Meter m : List.of(tick, overruns, received, sent, snapshotBytes, dropped, players)) {
                registry.remove(m);
            }
        }
    }
}
