package dev.arena.runtime;

import dev.arena.server.GameWorld;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * In a Jakarta EE container: starts the {@link TickLoop} on the container's default
 * {@link ManagedScheduledExecutorService} when the application starts, and stops it when the application is
 * undeployed.
 */
@ApplicationScoped
public class TickScheduler {
    static final String EXECUTOR_JNDI = "java:comp/DefaultManagedScheduledExecutorService";
    /** Where snapshots are handed to clients (the socket writes), off the tick thread: see GameWorld#sendWith. */
    static final String SENDERS_JNDI = "java:comp/DefaultManagedExecutorService";

    @Inject
    GameWorld world;

    private TickLoop loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) throws NamingException {
        ManagedScheduledExecutorService executor =
                (ManagedScheduledExecutorService) new InitialContext().lookup(EXECUTOR_JNDI);
        world.sendWith((ManagedExecutorService) new InitialContext().lookup(SENDERS_JNDI));
        loop = new TickLoop(world, executor, "managed");
        loop.start();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
            world.sendWith(null);
        }
    }
}
