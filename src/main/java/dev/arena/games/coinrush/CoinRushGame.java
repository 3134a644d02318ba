package dev.arena.games.coinrush;

import dev.arena.game.PlayerName;
import dev.arena.spi.Field;
import dev.arena.spi.Game;
import dev.arena.spi.Kind;
import dev.arena.spi.MessageType;
import dev.arena.spi.Schema;
import dev.arena.spi.Setting;
import dev.arena.spi.Settings;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import dev.arena.spi.Visibility;
import java.util.List;

/** Coin rush: catch the coins before the others do; the best score when the round's time is up wins. */
public final class CoinRushGame implements Game {
    public static final String NAME = "coinrush";
    static final double MAX_SIZE = 100_000;

    public static final Setting WIDTH = Setting.integer("mapWidth", 100, (long) MAX_SIZE, 800, "map width");
    public static final Setting HEIGHT = Setting.integer("mapHeight", 100, (long) MAX_SIZE, 600, "map height");
    public static final Setting ROUND_SECONDS = Setting.decimal("roundSeconds", 1, 3600, 60, "length of a round");
    public static final Setting RESULTS_SECONDS = Setting.decimal("resultsSeconds", 0.5, 600, 8,
            "how long the scoreboard shows between rounds");
    public static final Setting MAX_PLAYERS = Setting.integer("maxPlayers", 1, 1000, 8, "players in one room");
    public static final Setting MAX_COINS = Setting.integer("maxCoins", 1, 10_000, 10, "coins on the map at once");
    public static final Setting SPAWN_SECONDS = Setting.decimal("spawnSeconds", 0.05, 60, 0.75,
            "time between two new coins");
    public static final Setting COIN_SECONDS = Setting.decimal("coinSeconds", 0.5, 600, 8, "a coin's life");
    public static final Setting STREAK_SECONDS = Setting.decimal("streakSeconds", 0, 60, 2,
            "a coin caught this soon after the last one extends the streak");
    public static final Setting RADIUS = Setting.decimal("radius", 1, 1000, 12, "player radius");
    public static final Setting COIN_RADIUS = Setting.decimal("coinRadius", 1, 1000, 8, "coin radius");
    public static final Setting ACCELERATION = Setting.decimal("acceleration", 0, 1e6, 1200, "units/s^2 when held");
    public static final Setting MAX_SPEED = Setting.decimal("maxSpeed", 0, 1e5, 260, "units per second");
    public static final Setting DAMPING = Setting.decimal("damping", 0, 1, 0.86, "velocity kept per step");

    /** Phases of a round. */
    public enum Stage { playing, results }

    private static final Kind.Builder P = Kind.builder("player");
    public static final Field X = P.decimal("x", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field Y = P.decimal("y", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field VX = P.decimal("vx", -MAX_SIZE, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field VY = P.decimal("vy", -MAX_SIZE, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field DX = P.integer("dx", -1, 1, Visibility.EVERYONE);
    public static final Field DY = P.integer("dy", -1, 1, Visibility.EVERYONE);
    public static final Field PLAYER_NAME = P.text("name", PlayerName.MAX_UNITS, Visibility.EVERYONE);
    public static final Field HUE = P.integer("hue", 0, 359, Visibility.EVERYONE);
    public static final Field SCORE = P.integer("score", 0, Integer.MAX_VALUE, Visibility.EVERYONE);
    /** Coins caught in quick succession: only its owner sees it (the hidden per-player field). */
    public static final Field STREAK = P.integer("streak", 0, Integer.MAX_VALUE, Visibility.OWNER);
    static final Field LAST_CATCH = P.integer("lastCatch", -1, Long.MAX_VALUE >> 13, Visibility.HIDDEN);
    public static final Kind PLAYER = P.position(X, Y).build();

    private static final Kind.Builder C = Kind.builder("coin");
    public static final Field COIN_X = C.decimal("x", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field COIN_Y = C.decimal("y", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    /** The tick the coin vanishes at, so pages can let it fade. */
    public static final Field EXPIRES = C.integer("expires", 0, Long.MAX_VALUE >> 13, Visibility.EVERYONE);
    public static final Kind COIN = C.position(COIN_X, COIN_Y).build();

    private static final Kind.Builder R = Kind.builder("round");
    public static final Field STAGE = R.choice("stage", Stage.class, Visibility.EVERYONE);
    public static final Field ROUND = R.integer("number", 0, Integer.MAX_VALUE, Visibility.EVERYONE);
    /** Ticks left in the stage: the timer pages show. */
    public static final Field LEFT = R.integer("left", 0, Long.MAX_VALUE >> 13, Visibility.EVERYONE);
    static final Field SPAWN_IN = R.integer("spawnIn", 0, Long.MAX_VALUE >> 13, Visibility.HIDDEN);
    static final Field JOINS = R.integer("joins", 0, Integer.MAX_VALUE, Visibility.HIDDEN);
    public static final Kind ROUND_KIND = R.build();

    private static final MessageType.Builder M = MessageType.builder("move");
    public static final Field MOVE_DX = M.integer("dx", -1, 1);
    public static final Field MOVE_DY = M.integer("dy", -1, 1);
    public static final MessageType MOVE = M.build();

    private static final MessageType.Builder E1 = MessageType.builder("coinCollected");
    public static final Field COLLECTED_COIN = E1.integer("coin", 1, Integer.MAX_VALUE);
    public static final Field COLLECTED_BY = E1.integer("player", 1, Integer.MAX_VALUE);
    public static final Field COLLECTED_POINTS = E1.integer("points", 1, 1000);
    public static final MessageType COIN_COLLECTED = E1.build();

    private static final MessageType.Builder E2 = MessageType.builder("streak");
    public static final Field STREAK_LENGTH = E2.integer("length", 2, Integer.MAX_VALUE);
    public static final MessageType STREAK_EVENT = E2.build();

    private static final MessageType.Builder E3 = MessageType.builder("roundOver");
    public static final Field OVER_ROUND = E3.integer("round", 1, Integer.MAX_VALUE);
    public static final Field OVER_BEST = E3.integer("best", 0, Integer.MAX_VALUE);
    public static final MessageType ROUND_OVER = E3.build();

    private static final MessageType.Builder E4 = MessageType.builder("youWon");
    public static final Field WON_POINTS = E4.integer("points", 0, Integer.MAX_VALUE);
    public static final MessageType YOU_WON = E4.build();

    private static final Schema SCHEMA = new Schema(List.of(PLAYER, COIN, ROUND_KIND), List.of(MOVE),
            List.of(COIN_COLLECTED, STREAK_EVENT, ROUND_OVER, YOU_WON));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Setting> settings() {
        return List.of(WIDTH, HEIGHT, ROUND_SECONDS, RESULTS_SECONDS, MAX_PLAYERS, MAX_COINS, SPAWN_SECONDS,
                COIN_SECONDS, STREAK_SECONDS, RADIUS, COIN_RADIUS, ACCELERATION, MAX_SPEED, DAMPING);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Simulation create(Setup setup) {
        return new CoinRushSimulation(setup);
    }

    /** The motion parameters of a room's settings. */
    public static CoinRushRule.Motion motion(Settings s) {
        return new CoinRushRule.Motion(s.integer(WIDTH), s.integer(HEIGHT), s.decimal(RADIUS), s.decimal(COIN_RADIUS),
                s.decimal(ACCELERATION), s.decimal(MAX_SPEED), s.decimal(DAMPING));
    }
}
