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
    void readsEveryLimit() {
        Map<String, String> values = Map.of(
                "arena.resumeGraceSeconds", "0", "arena.idleTimeoutSeconds", "2.5", "arena.slowConsumerSeconds", "4",
                "arena.maxMessagesPerSecond", "7", "arena.messageBurst", "9", "arena.maxConnectionsPerAddress", "0",
                "arena.allowedOrigins", " https://a.example , http://localhost:3000,, ");
        ArenaConfig config = ArenaConfig.from(values::get);
        assertThat(config.resumeGrace()).isEqualTo(java.time.Duration.ZERO);
        assertThat(config.idleTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(config.slowConsumerTimeout()).isEqualTo(java.time.Duration.ofSeconds(4));
        assertThat(config.maxMessagesPerSecond()).isEqualTo(7);
        assertThat(config.messageBurst()).isEqualTo(9);
        assertThat(config.maxConnectionsPerAddress()).isZero();
        assertThat(config.allowedOrigins()).containsExactly("https://a.example", "http://localhost:3000");
    }

    @Test
    void limitsAreOnByDefault() {
        ArenaConfig d = ArenaConfig.DEFAULT;
        assertThat(d.resumeGrace()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(d.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(d.slowConsumerTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(d.maxMessagesPerSecond()).isEqualTo(50);
        assertThat(d.messageBurst()).isEqualTo(100);
        assertThat(d.maxConnectionsPerAddress()).isEqualTo(32);
        assertThat(d.allowedOrigins()).isEmpty();
        assertThat(ArenaConfig.envName("arena.maxConnectionsPerAddress")).isEqualTo("ARENA_MAX_CONNECTIONS_PER_ADDRESS");
        assertThat(d.maxRoomsPerAddress()).isEqualTo(16);
        assertThat(d.roomsPerAddressPerMinute()).isEqualTo(20);
        assertThat(d.maxSeatsPerAddress()).isEqualTo(64);
    }

    @Test
    void readsThePerAddressQuotaAndTurnsItOff() {
        ArenaConfig config = ArenaConfig.from(Map.of("arena.maxRoomsPerAddress", "3",
                "arena.roomsPerAddressPerMinute", "0", "arena.maxSeatsPerAddress", "9")::get);
        assertThat(config.maxRoomsPerAddress()).isEqualTo(3);
        assertThat(config.roomsPerAddressPerMinute()).isZero();
        assertThat(config.maxSeatsPerAddress()).isEqualTo(9);
        ArenaConfig off = ArenaConfig.DEFAULT.withoutAddressLimits();
        assertThat(off.maxConnectionsPerAddress() + off.maxRoomsPerAddress() + off.roomsPerAddressPerMinute()
                + off.maxSeatsPerAddress()).isZero();
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.maxSeatsPerAddress") ? "-1" : null))
                .hasMessageContaining("arena.maxSeatsPerAddress");
    }

    @Test
    void badLimitsNameTheSetting() {
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.idleTimeoutSeconds") ? "0" : null))
                .hasMessageContaining("arena.idleTimeoutSeconds");
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.messageBurst") ? "0" : null))
                .hasMessageContaining("arena.messageBurst must be at least 1");
        assertThatThrownBy(() -> ArenaConfig.from(k -> k.equals("arena.resumeGraceSeconds") ? "soon" : null))
                .hasMessageContaining("arena.resumeGraceSeconds must be a number of seconds");
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
