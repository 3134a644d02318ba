package dev.arena.load.floor;

import java.io.IOException;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.container.grizzly.server.TyrusGrizzly;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * The container floor ({@link Floor}) on the dev server's container: Grizzly with Tyrus's WebSocket add-on, as
 * {@code dev.arena.dev.DevServer} assembles it, without Arena (and without the dev server's socket guard). Binds
 * {@code arena.host} (127.0.0.1) on {@code arena.port}; serves {@code /game}, {@code /health} and {@code /metrics}.
 */
public final class FloorServer {
    private FloorServer() {}

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("arena.host", "127.0.0.1");
        int port = Integer.getInteger("arena.port", 8080);
        ServerContainer container = new GrizzlyServerContainer().createContainer(Map.of());
        container.getWebSocketEngine().register(FloorEndpoint.class, "/");
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("floor", host, port);
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(TyrusGrizzly.webSocketAddOn(container, "/"));
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(text("UP\n"), "/health");
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                response.setContentType("text/plain; version=0.0.4");
                response.getWriter().write(Floor.INSTANCE.metrics());
            }
        }, "/metrics");
        server.start();
        Floor.INSTANCE.start();
        System.out.println("container floor (Grizzly + Tyrus) on http://" + host + ":" + port + "/");
        Thread.currentThread().join();
    }

    private static HttpHandler text(String body) {
        return new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().write(body);
            }
        };
    }
}
