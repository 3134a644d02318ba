package dev.arena.server;

import dev.arena.game.Rules;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Server settings. {@link #fromSystem()} reads each from a system property ({@code -Darena.tickRate=30}) or else
 * an environment variable ({@code ARENA_TICK_RATE=30}); unset means the default. A value that does not parse or is
 * out of range stops the start with a message naming the setting.
 *
 * @param rules map size, tick rate, speed and dot radius of every room
 * @param maxPlayersPerRoom players one room holds; more get {@code room_full}
 * @param maxRooms rooms that may exist at once; a join that would create one more gets {@code too_many_rooms}
 * @param defaultRoom the room of a {@code join} that names none
 */
public record ArenaConfig(Rules rules, int maxPlayersPerRoom, int maxRooms, String defaultRoom) {
    public static final ArenaConfig DEFAULT = new ArenaConfig(Rules.DEFAULT, 200, 1000, "lobby");

    public ArenaConfig {
        if (maxPlayersPerRoom < 1) {
            throw new IllegalArgumentException("arena.maxPlayersPerRoom must be at least 1: " + maxPlayersPerRoom);
        }
        if (maxRooms < 1) {
            throw new IllegalArgumentException("arena.maxRooms must be at least 1: " + maxRooms);
        }
    }

    public ArenaConfig withRules(Rules newRules) {
        return new ArenaConfig(newRules, maxPlayersPerRoom, maxRooms, defaultRoom);
    }

    public ArenaConfig withMaxPlayersPerRoom(int max) {
        return new ArenaConfig(rules, max, maxRooms, defaultRoom);
    }

    public ArenaConfig withMaxRooms(int max) {
        return new ArenaConfig(rules, maxPlayersPerRoom, max, defaultRoom);
    }

    public static ArenaConfig fromSystem() {
        return from(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(envName(key));
        });
    }

    /** Reads settings by their property names ({@code arena.tickRate}); {@code lookup} returns null for unset. */
    public static ArenaConfig from(UnaryOperator<String> lookup) {
        Rules d = DEFAULT.rules();
        Rules rules = new Rules(
                integer(lookup, "arena.mapWidth", d.width()),
                integer(lookup, "arena.mapHeight", d.height()),
                integer(lookup, "arena.tickRate", d.tickRate()),
                decimal(lookup, "arena.speed", d.speed()),
                decimal(lookup, "arena.radius", d.radius()));
        return new ArenaConfig(
                rules,
                integer(lookup, "arena.maxPlayersPerRoom", DEFAULT.maxPlayersPerRoom()),
                integer(lookup, "arena.maxRooms", DEFAULT.maxRooms()),
                DEFAULT.defaultRoom());
    }

    /** {@code arena.maxPlayersPerRoom} becomes {@code ARENA_MAX_PLAYERS_PER_ROOM}. */
    static String envName(String key) {
        return key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static int integer(UnaryOperator<String> lookup, String key, int fallback) {
        return setting(lookup, key, fallback, Integer::valueOf, "a whole number");
    }

    private static double decimal(UnaryOperator<String> lookup, String key, double fallback) {
        return setting(lookup, key, fallback, Double::valueOf, "a number");
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
