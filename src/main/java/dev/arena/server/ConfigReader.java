package dev.arena.server;

import dev.arena.game.Rules;
import dev.arena.server.room.Games;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads an {@link ArenaConfig} from named settings ({@code arena.tickRate}; {@code arena.game.<name>.<key>} for the
 * games): each value parsed as its setting's type, unset ones at {@link ArenaConfig#DEFAULT}'s value, and one that
 * does not parse an {@link IllegalArgumentException} naming the setting. Also names each setting's environment
 * variable.
 */
final class ConfigReader {
    private ConfigReader() {}

    /** The settings {@code lookup} has (null: unset, the default); {@code gameKeys}: more names it knows. */
    static ArenaConfig read(UnaryOperator<String> lookup, Set<String> gameKeys) {
        ArenaConfig defaults = ArenaConfig.DEFAULT;
        Rules d = defaults.rules();
        Rules rules = new Rules(
                integer(lookup, "arena.mapWidth", d.width()),
                integer(lookup, "arena.mapHeight", d.height()),
                integer(lookup, "arena.tickRate", d.tickRate()),
                decimal(lookup, "arena.speed", d.speed()),
                decimal(lookup, "arena.radius", d.radius()));
        return new ArenaConfig(
                rules,
                integer(lookup, "arena.maxPlayersPerRoom", defaults.maxPlayersPerRoom()),
                integer(lookup, "arena.maxRooms", defaults.maxRooms()),
                defaults.defaultRoom(),
                seconds(lookup, "arena.resumeGraceSeconds", defaults.resumeGrace()),
                seconds(lookup, "arena.idleTimeoutSeconds", defaults.idleTimeout()),
                seconds(lookup, "arena.slowConsumerSeconds", defaults.slowConsumerTimeout()),
                integer(lookup, "arena.maxMessagesPerSecond", defaults.maxMessagesPerSecond()),
                integer(lookup, "arena.messageBurst", defaults.messageBurst()),
                integer(lookup, "arena.maxConnectionsPerAddress", defaults.maxConnectionsPerAddress()),
                setting(lookup, "arena.allowedOrigins", defaults.allowedOrigins(), ConfigReader::origins, "a list"),
                integer(lookup, "arena.viewDistance", defaults.viewDistance()),
                integer(lookup, "arena.maxRoomsPerAddress", defaults.maxRoomsPerAddress()),
                integer(lookup, "arena.roomsPerAddressPerMinute", defaults.roomsPerAddressPerMinute()),
                integer(lookup, "arena.maxSeatsPerAddress", defaults.maxSeatsPerAddress()),
                Games.from(lookup, gameKeys));
    }

    /** {@code arena.maxPlayersPerRoom} becomes {@code ARENA_MAX_PLAYERS_PER_ROOM}. */
    static String envName(String key) {
        return key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static List<String> origins(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int integer(UnaryOperator<String> lookup, String key, int fallback) {
        return setting(lookup, key, fallback, Integer::valueOf, "a whole number");
    }

    private static double decimal(UnaryOperator<String> lookup, String key, double fallback) {
        return setting(lookup, key, fallback, Double::valueOf, "a number");
    }

    private static Duration seconds(UnaryOperator<String> lookup, String key, Duration fallback) {
        double s = setting(lookup, key, fallback.toMillis() / 1000.0, Double::valueOf, "a number of seconds");
        if (!Double.isFinite(s) || s < 0 || s > 86_400) {
            throw new IllegalArgumentException(key + " must be a number of seconds: '" + s + "'");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static <T> T setting(
            UnaryOperator<String> lookup, String key, T fallback, Function<String, T> parse, String expected) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + expected + ": '" + value + "'");
        }
    }
}
