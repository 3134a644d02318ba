package dev.arena.transport;

import dev.arena.server.GameWorld;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gives {@link GameEndpoint} its {@link GameWorld}. The container's CDI injects it where there is CDI (Payara,
 * WildFly): the endpoint is first created by {@code super.getEndpointInstance}, which is where CDI comes in. Where
 * nothing was injected (Tyrus standalone, Tomcat) the endpoint gets the world installed with {@link #useWorld}.
 */
public class GameEndpointConfigurator extends ServerEndpointConfig.Configurator {
    private static volatile Supplier<GameWorld> fallback;

    /** Installs the world used where the container does not inject one (the dev server, Tomcat). */
    public static void useWorld(Supplier<GameWorld> world) {
        fallback = Objects.requireNonNull(world);
    }

    /** Forgets the installed world (dev server stop, Tomcat undeploy). */
    public static void clearWorld() {
        fallback = null;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        T endpoint = super.getEndpointInstance(endpointClass);
        if (endpoint instanceof GameEndpoint game && !game.hasWorld()) {
            Supplier<GameWorld> world = fallback;
            if (world == null) {
                throw new InstantiationException("no GameWorld: neither injected by CDI nor installed with useWorld");
            }
            game.useWorld(world.get());
        }
        return endpoint;
    }
}
