package dev.arena.runtime;

import dev.arena.server.GameWorld;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Starts Arena in a servlet container without CDI (Tomcat): where CDI provides the {@link GameWorld} bean (Payara,
 * WildFly), {@link TickScheduler} runs it and this listener does nothing. Otherwise it starts a
 * {@link StandaloneArena} (the world, plain threads, the tick) and closes it when the application is undeployed.
 */
@WebListener
public class ArenaBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(ArenaBootstrap.class.getName());

    private StandaloneArena arena;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (CdiLookup.hasGameWorld()) {
            LOG.info("Arena: GameWorld from CDI, ticking on threads of the container's ManagedThreadFactory");
            return;
        }
        arena = StandaloneArena.of(new GameWorld()).start();
        LOG.info("Arena: no CDI here, GameWorld and tick thread of Arena's own");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (arena != null) {
            arena.close();
        }
    }
}
