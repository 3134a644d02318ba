package dev.arena.dev;

import dev.arena.runtime.TickLoop;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import dev.arena.transport.GameEndpoint;
import jakarta.websocket.DeploymentException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import org.glassfish.tyrus.server.Server;

/**
 * The standalone dev server: Tyrus on Grizzly serves {@code /game} and the {@code webapp/} files on one port, with a
 * plain scheduled executor for the tick (there is no container here). On the test classpath only; never in the WAR.
 *
 * <p>Run it with {@code mvn -q test-compile exec:java}; settings as system properties: {@code arena.port} (8080) and
 * the game settings of {@link ArenaConfig}. Tyrus's Grizzly container listens on all interfaces (its bind address
 * is fixed to 0.0.0.0), so phones on the same network can play; tests only ever connect over loopback.
 */
public final class DevServer implements AutoCloseable {
    private final Server server;
    private final GameWorld world;
    private final TickLoop loop;
    private final ScheduledExecutorService executor;
    private final String host;

    private DevServer(Server server, GameWorld world, TickLoop loop, ScheduledExecutorService executor, String host) {
        this.server = server;
        this.world = world;
        this.loop = loop;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Starts a server on {@code port} ({@code port} -1: any free port) serving {@code webapp}; {@code host} is the
     * host name used in the URLs it reports.
     */
    public static DevServer start(String host, int port, ArenaConfig config, Path webapp) throws DeploymentException {
        if (!Files.isDirectory(webapp)) {
            throw new IllegalArgumentException("no webapp folder at " + webapp.toAbsolutePath());
        }
        GameWorld world = new GameWorld(config, System::currentTimeMillis, new SplittableRandom(new SecureRandom().nextLong()));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arena-tick");
            t.setDaemon(true);
            return t;
        });
        TickLoop loop = new TickLoop(world, executor, "plain");
        StandaloneWorld.install(world);
        Server server = new Server(
                host, port, "/", Map.of(Server.STATIC_CONTENT_ROOT, webapp.toAbsolutePath().toString()),
                GameEndpoint.class);
        server.start();
        loop.start();
        return new DevServer(server, world, loop, executor, host);
    }

    /** Starts a dev server on a free loopback port with these settings, serving the project's {@code webapp/}. */
    public static DevServer startForTests(ArenaConfig config) throws DeploymentException {
        return start("127.0.0.1", -1, config, webappFolder());
    }

    public static Path webappFolder() {
        return Path.of(System.getProperty("arena.webapp", "webapp"));
    }

    public int port() {
        return server.getPort();
    }

    /** The page's URL, e.g. {@code http://127.0.0.1:8080/}. */
    public URI httpUri() {
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The WebSocket URL, e.g. {@code ws://127.0.0.1:8080/game}. */
    public URI gameUri() {
        return URI.create(httpUri().toString().replaceFirst("^http", "ws") + "game");
    }

    public GameWorld world() {
        return world;
    }

    public TickLoop tickLoop() {
        return loop;
    }

    /** Stops ticking, closes every client with "going away", and stops the server. */
    @Override
    public void close() {
        loop.stop(); // sends "going away" to every client
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (world.connectionCount() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L); // let the close frames go out before the sockets are cut
        }
        // Tyrus reports a close as soon as it has queued the close frame; give the frames time to be written.
        LockSupport.parkNanos(300_000_000L);
        server.stop();
        executor.shutdownNow();
        StandaloneWorld.clear();
    }

    public static void main(String[] args) throws Exception {
        String loggingConfig = System.getProperty("java.util.logging.config.file");
        if (loggingConfig != null) { // exec:java sets it after the JVM started: apply it now
            try (var in = Files.newInputStream(Path.of(loggingConfig))) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        }
        String host = "localhost";
        int port = Integer.parseInt(System.getProperty("arena.port", "8080"));
        ArenaConfig config = ArenaConfig.fromSystem();
        DevServer dev = start(host, port, config, webappFolder());
        Runtime.getRuntime().addShutdownHook(new Thread(dev::close, "arena-shutdown"));
        System.out.println();
        System.out.println("Arena is running. Open " + dev.httpUri() + " in two browser tabs and play.");
        System.out.println("  (WebSocket at " + dev.gameUri() + "; map " + config.rules().width() + "x"
                + config.rules().height() + ", " + config.rules().tickRate() + " Hz; Ctrl+C stops.)");
        new CountDownLatch(1).await();
    }
}
