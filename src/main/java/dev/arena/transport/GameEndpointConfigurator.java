package dev.arena.transport;

import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives {@link GameEndpoint} its {@link GameWorld}. The container's CDI injects it where there is CDI (Payara,
 * WildFly): the endpoint is first created by {@code super.getEndpointInstance}, which is where CDI comes in. Where
 * nothing was injected (Tyrus standalone, Tomcat) the endpoint gets the {@link StandaloneWorld}.
 *
 * <p>{@link #modifyHandshake} puts the remote address found by {@link HandshakeFilter} into the session's user
 * properties (a per-session copy since Jakarta WebSocket 2.1). Refused handshakes never get here on the servers
 * Arena runs on ({@link HandshakeFilter}, the dev server's Grizzly filter); as a second line it checks the
 * {@code Origin} against {@link HandshakeCheck#policy()} again: a refused origin gets HTTP 403 without upgrade
 * headers where the container lets the configurator set the status (Tyrus), and is marked ({@link #REFUSED_ORIGIN})
 * so that {@link GameEndpoint} closes it with 1008 right after it opens everywhere else.
 */
public class GameEndpointConfigurator extends ServerEndpointConfig.Configurator {
    /** Session user property: the refused {@code Origin} of this connection's handshake. */
    static final String REFUSED_ORIGIN = "dev.arena.refusedOrigin";
    private static final Logger LOG = Logger.getLogger(GameEndpointConfigurator.class.getName());

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(sec, request, response);
        String address = HandshakeFilter.remoteAddress();
        if (address != null) {
            sec.getUserProperties().put(RemoteAddresses.HANDSHAKE_ADDRESS, address);
        }
        String origin = header(request.getHeaders(), "Origin");
        if (HandshakeCheck.policy().allows(origin, header(request.getHeaders(), "Host"))) {
            return;
        }
        // Reached only where HandshakeFilter and the dev server's filter did not run first.
        sec.getUserProperties().put(REFUSED_ORIGIN, origin);
        refuse(response, 403);
    }

    /**
     * Sets the handshake's HTTP status where the container's response has a public {@code setStatus(int)} (Tyrus),
     * and takes out the headers that would tell the client the upgrade succeeded.
     */
    private static void refuse(HandshakeResponse response, int status) {
        try {
            response.getClass().getMethod("setStatus", int.class).invoke(response, status);
            response.getHeaders().keySet().removeIf(name -> name != null && (name.equalsIgnoreCase("Upgrade")
                    || name.equalsIgnoreCase("Connection") || name.toLowerCase().startsWith("sec-websocket-")));
            response.getHeaders().put("Connection", List.of("close"));
            response.getClass().getMethod("setReasonPhrase", String.class).invoke(response, "Forbidden");
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
