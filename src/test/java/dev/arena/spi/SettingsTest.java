package dev.arena.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.games.coinrush.CoinRushGame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    static final CoinRushGame GAME = new CoinRushGame();

    @Test
    void readsItsOwnNamespaceFromAPlainMapAndIgnoresTheRest() {
        Settings s = Settings.read(GAME, Map.of("arena.game.coinrush.roundSeconds", " 90 ",
                "arena.game.coinrush.maxPlayers", "3", "arena.tickRate", "30", "arena.game.dots.speed", "1"));
        assertThat(s.decimal(CoinRushGame.ROUND_SECONDS)).isEqualTo(90.0);
        assertThat(s.integer(CoinRushGame.MAX_PLAYERS)).isEqualTo(3);
        assertThat(s.decimal(CoinRushGame.RESULTS_SECONDS)).as("default").isEqualTo(8.0);
    }

    @Test
    void aBadValueOrAnUnknownKeyStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> Settings.read(GAME, Map.of("arena.game.coinrush.maxPlayers", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arena.game.coinrush.maxPlayers must be an integer in 1..1000: 'lots'");
        assertThatThrownBy(() -> Settings.read(GAME, Map.of("arena.game.coinrush.roundSeconds", "0")))
                .hasMessage("arena.game.coinrush.roundSeconds must be a number in 1..3600: '0'");
        assertThatThrownBy(() -> Settings.read(GAME, Map.of("arena.game.coinrush.roundSecs", "5")))
                .hasMessageStartingWith("unknown setting arena.game.coinrush.roundSecs; coinrush has [mapWidth,");
    }

    @Test
    void asPropertiesReadsBackToTheSameSettingsExactly() {
        Settings s = Settings.read(GAME, Map.of("arena.game.coinrush.damping", Double.toString(1.0 / 3)));
        Settings again = Settings.read(GAME, s.asProperties());
        assertThat(again).isEqualTo(s);
        assertThat(again.decimal(CoinRushGame.DAMPING)).isEqualTo(1.0 / 3);
    }

    @Test
    void aSettingOfAnotherGameIsRefused() {
        Settings s = Settings.defaults(GAME);
        assertThatThrownBy(() -> s.integer(Setting.integer("maxPlayers", 1, 9, 2, "another game's")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
