package dev.arena.server;

import java.util.Optional;

/**
 * The {@link GameWorld} of a runtime without CDI (the dev server, Tomcat), installed by whoever started it and
 * looked up by the adapters (endpoint, servlets) that the container instantiated without injecting anything. Where
 * CDI injects the bean, nothing is installed here.
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
