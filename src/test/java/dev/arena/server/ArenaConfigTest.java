package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.game.Rules;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArenaConfigTest {
    @Test
    void unsetMeansDefaults() {
        assertThat(ArenaConfig.from(key -> null)).isEqualTo(ArenaConfig.DEFAULT);
        assertThat(ArenaConfig.DEFAULT.rules()).isEqualTo(new Rules(500, 500, 20, 200, 10));
    }

    @Test
    void readsEverySetting() {
        Map<String, String> values = Map.of(
                "arena.mapWidth", "800", "arena.mapHeight", " 600 ", "arena.tickRate", "30", "arena.speed", "150.5",
                "arena.radius", "8", "arena.maxPlayersPerRoom", "5000", "arena.maxRooms", "7");
        ArenaConfig config = ArenaConfig.from(values::get);
        assertThat(config.rules()).isEqualTo(new Rules(800, 600, 30, 150.5, 8));
        assertThat(config.maxPlayersPerRoom()).isEqualTo(5000);
        assertThat(config.maxRooms()).isEqualTo(7);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.tickRate") ? "fast" : null))
                .hasMessage("arena.tickRate must be a whole number: 'fast'");
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.tickRate") ? "0" : null))
                .hasMessageContaining("tick rate must be 1..1000 Hz");
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.speed") ? "NaN" : null))
                .hasMessageContaining("speed must be a finite non-negative number");
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.maxRooms") ? "0" : null))
                .hasMessageContaining("arena.maxRooms must be at least 1");
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertThat(ArenaConfig.envName("arena.maxPlayersPerRoom")).isEqualTo("ARENA_MAX_PLAYERS_PER_ROOM");
        assertThat(ArenaConfig.envName("arena.tickRate")).isEqualTo("ARENA_TICK_RATE");
    }
}
