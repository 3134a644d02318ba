package dev.arena.games.tutorial;

import dev.arena.spi.Game;
import dev.arena.spi.Schema;
import dev.arena.spi.Setting;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The tutorial's flag game as a CDI bean: how a deployment adds a game on Payara and WildFly without a
 * {@code META-INF/services} entry. The WAR discovers annotated beans ({@code bean-discovery-mode="annotated"}), so a
 * bean-defining annotation is all it takes; the server adds every {@code Game} bean to the service-loaded games
 * ({@code server.CdiGames}). A delegate rather than an annotated {@link FlagGame}: a normal-scoped bean must be
 * proxyable (not final), and the game's own class stays free of container types. Tomcat has no CDI: there this class
 * is no game, and a game is registered through {@code ServiceLoader} only. {@code DeployedWarIT} adds it to the WAR
 * and plays it on Payara and WildFly (and sees {@code unknown_game} on Tomcat).
 */
@ApplicationScoped
public class CdiFlagGame implements Game {
    private final FlagGame game = new FlagGame();

    @Override
    public String name() {
        return game.name();
    }

    @Override
    public List<Setting> settings() {
        return game.settings();
    }

    @Override
    public Schema schema() {
        return game.schema();
    }

    @Override
    public Simulation create(Setup setup) {
        return game.create(setup);
    }
}
