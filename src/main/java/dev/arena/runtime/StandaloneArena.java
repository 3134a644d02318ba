package dev.arena.runtime;

import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Arena without CDI, wired in one place for the two runtimes that have none: Tomcat ({@link ArenaBootstrap}) and the
 * dev server ({@code src/test/java/dev/arena/dev/DevServer}). It puts the parts together the way the container's
 * {@link TickScheduler} does with managed ones: the {@link GameWorld}, {@link ArenaThreads} of plain threads (the
 * tick and the snapshot senders, given to the world with {@link GameWorld#sendWith}), the {@link TickLoop} on the
 * tick thread, and the world installed as the {@link StandaloneWorld} for the endpoint and servlets that the
 * container makes. {@link #stop} stops ticking and closes every client with "going away"; {@link #close} then ends
 * the threads (waiting for them, so that none outlives an undeployment) and uninstalls the world.
 */
public final class StandaloneArena implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StandaloneArena.class.getName());

    private final GameWorld world;
    private final ArenaThreads threads;
    private final TickLoop loop;

    private StandaloneArena(GameWorld world) {
        this.world = world;
        this.threads = new ArenaThreads(Executors.defaultThreadFactory(), "arena");
        world.sendWith(threads.senders());
        this.loop = new TickLoop(world, threads.tick(), "plain");
    }

    /** Wires {@code world} to threads of its own and installs it; call {@link #start} to start ticking. */
    public static StandaloneArena of(GameWorld world) {
        StandaloneArena arena = new StandaloneArena(world);
        StandaloneWorld.install(world);
        return arena;
    }

    public StandaloneArena start() {
        loop.start();
        return this;
    }

    public GameWorld world() {
        return world;
    }

    public TickLoop tickLoop() {
        return loop;
    }

    /** Stops ticking and closes every client with "going away" (the threads keep running until {@link #close}). */
    public void stop() {
        loop.stop();
    }

    /** {@link #stop}, then ends the threads and uninstalls the world. */
    @Override
    public void close() {
        stop();
        try {
            if (!threads.stop()) {
                LOG.warning("Arena: tick or sender threads did not end within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            StandaloneWorld.clear();
        }
    }
}
