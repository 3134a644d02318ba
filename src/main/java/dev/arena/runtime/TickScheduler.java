package dev.arena.runtime;

import dev.arena.server.GameWorld;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * In a Jakarta EE container: starts the {@link TickLoop} when the application starts, on threads from the
 * container's default {@link ManagedThreadFactory} ({@link ArenaThreads}: the tick thread and the sender threads),
 * and stops both when the application is undeployed. Threads from the factory carry the application's context, set
 * up once per thread; a managed executor would capture it again for every task (every tick and every batch of
 * snapshots), which on Payara is a class-path search each time.
 */
@ApplicationScoped
public class TickScheduler {
    static final String THREADS_JNDI = "java:comp/DefaultManagedThreadFactory";
    private static final Logger LOG = Logger.getLogger(TickScheduler.class.getName());

    @Inject
    GameWorld world;

    private TickLoop loop;
    private ArenaThreads threads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) throws NamingException {
        ManagedThreadFactory factory = (ManagedThreadFactory) new InitialContext().lookup(THREADS_JNDI);
        threads = new ArenaThreads(factory, "arena-managed");
        world.sendWith(threads.senders());
        loop = new TickLoop(world, threads.tick(), "managed");
        loop.start();
    }

    @PreDestroy
    void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        world.sendWith(null);
        try {
            if (!threads.stop()) {
                LOG.warning("Arena: tick or sender threads did not end within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
