package dev.arena.server.room;

import dev.arena.spi.Game;
import dev.arena.spi.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The games a server offers, by name, each with its checked {@link Settings} (from the properties
 * {@code arena.game.<name>.<key>}), and the default game of a {@code join} that names none ({@code arena.defaultGame},
 * default {@code dots}). The games are found through {@link ServiceLoader} ({@code META-INF/services/dev.arena.spi.Game})
 * on every server; where CDI runs (Payara, WildFly) the {@code Game} beans it knows are added ({@link #with}). A
 * property of an unknown game, a setting a game does not declare, a value that does not parse, a default game that is
 * not offered and two games of one name each stop the start with a message naming the property. Immutable.
 */
public final class Games {
    public static final String DEFAULT_GAME = "arena.defaultGame";
    private static final String PREFIX = "arena.game.";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,31}");
    private final Map<String, Game> byName = new LinkedHashMap<>();
    private final Map<String, Settings> settings = new LinkedHashMap<>();
    private final Map<String, String> properties;
    private final String defaultGame;

    private Games(Collection<Game> games, String defaultGame, Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
        this.defaultGame = defaultGame;
        for (Game g : games) {
            if (!NAME.matcher(g.name()).matches()) {
                throw new IllegalArgumentException("a game's name must be 1-32 of a-z0-9, starting with a letter: '"
                        + g.name() + "' (" + g.getClass().getName() + ")");
            }
            Game before = byName.putIfAbsent(g.name(), g);
            if (before != null && before.getClass() != g.getClass()) {
                throw new IllegalArgumentException("two games are named '" + g.name() + "': "
                        + before.getClass().getName() + " and " + g.getClass().getName());
            }
        }
        for (String key : new TreeMap<>(properties).keySet()) {
            String rest = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : "";
            if (!rest.isEmpty() && !byName.containsKey(rest.split("\\.", 2)[0])) {
                throw new IllegalArgumentException("unknown game in " + key + "; the games are " + byName.keySet());
            }
        }
        for (Game g : byName.values()) {
            settings.put(g.name(), Settings.read(g, properties));
        }
        if (!byName.containsKey(defaultGame)) {
            throw new IllegalArgumentException(DEFAULT_GAME + " must be one of " + byName.keySet() + ": '"
                    + defaultGame + "'");
        }
    }

    /** The games {@link ServiceLoader} finds, in the order of their service files. */
    public static List<Game> serviceLoaded() {
        List<Game> games = new ArrayList<>();
        ServiceLoader.load(Game.class, Game.class.getClassLoader()).forEach(games::add);
        return games;
    }

    /** The service-loaded games, every setting at its default, dots by default. */
    public static Games standard() {
        return new Games(serviceLoaded(), "dots", Map.of());
    }

    /** The service-loaded games with {@code defaultGame} and the {@code arena.game.*} {@code properties}. */
    public static Games of(String defaultGame, Map<String, String> properties) {
        return new Games(serviceLoaded(), defaultGame, properties);
    }

    /**
     * Reads {@code arena.defaultGame} and every declared setting of every service-loaded game from {@code lookup}
     * (a system property or else its environment variable: {@code ARENA_GAME_COINRUSH_ROUND_SECONDS}), plus the
     * {@code arena.game.*} keys among {@code moreKeys} (the system properties, so that a typo stops the start).
     */
    public static Games from(UnaryOperator<String> lookup, Set<String> moreKeys) {
        List<Game> games = serviceLoaded();
        Map<String, String> props = new LinkedHashMap<>();
        for (Game g : games) {
            for (var s : g.settings()) {
                String key = Settings.prefix(g.name()) + s.key();
                String value = lookup.apply(key);
                if (value != null) {
                    props.put(key, value.trim());
                }
            }
        }
        for (String key : moreKeys) {
            String value = key.startsWith(PREFIX) ? lookup.apply(key) : null;
            if (value != null) {
                props.putIfAbsent(key, value.trim());
            }
        }
        String fallback = lookup.apply(DEFAULT_GAME);
        return new Games(games, fallback == null || fallback.isBlank() ? "dots" : fallback.trim(), props);
    }

    /** These games and {@code more} (e.g. CDI's {@code Game} beans); a game found both ways counts once. */
    public Games with(Collection<Game> more) {
        List<Game> all = new ArrayList<>(byName.values());
        all.addAll(more);
        return new Games(all, defaultGame, properties);
    }

    /** These games with other settings ({@code arena.game.*}) and default game. */
    public Games with(String newDefault, Map<String, String> newProperties) {
        return new Games(byName.values(), newDefault, newProperties);
    }

    /** The game named {@code name}, or null. */
    public Game game(String name) {
        return byName.get(name);
    }

    /** A game's settings (it must be one of these games). */
    public Settings settings(Game game) {
        return settings.get(game.name());
    }

    public String defaultGame() {
        return defaultGame;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The same games (by name and class), default game and settings. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Games g && g.defaultGame.equals(defaultGame) && g.properties.equals(properties)
                && g.byName.keySet().equals(byName.keySet()) && byName.keySet().stream()
                        .allMatch(n -> g.byName.get(n).getClass() == byName.get(n).getClass());
    }

    @Override
    public int hashCode() {
        return byName.keySet().hashCode() * 31 + defaultGame.hashCode();
    }

    @Override
    public String toString() {
        return "games " + byName.keySet() + ", default " + defaultGame + ", " + properties;
    }
}
