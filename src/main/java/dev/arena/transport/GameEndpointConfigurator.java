package dev.arena.transport;

import dev.arena.server.StandaloneWorld;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Gives {@link GameEndpoint} its {@code GameWorld}. The container's CDI injects it where there is CDI (Payara,
 * WildFly): the endpoint is first created by {@code super.getEndpointInstance}, which is where CDI comes in. Where
 * nothing was injected (Tyrus standalone, Tomcat) the endpoint gets the {@link StandaloneWorld}.
 */
public class GameEndpointConfigurator extends ServerEndpointConfig.Configurator {
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
