package dev.arena.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the ticks did so far, for {@link Health}: how many ran, when the last one started and on which thread, what
 * schedules them, and the snapshots dropped for clients that had not taken the previous one. Written by the tick
 * thread, read from any.
 */
final class TickRecord {
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong droppedSnapshots = new AtomicLong();
    private volatile long lastTickMillis;
    private volatile String tickThread;
    private volatile String tickExecutor;

    void started(long nowMillis) {
        ticks.incrementAndGet();
        lastTickMillis = nowMillis;
        tickThread = Thread.currentThread().getName();
    }

    void dropped(int snapshots) {
        droppedSnapshots.addAndGet(snapshots);
    }

    void executor(String kind) {
        tickExecutor = kind;
    }

    long count() {
        return ticks.get();
    }

    long droppedSnapshots() {
        return droppedSnapshots.get();
    }

    /** Healthy when a tick ran within a second (or ten tick periods at low tick rates) of {@code nowMillis}. */
    Health health(long nowMillis, int tickRate, int rooms, int players, int connections) {
        long allowed = Math.max(1000, 10_000L / tickRate);
        return new Health(ticks.get() > 0 && nowMillis - lastTickMillis <= allowed, tickExecutor, tickThread,
                ticks.get(), rooms, players, connections, droppedSnapshots.get());
    }
}
