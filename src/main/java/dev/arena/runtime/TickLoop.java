package dev.arena.runtime;

import dev.arena.server.GameWorld;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls {@link GameWorld#tick()} at the world's tick rate on a scheduled executor. A tick that throws is logged and
 * the next one runs.
 *
 * <p>Overload degrades, never amplifies: ticks are due at fixed times (start + k periods), but a tick that ends after
 * the next one was due does not make the loop run the ticks it missed back to back, as
 * {@code scheduleAtFixedRate} does (which multiplies the work, and the snapshots sent, exactly when the server is
 * behind). The loop skips every due time that has passed and waits for the first one still ahead; the skipped ticks
 * are counted ({@link #missedTicks()}, {@code arena_tick_missed_total}). So a room never ticks, and never sends
 * snapshots, more often than the tick rate: in any T seconds at most {@code T * tickRate + 2} ticks run. Simulation
 * time is the number of ticks run (each tick steps the world by one fixed period), so under overload the game runs
 * slower than the wall clock instead of jumping (docs/protocol.md, "Ticks").
 */
public final class TickLoop {
    private static final Logger LOG = Logger.getLogger(TickLoop.class.getName());

    private final GameWorld world;
    private final ScheduledExecutorService executor;
    private final String executorKind;
    private ScheduledFuture<?> task;
    private boolean running;
    private long periodNanos;
    private long dueAt; // System.nanoTime() at which the tick now scheduled (or running) was due
    private long failures;
    private volatile long missed;
    private final Object statsLock = new Object();
    private long tickCount;
    private long tickNanos;
    private long maxTickNanos;

    /**
     * How long ticks took, since the start: {@code count} ticks in {@code totalNanos}, the longest {@code maxNanos}.
     * The difference of two of these gives the mean tick time of a period ({@link #meanMillisSince}).
     */
    public record Stats(long count, long totalNanos, long maxNanos) {
        /** Mean tick time in milliseconds between {@code earlier} and this, or 0 when no tick ran. */
        public double meanMillisSince(Stats earlier) {
            long n = count - earlier.count;
            return n == 0 ? 0 : (totalNanos - earlier.totalNanos) / 1e6 / n;
        }
    }

    /**
     * @param executorKind how to describe the executor in {@link GameWorld#health()}: "managed" for threads of the
     *     container's, "plain" for Arena's own
     */
    public TickLoop(GameWorld world, ScheduledExecutorService executor, String executorKind) {
        this.world = world;
        this.executor = executor;
        this.executorKind = executorKind;
    }

    public synchronized void start() {
        if (!running) {
            world.tickedBy(executorKind);
            periodNanos = TimeUnit.SECONDS.toNanos(1) / world.config().rules().tickRate();
            running = true;
            dueAt = System.nanoTime() + periodNanos;
            task = executor.schedule(this::run, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops ticking (a tick under way finishes) and closes every client with "going away". */
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            task.cancel(false);
            task = null;
        }
        world.shutdown();
    }

    public synchronized boolean isRunning() {
        return running && !executor.isShutdown();
    }

    /** Ticks skipped so far because the loop was behind. */
    public long missedTicks() {
        return missed;
    }

    public Stats stats() {
        synchronized (statsLock) {
            return new Stats(tickCount, tickNanos, maxTickNanos);
        }
    }

    /** One tick, then the next one scheduled at the first due time still ahead. */
    private void run() {
        tickSafely();
        synchronized (this) {
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            long next = dueAt + periodNanos;
            if (now - next > 0) { // behind by more than a period: skip what was missed, never run it back to back
                long skipped = (now - next) / periodNanos + 1;
                next += skipped * periodNanos;
                missed += skipped;
                world.metrics().missed(skipped);
            }
            dueAt = next;
            try {
                task = executor.schedule(this::run, next - now, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) { // the executor is shutting down: so is the loop
                running = false;
            }
        }
    }

    void tickSafely() {
        long start = System.nanoTime();
        try {
            world.tick();
        } catch (Throwable t) { // NOPMD: nothing may end the loop; VM errors are logged as well
            failures++;
            if (Long.bitCount(failures) == 1) {
                LOG.log(Level.SEVERE, "tick failed (" + failures + " times); ticking on", t);
            }
        } finally {
            long took = System.nanoTime() - start;
            synchronized (statsLock) {
                tickCount++;
                tickNanos += took;
                maxTickNanos = Math.max(maxTickNanos, took);
            }
        }
    }
}
