package dev.arena.spi;

import com.carrotsearch.hppc.IntLongHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The framework's side of one room's game: what the server calls, and the order it calls it in, as code. It owns the
 * state, the random generator, the tick number and the newest input {@code seq} per player; it drops inputs that are
 * older than the newest passed on (they arrived out of order) and inputs of players not admitted. Owned by the
 * room's tick thread; not thread-safe. The server's own part of a room (connections, seats, tokens, the inbox) stays
 * in the server.
 */
public final class Match {
    private final Game game;
    private final Settings settings;
    private final int tickRate;
    private final Rng random;
    private final State state;
    private final Events events;
    private final Simulation simulation;
    /**
     * The newest seq passed on per admitted player (a key: the player is admitted): an int-to-long map, so an input
     * or ack of a player is one probe of flat arrays and allocates nothing.
     */
    private final IntLongHashMap acks = new IntLongHashMap();
    private long tick;

    private Match(Game game, Settings settings, int tickRate, Rng random, State state, long tick,
            Map<Integer, Long> acks) {
        this.game = game;
        this.settings = settings;
        this.tickRate = tickRate;
        this.random = random;
        this.state = state;
        this.events = new Events(game.schema());
        this.tick = tick;
        acks.forEach((player, seq) -> this.acks.put(player, seq));
        this.simulation = game.create(new Setup(settings, random, state, events, tickRate));
    }

    /** A new room of {@code game}: empty state, tick 0, a generator seeded with {@code seed}. */
    public static Match start(Game game, Settings settings, int tickRate, long seed) {
        return new Match(game, settings, tickRate, new Rng(seed), new State(game.schema()), 0, Map.of());
    }

    /** A room that continues where the captured one stopped: the same state, tick, generator and acks. */
    public static Match restore(Game game, GameImage image) {
        if (!image.game().equals(game.name())) {
            throw new IllegalArgumentException("an image of " + image.game() + ", not of " + game.name());
        }
        Match m = new Match(game, Settings.read(game, image.settings()), image.tickRate(), Rng.restore(image.random()),
                State.restore(game.schema(), image.state()), image.tick(), image.acks());
        m.simulation.restored();
        return m;
    }

    /** The game's part of the room at this tick boundary (between two ticks; no events pending). */
    public GameImage capture() {
        if (events.pending() > 0) {
            throw new IllegalStateException(events.pending() + " events are pending: drain them before a capture");
        }
        Map<Integer, Long> seqs = new HashMap<>();
        for (var cursor : acks) {
            seqs.put(cursor.key, cursor.value);
        }
        return new GameImage(game.name(), settings.asProperties(), tickRate, tick, random.state(), seqs,
                state.capture());
    }

    public Admission join(int player, String requestedName) {
        if (player <= 0 || acks.containsKey(player)) {
            throw new IllegalArgumentException("player ids are positive and unique in the room: " + player);
        }
        Admission a = simulation.join(player, requestedName);
        if (a instanceof Admission.Admitted) {
            acks.put(player, 0);
        }
        return a;
    }

    public void leave(int player) {
        int at = acks.indexOf(player);
        if (acks.indexExists(at)) {
            acks.indexRemove(at);
            simulation.leave(player);
        }
    }

    /** The player's client went away or came back on a new connection: it holds nothing; its seq starts over. */
    public void idle(int player) {
        int at = acks.indexOf(player);
        if (acks.indexExists(at)) {
            acks.indexReplace(at, 0);
            simulation.idle(player);
        }
    }

    /** Passes an input on unless it is older than the newest passed on; returns whether it was. */
    public boolean input(int player, PlayerInput input) {
        int at = acks.indexOf(player);
        if (!acks.indexExists(at) || input.seq() <= acks.indexGet(at)) {
            return false;
        }
        acks.indexReplace(at, input.seq());
        simulation.input(player, input);
        return true;
    }

    /** One fixed step; returns the new tick number. */
    public long step() {
        simulation.step(tick + 1, 1.0 / tickRate);
        return ++tick;
    }

    /** The events of the calls since the last drain, for the server to send after this tick's state. */
    public List<Event> drainEvents() {
        return events.drain();
    }

    public long tick() {
        return tick;
    }

    /** The newest input seq passed on for a player (0: none yet, or not in the room): the {@code ack} it is sent. */
    public long ack(int player) {
        return acks.get(player); // 0 when absent
    }

    public boolean admitted(int player) {
        return acks.containsKey(player);
    }

    public Phase phase() {
        return simulation.phase();
    }

    public List<Score> scores() {
        return simulation.scores();
    }

    /** The state, for the encoder (read it; only the simulation writes it). */
    public State state() {
        return state;
    }

    public Game game() {
        return game;
    }

    public Settings settings() {
        return settings;
    }

    public int tickRate() {
        return tickRate;
    }
}
