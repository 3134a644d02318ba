package dev.arena.runtime;

import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Starts Arena in a servlet container without CDI (Tomcat): where CDI provides the {@link GameWorld} bean (Payara,
 * WildFly), {@link TickScheduler} runs it and this listener does nothing. Otherwise it creates the world and
 * {@link ArenaThreads} of plain threads, installs the world as the {@link StandaloneWorld}, and stops both when the
 * application is undeployed, waiting for the threads to end so no tick outlives the deployment.
 */
@WebListener
public class ArenaBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(ArenaBootstrap.class.getName());

    private ArenaThreads threads;
    private TickLoop loop;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (CdiLookup.hasGameWorld()) {
            LOG.info("Arena: GameWorld from CDI, ticking on threads of the container's ManagedThreadFactory");
            return;
        }
        GameWorld world = new GameWorld();
        threads = new ArenaThreads(Executors.defaultThreadFactory(), "arena");
        world.sendWith(threads.senders());
        loop = new TickLoop(world, threads.tick(), "plain");
        StandaloneWorld.install(world);
        loop.start();
        LOG.info("Arena: no CDI here, GameWorld and tick thread of Arena's own");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            if (!threads.stop()) {
                LOG.warning("Arena: tick or sender threads did not end within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StandaloneWorld.clear();
    }
}
