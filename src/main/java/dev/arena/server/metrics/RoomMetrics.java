package dev.arena.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * One room's meters, tagged {@code room}: {@code arena_room_players} (gauge), {@code arena_room_tick_seconds}
 * (histogram), {@code arena_room_tick_overruns_total}, {@code arena_room_messages_received_total},
 * {@code arena_room_messages_sent_total}, {@code arena_room_snapshot_bytes_total},
 * {@code arena_room_snapshots_dropped_total}, {@code arena_room_sends_skipped_total} (ticks whose snapshots the room
 * did not hand out because the sender threads were still busy with its previous tick). {@link #remove()} when the
 * room goes.
 */
public final class RoomMetrics {
    private final Metrics metrics;
    private final long tickPeriodNanos;
    private final Timer tick;
    private final Counter overruns;
    private final Counter received;
    private final Counter sent;
    private final Counter snapshotBytes;
    private final Counter dropped;
    private final Counter sendsSkipped;
    private final Meter players;

    RoomMetrics(Metrics metrics, String room, DoubleSupplier players, long tickPeriodNanos) {
        this.metrics = metrics;
        this.tickPeriodNanos = tickPeriodNanos;
        tick = metrics.histogram("arena.room.tick", "one tick of one room", "room", room);
        overruns = metrics.counter("arena.room.tick.overruns", null, "room", room);
        received = metrics.counter("arena.room.messages.received", null, "room", room);
        sent = metrics.counter("arena.room.messages.sent", null, "room", room);
        snapshotBytes = metrics.counter("arena.room.snapshot.bytes", null, "room", room);
        dropped = metrics.counter("arena.room.snapshots.dropped", null, "room", room);
        sendsSkipped = metrics.counter("arena.room.sends.skipped", null, "room", room);
        this.players = metrics.gauge("arena.room.players", null, players, "room", room);
    }

    /** Meters of no room, for tests and benchmarks of the snapshot encoding: tagged "-", reading 0 players. */
    public static RoomMetrics detached(Metrics metrics, int tickRate) {
        return new RoomMetrics(metrics, "-", () -> 0, TimeUnit.SECONDS.toNanos(1) / tickRate);
    }

    public void ticked(long nanos) {
        ArenaMetrics.ticked(tick, overruns, nanos, tickPeriodNanos);
    }

    public void received() {
        received.increment();
    }

    /** {@code messages} frames to this room's clients; {@code snapshotBytes} of them in snapshots. */
    public void sent(int messages, long snapshotBytes) {
        sent.increment(messages);
        if (snapshotBytes > 0) {
            this.snapshotBytes.increment(snapshotBytes);
        }
    }

    public void dropped(int n) {
        if (n > 0) {
            dropped.increment(n);
        }
    }

    /** A tick's snapshots were not handed out: the senders had not finished the room's previous tick. */
    public void sendSkipped() {
        sendsSkipped.increment();
    }

    public void remove() {
        metrics.remove(tick, overruns, received, sent, snapshotBytes, dropped, sendsSkipped, players);
    }
}
