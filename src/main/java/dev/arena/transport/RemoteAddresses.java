package dev.arena.transport;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The remote address of a WebSocket session, which the Jakarta WebSocket API does not expose. Tried in order:
 * <ol>
 *   <li>the session user property {@link #HANDSHAKE_ADDRESS}: the address of the HTTP upgrade request, put there by
 *       {@link GameEndpointConfigurator#modifyHandshake} from {@link HandshakeFilter} (every servlet container:
 *       Payara, WildFly, Tomcat);
 *   <li>the session user property {@code jakarta.websocket.endpoint.remoteAddress} (an {@link InetSocketAddress}:
 *       Tomcat and TomEE);
 *   <li>a public {@code getRemoteAddr()} method of the session returning a string (Tyrus: GlassFish, Payara and the
 *       dev server), called by reflection so that no container class is needed at compile or run time.
 * </ol>
 * Otherwise the address is unknown (null) and the per-address limit does not apply; that is logged once. IPv6
 * addresses are counted by their /64 prefix, the block one subscriber usually gets.
 */
public final class RemoteAddresses {
    /** Session user property: the remote address (an IP literal) of the connection's HTTP upgrade request. */
    static final String HANDSHAKE_ADDRESS = "dev.arena.remoteAddress";
    static final String USER_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";
    private static final Logger LOG = Logger.getLogger(RemoteAddresses.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private RemoteAddresses() {}

    /** The key to count {@code session}'s connections under, or null when the container does not tell. */
    static String of(Session session) {
        if (session.getUserProperties().get(HANDSHAKE_ADDRESS) instanceof String literal && !literal.isBlank()) {
            return key(literal.trim());
        }
        Object property = session.getUserProperties().get(USER_PROPERTY);
        if (property instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return key(socket.getAddress());
        }
        try {
            Method getter = session.getClass().getMethod("getRemoteAddr");
            if (getter.getReturnType() == String.class) {
                String literal = (String) getter.invoke(session);
                if (literal != null && !literal.isBlank()) {
                    return key(literal.trim());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not Tyrus, or it failed: unknown
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warning("this WebSocket container does not tell the remote address of a session ("
                    + session.getClass().getName() + "): arena.maxConnectionsPerAddress is not applied");
        }
        return null;
    }

    /** An IP literal as the key to count it under; other text (a host name) as it is, never looked up. */
    static String key(String literal) {
        String s = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        boolean ipLiteral = s.indexOf(':') >= 0 || s.matches("[0-9.]+");
        if (!ipLiteral) {
            return s;
        }
        try {
            return key(InetAddress.getByName(s)); // a literal: parsed, no name lookup
        } catch (UnknownHostException e) {
            return s;
        }
    }

    /** The key to count connections from {@code address} under (also used by the dev server's socket guard). */
    public static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
