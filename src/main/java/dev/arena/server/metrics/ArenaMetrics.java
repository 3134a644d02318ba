package dev.arena.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The server's own meters, in total, on a {@link Metrics} registry; a room's are {@link RoomMetrics}. Names
 * (Prometheus form):
 * <ul>
 *   <li>{@code arena_tick_seconds} (histogram): one whole tick of the server, every room and the connection checks;
 *       {@code arena_tick_overruns_total}: ticks longer than the tick period; {@code arena_tick_missed_total}:
 *       ticks skipped because the server was behind (it never runs missed ticks back to back: see
 *       {@code dev.arena.runtime.TickLoop});
 *   <li>{@code arena_rooms}, {@code arena_players}, {@code arena_connections}, {@code arena_addresses} (gauges,
 *       read from the suppliers given to {@link #gauges});
 *   <li>{@code arena_messages_received_total}, {@code arena_messages_sent_total}, {@code arena_sent_bytes_total}
 *       (every frame, control and snapshot), {@code arena_snapshot_bytes_total} (snapshot frames only),
 *       {@code arena_snapshots_dropped_total} (older snapshots replaced for slow clients);
 *   <li>{@code arena_errors_total{code}} ({@code error} messages by code), {@code arena_closes_total{code}}
 *       (connections the server closed, by close code);
 *   <li>the JVM's memory and the process's CPU ({@code jvm_memory_*}, {@code process_cpu_usage}).
 * </ul>
 */
public final class ArenaMetrics {
    private final Metrics metrics;
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

    public ArenaMetrics(Metrics metrics, int tickRate) {
        this.metrics = metrics;
        this.tickPeriodNanos = TimeUnit.SECONDS.toNanos(1) / tickRate;
        tick = metrics.histogram("arena.tick", "one tick of the server: every room, then the connection checks");
        overruns = metrics.counter("arena.tick.overruns", "ticks that took longer than the tick period");
        missed = metrics.counter("arena.tick.missed",
                "ticks skipped because the previous ones ran late (never run back to back)");
        received = metrics.counter("arena.messages.received", "valid messages from clients");
        sent = metrics.counter("arena.messages.sent", "frames sent to clients");
        sentBytes = metrics.counter("arena.sent.bytes", "bytes (text: characters) of every frame sent");
        snapshotBytes = metrics.counter("arena.snapshot.bytes", "bytes of snapshot frames sent");
        dropped = metrics.counter("arena.snapshots.dropped",
                "snapshots replaced by a newer one before a slow client took them");
    }

    /** The registry these meters are in (and the rooms' meters, made by {@link #forRoom}). */
    public Metrics registry() {
        return metrics;
    }

    /** The server's gauges, read from these suppliers whenever they are shown. */
    public void gauges(DoubleSupplier rooms, DoubleSupplier players, DoubleSupplier connections,
            DoubleSupplier addresses) {
        metrics.gauge("arena.rooms", "rooms", rooms);
        metrics.gauge("arena.players", "players in all rooms, away players included", players);
        metrics.gauge("arena.connections", "open WebSocket connections", connections);
        metrics.gauge("arena.addresses",
                "remote addresses with an open connection (0 where the container does not tell)", addresses);
    }

    /** The meters of room {@code name}, its players read from {@code players}; remove them when the room goes. */
    public RoomMetrics forRoom(String name, DoubleSupplier players) {
        return new RoomMetrics(metrics, name, players, tickPeriodNanos);
    }

    public void ticked(long nanos) {
        ticked(tick, overruns, nanos, tickPeriodNanos);
    }

    /** A tick of {@code nanos} into {@code timer}, counted in {@code overruns} when longer than the tick period. */
    static void ticked(Timer timer, Counter overrunCounter, long nanos, long periodNanos) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > periodNanos) {
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

    public void received() {
        received.increment();
    }

    /** A frame of {@code size} bytes (characters for text) went to a client. */
    public void sent(int size, boolean snapshot) {
        sent.increment();
        sentBytes.increment(size);
        if (snapshot) {
            snapshotBytes.increment(size);
        }
    }

    public void dropped(int n) {
        if (n > 0) {
            dropped.increment(n);
        }
    }

    /** An {@code error} message with this code went to a client. */
    public void error(String code) {
        errors.computeIfAbsent(code, c -> metrics.counter("arena.errors", "error messages sent, by code", "code", c))
                .increment();
    }

    /** The server closed a connection with {@code code}. */
    public void closed(int code) {
        closes.computeIfAbsent(code, c -> metrics.counter("arena.closes",
                "connections closed by the server, by close code", "code", Integer.toString(c))).increment();
    }
}
