package dev.arena.runtime;

import dev.arena.server.GameWorld;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Asks CDI for the {@link GameWorld} bean. A class of its own so that nothing else touches CDI types: on a server
 * without CDI (Tomcat) the first call fails to link {@link CDI}, which is the answer "no".
 */
final class CdiLookup {
    private CdiLookup() {}

    static boolean hasGameWorld() {
        try {
            return CDI.current().select(GameWorld.class).isResolvable();
        } catch (LinkageError | IllegalStateException e) {
            return false;
        }
    }
}
