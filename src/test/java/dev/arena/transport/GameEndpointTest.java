package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.CloseCodes;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The endpoint's own decisions at open, on a stand-in session (a container that cannot refuse a handshake). */
class GameEndpointTest {
    private final GameWorld world = new GameWorld(ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(1),
            () -> 0L, new SplittableRandom(1));
    private final List<CloseReason> closes = new CopyOnWriteArrayList<>();

    private Session session(Map<String, Object> userProperties) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> userProperties;
                    case "getId" -> "s1";
                    case "isOpen" -> true;
                    case "close" -> {
                        closes.add(args == null ? null : (CloseReason) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private GameEndpoint endpoint() {
        GameEndpoint e = new GameEndpoint();
        e.useWorld(world);
        return e;
    }

    @Test
    void aRefusedOriginThatTheContainerLetThroughIsClosedWithPolicyViolationAtOpen() {
        Map<String, Object> props = new HashMap<>();
        props.put(GameEndpointConfigurator.REFUSED_ORIGIN, "http://evil.example");
        GameEndpoint e = endpoint();
        e.open(session(props));
        assertThat(closes).extracting(r -> r.getCloseCode().getCode()).containsExactly(CloseCodes.POLICY_VIOLATION);
        assertThat(world.stats().connectionCount()).isZero();
        e.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "")); // nothing to forget
        assertThat(world.stats().connectionCount()).isZero();
    }

    @Test
    void theTomcatStyleRemoteAddressPropertyIsCounted() {
        Map<String, Object> props = new HashMap<>();
        props.put(RemoteAddresses.USER_PROPERTY, new InetSocketAddress("198.51.100.4", 50000));
        endpoint().open(session(props));
        endpoint().open(session(new HashMap<>(props)));
        assertThat(world.stats().addressCount()).isEqualTo(1);
        assertThat(closes).extracting(r -> r.getCloseCode().getCode())
                .containsExactly(CloseCodes.TOO_MANY_CONNECTIONS);
    }

    @Test
    void anUnknownAddressIsNotCounted() {
        endpoint().open(session(new HashMap<>()));
        endpoint().open(session(new HashMap<>()));
        assertThat(world.stats().connectionCount()).isEqualTo(2);
        assertThat(world.stats().addressCount()).isZero();
        assertThat(closes).isEmpty();
    }
}
