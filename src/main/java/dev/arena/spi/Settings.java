package dev.arena.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A game's settings for one room, checked: every declared setting has a value of its type. Read from a plain map of
 * properties (what {@code ArenaConfig} reads from system properties and the environment), each as
 * {@code arena.game.<game>.<key>}; a key of the game's namespace that the game does not declare, or a value that
 * does not parse, is an {@link IllegalArgumentException} naming the property, so a typo stops the start. Immutable.
 */
public final class Settings {
    private final String game;
    private final Map<String, Setting> declared = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Settings(String game, List<Setting> settings, Map<String, String> properties) {
        this.game = game;
        String prefix = prefix(game);
        for (Setting s : settings) {
            if (declared.put(s.key(), s) != null) {
                throw new IllegalArgumentException(prefix + s.key() + " is declared twice");
            }
        }
        for (String key : new TreeMap<>(properties).keySet()) {
            if (key.startsWith(prefix) && !declared.containsKey(key.substring(prefix.length()))) {
                throw new IllegalArgumentException("unknown setting " + key + "; " + game + " has " + declared.keySet());
            }
        }
        for (Setting s : settings) {
            String text = properties.get(prefix + s.key());
            if (text == null || text.isBlank()) {
                values.put(s.key(), s.fallback());
                continue;
            }
            try {
                values.put(s.key(), s.type().parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + s.key() + " " + e.getMessage() + ": '" + text + "'");
            }
        }
    }

    /** The property prefix of a game's settings: {@code arena.game.<game>.}. */
    public static String prefix(String game) {
        return "arena.game." + game + ".";
    }

    /** The settings of {@code game} from {@code properties} (any map; keys outside the namespace are ignored). */
    public static Settings read(Game game, Map<String, String> properties) {
        return new Settings(game.name(), game.settings(), properties);
    }

    /** Every setting at its default. */
    public static Settings defaults(Game game) {
        return read(game, Map.of());
    }

    public long integer(Setting s) {
        return (Long) value(s);
    }

    public double decimal(Setting s) {
        return (Double) value(s);
    }

    public boolean bool(Setting s) {
        return (Boolean) value(s);
    }

    public String text(Setting s) {
        return (String) value(s);
    }

    /** The index of a choice setting's value. */
    public int choice(Setting s) {
        return (Integer) value(s);
    }

    /**
     * Every setting as the properties that make these settings again through {@link #read} (for a room's capture).
     * Decimals are written with {@link Double#toString}, which parses back to the same double.
     */
    public Map<String, String> asProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : declared.values()) {
            Object v = values.get(s.key());
            String text = s.type() instanceof FieldType.Choice c ? c.values().get((Integer) v) : String.valueOf(v);
            out.put(prefix(game) + s.key(), text);
        }
        return out;
    }

    private Object value(Setting s) {
        if (declared.get(s.key()) != s) {
            throw new IllegalArgumentException("not a setting of " + game + ": " + s.key());
        }
        return values.get(s.key());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && other.game.equals(game) && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asProperties().toString();
    }
}
