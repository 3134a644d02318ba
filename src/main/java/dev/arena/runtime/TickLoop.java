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

    void tickSafely() {
        try {
            world.tick();
        } catch (Throwable t) { // NOPMD: nothing may end the loop; VM errors are logged as well
            failures++;
            if (Long.bitCount(failures) == 1) {
                LOG.log(Level.SEVERE, "tick failed (" + failures + " times); ticking on", t);
            }
        }
    }
}
