package dev.arena.runtime;

import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Starts Arena in a servlet container without CDI (Tomcat): where CDI provides the {@link GameWorld} bean (Payara,
 * WildFly), {@link TickScheduler} runs it on the managed executor and this listener does nothing. Otherwise it
 * creates the world and a tick thread of its own, installs the world as the {@link StandaloneWorld}, and stops both
 * when the application is undeployed, waiting for the thread to end so no tick outlives the deployment.
 */
@WebListener
public class ArenaBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(ArenaBootstrap.class.getName());

    private ScheduledExecutorService executor;
    private ExecutorService senders;
    private final java.util.List<Thread> senderThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Thread tickThread;
    private TickLoop loop;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (CdiLookup.hasGameWorld()) {
            LOG.info("Arena: GameWorld from CDI, tick on the container's managed scheduled executor");
            return;
        }
        GameWorld world = new GameWorld();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arena-tick");
            t.setDaemon(true);
            tickThread = t;
            return t;
        });
        senders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "arena-send");
            t.setDaemon(true);
            senderThreads.add(t);
            return t;
        });
        world.sendWith(senders);
        loop = new TickLoop(world, executor, "plain");
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
        executor.shutdownNow();
        senders.shutdownNow();
        try {
            // the pool counts as terminated a moment before its thread has ended: wait for the thread itself, or
            // Tomcat, checking right after this method, reports it as a leaked thread
            Thread t = tickThread;
            if (!executor.awaitTermination(2, TimeUnit.SECONDS) || (t != null && !joined(t))) {
                LOG.warning("Arena: tick thread did not end within 2 s");
            }
            boolean ended = senders.awaitTermination(2, TimeUnit.SECONDS);
            for (Thread s : senderThreads) {
                ended &= joined(s);
            }
            if (!ended) {
                LOG.warning("Arena: sender threads did not end within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StandaloneWorld.clear();
    }

    private static boolean joined(Thread t) throws InterruptedException {
        t.join(2000);
        return !t.isAlive();
    }
}
