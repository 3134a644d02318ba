package dev.arena.dev;

import dev.arena.runtime.StandaloneArena;
import dev.arena.runtime.TickLoop;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.Health;
import dev.arena.transport.GameEndpoint;
import dev.arena.transport.HealthServlet;
import dev.arena.transport.JoinAddresses;
import dev.arena.transport.PrometheusText;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.StaticHttpHandler;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.container.grizzly.server.TyrusGrizzly;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * The standalone dev server: one Grizzly {@link HttpServer} serving {@code /game} (Tyrus), {@code /metrics}
 * (Prometheus text), {@code /health}, {@code /addresses} ({@link JoinAddresses}) and the {@code webapp/} files on one
 * port. The world, its tick and sender threads are wired by {@link StandaloneArena}, as on Tomcat (there is no
 * container here). On the test classpath only; never in the WAR.
 *
 * <p>Why not Tyrus's own {@code org.glassfish.tyrus.server.Server}: it serves only static files and WebSocket
 * endpoints, and binds 0.0.0.0 whatever host it is given. Here the Grizzly server is assembled the way Tyrus does it
 * (a {@link NetworkListener} with Tyrus's WebSocket add-on, reached through {@link TyrusGrizzly}), plus handlers of
 * Arena's own, and the listener binds the host asked for: tests bind 127.0.0.1; {@link #main} binds
 * {@code arena.host} (default 0.0.0.0, so phones on the same network can play).
 *
 * <p>Run it with {@code mvn -q test-compile exec:java}; settings as system properties: {@code arena.port} (8080),
 * {@code arena.host} and the game settings of {@link ArenaConfig}.
 */
public final class DevServer implements AutoCloseable {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private final HttpServer server;
    private final StandaloneArena arena;
    private final String host;
    private final SocketGuard guard;

    private DevServer(HttpServer server, StandaloneArena arena, String host, SocketGuard guard) {
        this.guard = guard;
        this.server = server;
        this.arena = arena;
        this.host = host;
    }

    /**
     * Starts a server on {@code port} ({@code port} -1: any free port) serving {@code webapp}; {@code host} is the
     * address it binds and the host name used in the URLs it reports.
     */
    public static DevServer start(String host, int port, ArenaConfig config, Path webapp) throws DeploymentException {
        return start(host, host, port, config, webapp);
    }

    /** Like {@link #start(String, int, ArenaConfig, Path)}, binding {@code bindAddress} ("0.0.0.0": every interface). */
    public static DevServer start(String bindAddress, String host, int port, ArenaConfig config, Path webapp)
            throws DeploymentException {
        if (!Files.isDirectory(webapp)) {
            throw new IllegalArgumentException("no webapp folder at " + webapp.toAbsolutePath());
        }
        GameWorld world = new GameWorld(config, System::currentTimeMillis, new SplittableRandom(new SecureRandom().nextLong()));
        StandaloneArena arena = StandaloneArena.of(world); // the same wiring as Tomcat's (runtime/ArenaBootstrap)
        SocketGuard guard = new SocketGuard(config.maxConnectionsPerAddress());
        HttpServer server = httpServer(bindAddress, port, webapp, world, guard);
        try {
            server.start();
        } catch (IOException e) {
            guard.close();
            arena.close();
            throw new DeploymentException("cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        return new DevServer(server, arena.start(), host, guard);
    }

    /** Starts a dev server on a free loopback port with these settings, serving the project's {@code webapp/}. */
    public static DevServer startForTests(ArenaConfig config) throws DeploymentException {
        return start("127.0.0.1", -1, config, webappFolder());
    }

    public static Path webappFolder() {
        return Path.of(System.getProperty("arena.webapp", "webapp"));
    }

    /**
     * Grizzly with Tyrus's WebSocket add-on for {@code /game}, the webapp files, {@code /metrics}, {@code /health} and
     * {@code /addresses}, behind the {@link SocketGuard} (handshake checks, handshake and close timeouts, connections
     * per address).
     */
    private static HttpServer httpServer(String bindAddress, int port, Path webapp, GameWorld world,
            SocketGuard guard) throws DeploymentException {
        ServerContainer container = new GrizzlyServerContainer().createContainer(Map.of());
        container.getWebSocketEngine().register(GameEndpoint.class, "/");
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("arena", bindAddress, port < 0 ? 0 : port);
        // as Tyrus's own server: WebSockets stay open; the guard cuts HTTP connections idle for 10 s instead
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(TyrusGrizzly.webSocketAddOn(container, "/"));
        listener.registerAddOn(guard);
        server.addListener(listener);
        var routes = server.getServerConfiguration();
        routes.addHttpHandler(new StaticHttpHandler(webapp.toAbsolutePath().toString()), "/");
        routes.addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                response.setHeader("Cache-Control", "no-store");
                response.setContentType(PrometheusText.CONTENT_TYPE);
                response.getWriter().write(PrometheusText.of(world.metrics().registry()));
            }
        }, "/metrics");
        routes.addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                Health health = world.health();
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(health.ticking() ? 200 : 503);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write(JSONB.toJson(new HealthServlet.Report(
                        health.ticking() ? "UP" : "DOWN", "Arena dev server (Grizzly + Tyrus)", false, health)));
            }
        }, "/health");
        routes.addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                JoinAddresses.Answer answer = JoinAddresses.answer(request.getRemoteAddr(), request.getHeader("Host"),
                        request::getHeader);
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(answer.status());
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write(answer.json());
            }
        }, "/addresses");
        return server;
    }

    public int port() {
        return server.getListener("arena").getPort();
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
        return arena.world();
    }

    public TickLoop tickLoop() {
        return arena.tickLoop();
    }

    /** TCP connections from {@code address} (e.g. "127.0.0.1") that are not open WebSockets: under way or closing. */
    public int socketsNotOpen(String address) {
        return guard.ledger().notOpen(address);
    }

    /** Every TCP connection the server holds, in any state. */
    public int sockets() {
        return guard.ledger().size();
    }

    /** Stops ticking, closes every client with "going away", and stops the server. */
    @Override
    public void close() {
        arena.stop(); // sends "going away" to every client
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (arena.world().stats().connectionCount() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L); // let the close frames go out before the sockets are cut
        }
        // Tyrus reports a close as soon as it has queued the close frame; give the frames time to be written.
        LockSupport.parkNanos(300_000_000L);
        server.shutdownNow();
        guard.close();
        arena.close(); // ends the tick and sender threads, uninstalls the world
    }

    public static void main(String[] args) throws Exception {
        String loggingConfig = System.getProperty("java.util.logging.config.file");
        if (loggingConfig != null) { // exec:java sets it after the JVM started: apply it now
            try (var in = Files.newInputStream(Path.of(loggingConfig))) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        }
        String host = "localhost";
        String bindAddress = System.getProperty("arena.host", "0.0.0.0");
        int port = Integer.parseInt(System.getProperty("arena.port", "8080"));
        ArenaConfig config = ArenaConfig.fromSystem();
        DevServer dev = start(bindAddress, host, port, config, webappFolder());
        Runtime.getRuntime().addShutdownHook(new Thread(dev::close, "arena-shutdown"));
        System.out.println();
        System.out.println("Arena is running. Open " + dev.httpUri() + " in two browser tabs and play; "
                + dev.httpUri() + "monitor.html shows the server's metrics.");
        System.out.println("  (WebSocket at " + dev.gameUri() + "; map " + config.rules().width() + "x"
                + config.rules().height() + ", " + config.rules().tickRate() + " Hz; Ctrl+C stops.)");
        new CountDownLatch(1).await();
    }
}
