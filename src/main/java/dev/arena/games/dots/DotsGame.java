package dev.arena.games.dots;

import dev.arena.game.Rules;
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
import java.util.Map;

/** Moving dots: the game Arena has always played, declared on the SPI. */
public final class DotsGame implements Game {
    public static final String NAME = "dots";
    static final double MAX_SIZE = 1_000_000;

    static final Setting WIDTH = Setting.integer("mapWidth", 1, (long) MAX_SIZE, Rules.DEFAULT.width(), "map width");
    static final Setting HEIGHT = Setting.integer("mapHeight", 1, (long) MAX_SIZE, Rules.DEFAULT.height(), "map height");
    static final Setting SPEED = Setting.decimal("speed", 0, 1e6, Rules.DEFAULT.speed(), "map units per second");
    static final Setting RADIUS = Setting.decimal("radius", 0, MAX_SIZE / 2, Rules.DEFAULT.radius(), "dot radius");

    private static final Kind.Builder P = Kind.builder("player");
    public static final Field X = P.decimal("x", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    public static final Field Y = P.decimal("y", 0, MAX_SIZE, 100, Visibility.EVERYONE);
    /** The held direction: clients move the dots between deltas by the rule, as the server does. */
    public static final Field DX = P.integer("dx", -1, 1, Visibility.EVERYONE);
    public static final Field DY = P.integer("dy", -1, 1, Visibility.EVERYONE);
    public static final Field NAME_FIELD = P.text("name", PlayerName.MAX_UNITS, Visibility.EVERYONE);
    public static final Field HUE = P.integer("hue", 0, 359, Visibility.EVERYONE);
    public static final Kind PLAYER = P.position(X, Y).build();

    /** The room's own bookkeeping: one entity (id 1), seen by nobody. */
    private static final Kind.Builder R = Kind.builder("room").visibleTo(Visibility.HIDDEN);
    static final Field JOINS = R.integer("joins", 0, Integer.MAX_VALUE, Visibility.HIDDEN);
    static final Kind ROOM = R.build();

    private static final MessageType.Builder M = MessageType.builder("move");
    public static final Field MOVE_DX = M.integer("dx", -1, 1);
    public static final Field MOVE_DY = M.integer("dy", -1, 1);
    public static final MessageType MOVE = M.build();

    private static final Schema SCHEMA = new Schema(List.of(PLAYER, ROOM), List.of(MOVE), List.of());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Setting> settings() {
        return List.of(WIDTH, HEIGHT, SPEED, RADIUS);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Simulation create(Setup setup) {
        return new DotsSimulation(rules(setup.settings(), setup.tickRate()), setup);
    }

    /** The settings that give these movement parameters (the tick rate is the match's own). */
    public static Settings settings(Rules rules) {
        String p = Settings.prefix(NAME);
        return Settings.read(new DotsGame(), Map.of(p + WIDTH.key(), Integer.toString(rules.width()),
                p + HEIGHT.key(), Integer.toString(rules.height()), p + SPEED.key(), Double.toString(rules.speed()),
                p + RADIUS.key(), Double.toString(rules.radius())));
    }

    /** The movement parameters of a room (checked: the dot must fit the map). */
    public static Rules rules(Settings s, int tickRate) {
        return new Rules((int) s.integer(WIDTH), (int) s.integer(HEIGHT), tickRate, s.decimal(SPEED), s.decimal(RADIUS));
    }
}
