package dev.arena.runtime;

import dev.arena.server.GameWorld;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls {@link GameWorld#tick()} at the world's tick rate on a scheduled executor. A tick that throws is logged and
 * the next one runs: an exception escaping a {@code scheduleAtFixedRate} task would cancel it silently.
 */
public final class TickLoop {
    private static final Logger LOG = Logger.getLogger(TickLoop.class.getName());

    private final GameWorld world;
    private final ScheduledExecutorService executor;
    private final String executorKind;
    private ScheduledFuture<?> task;
    private long failures;
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
     * @param executorKind how to describe the executor in {@link GameWorld#health()}: "managed" for the container's
     *     managed executor, "plain" for one of Arena's own
     */
    public TickLoop(GameWorld world, ScheduledExecutorService executor, String executorKind) {
        this.world = world;
        this.executor = executor;
        this.executorKind = executorKind;
    }

    public synchronized void start() {
        if (task == null) {
            world.tickedBy(executorKind);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / world.config().rules().tickRate();
            task = executor.scheduleAtFixedRate(this::tickSafely, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops ticking (a tick under way finishes) and closes every client with "going away". */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
            world.shutdown();
        }
    }

    public synchronized boolean isRunning() {
        return task != null && !task.isDone();
    }

    public Stats stats() {
        synchronized (statsLock) {
            return new Stats(tickCount, tickNanos, maxTickNanos);
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
