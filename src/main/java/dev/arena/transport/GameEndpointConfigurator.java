package dev.arena.transport;

import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives {@link GameEndpoint} its {@link GameWorld}. The container's CDI injects it where there is CDI (Payara,
 * WildFly): the endpoint is first created by {@code super.getEndpointInstance}, which is where CDI comes in. Where
 * nothing was injected (Tyrus standalone, Tomcat) the endpoint gets the {@link StandaloneWorld}.
 *
 * <p>It also checks the handshake's {@code Origin} against {@link OriginPolicy} (settings of the installed world, or
 * else {@link ArenaConfig#fromSystem()}, which is what the CDI world reads too). A refused origin gets HTTP 403 where
 * the container lets {@link #modifyHandshake} set the status (Tyrus: GlassFish, Payara, the dev server); everywhere
 * it is also marked in the session's user properties ({@link #REFUSED_ORIGIN}, a per-session copy since Jakarta
 * WebSocket 2.1) so that {@link GameEndpoint} closes it with 1008 right after it opens.
 */
public class GameEndpointConfigurator extends ServerEndpointConfig.Configurator {
    /** Session user property: the refused {@code Origin} of this connection's handshake. */
    static final String REFUSED_ORIGIN = "dev.arena.refusedOrigin";
    private static final Logger LOG = Logger.getLogger(GameEndpointConfigurator.class.getName());
    private volatile OriginPolicy systemPolicy;

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(sec, request, response);
        String origin = header(request.getHeaders(), "Origin");
        if (policy().allows(origin, header(request.getHeaders(), "Host"))) {
            return;
        }
        sec.getUserProperties().put(REFUSED_ORIGIN, origin);
        refuse(response, 403);
    }

    private OriginPolicy policy() {
        Optional<GameWorld> world = StandaloneWorld.get();
        if (world.isPresent()) {
            return new OriginPolicy(world.get().config().allowedOrigins());
        }
        OriginPolicy p = systemPolicy;
        if (p == null) {
            p = new OriginPolicy(ArenaConfig.fromSystem().allowedOrigins());
            systemPolicy = p;
        }
        return p;
    }

    /** Sets the handshake's HTTP status where the container's response has a public {@code setStatus(int)}. */
    private static void refuse(HandshakeResponse response, int status) {
        try {
            Method setStatus = response.getClass().getMethod("setStatus", int.class);
            setStatus.invoke(response, status);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot refuse the handshake here; the connection is closed with 1008 when it opens");
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * No extensions on {@code /game}, whatever the client offers: in particular no permessage-deflate, which Tomcat
     * would otherwise negotiate with every browser (Tyrus and Undertow do not). Compressing every client's frame on
     * its own costs the server and every client a zlib context and CPU per frame, for snapshots that are small
     * binary deltas already; measured in docs/benchmarks.md ("Compression"). One decision for every server.
     */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return List.of();
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        T endpoint = super.getEndpointInstance(endpointClass);
        if (endpoint instanceof GameEndpoint game && !game.hasWorld()) {
            game.useWorld(StandaloneWorld.get().orElseThrow(() -> new InstantiationException(
                    "no GameWorld: neither injected by CDI nor installed as the standalone world")));
        }
        return endpoint;
    }
}
