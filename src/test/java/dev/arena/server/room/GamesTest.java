package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.games.tutorial.FlagGame;
import dev.arena.server.ArenaConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The game registry: service-loaded games, the default game and each game's settings, all checked at the start. */
class GamesTest {
    @Test
    void theShippedGamesAreServiceLoadedAndDotsIsTheDefault() {
        Games games = Games.standard();
        assertThat(games.names()).containsExactly("dots", "coinrush");
        assertThat(games.defaultGame()).isEqualTo("dots");
        assertThat(games.game("coinrush")).isInstanceOf(CoinRushGame.class);
        assertThat(games.game("chess")).isNull();
        assertThat(games.settings(games.game("coinrush")).decimal(CoinRushGame.ROUND_SECONDS)).isEqualTo(60);
    }

    @Test
    void settingsAndTheDefaultGameComeFromArenaConfig() {
        Map<String, String> props = Map.of("arena.defaultGame", "coinrush", "arena.game.coinrush.roundSeconds", "5",
                "ARENA_GAME_COINRUSH_MAX_COINS", "3");
        ArenaConfig config = ArenaConfig.from(key -> props.getOrDefault(key, props.get(envName(key))));
        Games games = config.games();
        assertThat(games.defaultGame()).isEqualTo("coinrush");
        var settings = games.settings(games.game("coinrush"));
        assertThat(settings.decimal(CoinRushGame.ROUND_SECONDS)).isEqualTo(5);
        assertThat(settings.integer(CoinRushGame.MAX_COINS)).isEqualTo(3);
        assertThat(config.roomSettings().games()).isSameAs(games);
    }

    private static String envName(String key) {
        return key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void aTypoStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> Games.of("chess", Map.of())).hasMessageContaining("arena.defaultGame")
                .hasMessageContaining("[dots, coinrush]");
        assertThatThrownBy(() -> Games.of("dots", Map.of("arena.game.coinrush.roundSecs", "5")))
                .hasMessageContaining("arena.game.coinrush.roundSecs");
        assertThatThrownBy(() -> Games.of("dots", Map.of("arena.game.coinrush.roundSeconds", "soon")))
                .hasMessageContaining("arena.game.coinrush.roundSeconds");
        assertThatThrownBy(() -> Games.of("dots", Map.of("arena.game.chess.clock", "5")))
                .hasMessageContaining("unknown game in arena.game.chess.clock");
        // a system property of an unknown game is seen too (fromSystem passes the system property names)
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.game.cheese.x") ? "1" : null,
                Set.of("arena.game.cheese.x"))).hasMessageContaining("arena.game.cheese.x");
    }

    @Test
    void moreGamesJoinTheServiceLoadedOnesAndAGameFoundTwiceCountsOnce() {
        Games games = Games.standard().with(List.of(new FlagGame(), new CoinRushGame()));
        assertThat(games.names()).containsExactly("dots", "coinrush", "flag");
        assertThat(games.with("flag", Map.of()).defaultGame()).isEqualTo("flag");
        FlagGame flag = new FlagGame();
        dev.arena.spi.Game impostor = new dev.arena.spi.Game() {
            public String name() {
                return "coinrush";
            }

            public List<dev.arena.spi.Setting> settings() {
                return flag.settings();
            }

            public dev.arena.spi.Schema schema() {
                return flag.schema();
            }

            public dev.arena.spi.Simulation create(dev.arena.spi.Setup setup) {
                return flag.create(setup);
            }
        };
        assertThatThrownBy(() -> Games.standard().with(List.of(impostor))).hasMessageContaining("two games are named");
    }
}
