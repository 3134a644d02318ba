package dev.arena.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The games are found through {@link ServiceLoader} ({@code META-INF/services/dev.arena.spi.Game}), the way the
 * dev server and Tomcat will find them in phase B (Payara and WildFly through CDI); every game's name is unique and
 * its settings read at their defaults.
 */
class GameDiscoveryTest {
    @Test
    void dotsAndCoinRushAreDiscoveredWithUniqueNames() {
        var games = ServiceLoader.load(Game.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(games).extracting(Game::name).containsExactly("dots", "coinrush").doesNotHaveDuplicates();
        for (Game g : games) {
            assertThat(g.name()).matches("[a-z][a-z0-9]{0,31}");
            assertThat(Settings.defaults(g).asProperties()).allSatisfy((k, v) -> assertThat(k).startsWith(
                    "arena.game." + g.name() + "."));
            assertThat(g.schema()).isSameAs(g.schema());
        }
    }
}
