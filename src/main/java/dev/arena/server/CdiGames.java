package dev.arena.server;

import dev.arena.spi.Game;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;

/**
 * The {@link Game} beans CDI knows, where CDI runs (Payara, WildFly): games a deployment adds as beans (a game's jar
 * with a {@code beans.xml}) join the service-loaded ones ({@code room.Games}). The shipped games are no beans (a game
 * imports {@code java.*} and the SPI only, and this WAR discovers annotated beans only), so they are found through
 * {@code ServiceLoader} on every server. A class of its own so that nothing else touches CDI types: without CDI
 * (Tomcat, the dev server) the lookup fails to link or finds no container, which is the answer "none".
 */
final class CdiGames {
    private CdiGames() {}

    static List<Game> beans() {
        try {
            return CDI.current().select(Game.class).stream().toList();
        } catch (LinkageError | IllegalStateException e) {
            return List.of();
        }
    }
}
