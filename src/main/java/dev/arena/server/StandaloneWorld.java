package dev.arena.server;

import java.util.Optional;

/**
 * The {@link GameWorld} of a runtime without CDI (the dev server, Tomcat), installed by
 * {@code runtime.StandaloneArena} and looked up by the adapters that the container instantiates itself without
 * injecting anything. Where CDI injects the bean (Payara, WildFly), nothing is installed here.
 *
 * <p>Why it is static, and stays: on Tomcat and on Tyrus the container makes the {@code @ServerEndpoint} instance
 * (through {@code transport.GameEndpointConfigurator#getEndpointInstance}, which sees neither the
 * {@code ServletContext} nor the listener that made the world), the servlets and the handshake filter. An endpoint
 * registered programmatically with a world of its own would clash with the annotated one, which the container deploys
 * anyway (and which Payara and WildFly need for CDI). So the only path from the runtime that made the world to those
 * instances is a lookup that they can reach without being given anything. It is per class loader, so per deployed
 * WAR: two applications in one Tomcat do not share it.
 */
public final class StandaloneWorld {
    private static volatile GameWorld installed;

    private StandaloneWorld() {}

    public static void install(GameWorld world) {
        installed = world;
    }

    public static void clear() {
        installed = null;
    }

    public static Optional<GameWorld> get() {
        return Optional.ofNullable(installed);
    }
}
