package dev.arena.games.dots;

import dev.arena.game.Colour;
import dev.arena.game.Command;
import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.Vec2;
import dev.arena.game.WorldSnapshot;
import dev.arena.spi.Admission;
import dev.arena.spi.GameImage;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Rng;
import dev.arena.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dots room's game, as the dots room's server code (its seats, its protocol-version-1 snapshots, party mode) sees
 * it: a {@link Match} of {@link DotsGame}, so the rules run on the SPI ({@link DotsSimulation}: spawn, colour, name,
 * held inputs, {@link dev.arena.game.Movement}), plus the random 31-bit player ids that protocol version 1 gives,
 * which are the server's and not the game's: they come from a generator of their own, captured with the match
 * ({@link #capture}), so a restored world gives the same next ids. Not thread-safe: the room's tick owns it. There is
 * no clock: a step is always {@link Rules#dt()} long.
 */
public final class World {
    private static final DotsGame GAME = new DotsGame();
    /** The values of a move input per held direction, made once: a steer allocates only its input record. */
    private static final List<Object>[] MOVES = moves();
    /** How far {@link #snapshot} looks past the previous entry for a player's previous state (players who left). */
    private static final int REUSE_WINDOW = 16;

    private final Rules rules;
    private final Rng ids;
    private final Match match;
    private final Table players;
    /** The last snapshot's players, in the table's order: what a player's new state may share with its last one. */
    private List<PlayerState> last = List.of();
    /** Where {@link #snapshot} looks in {@link #last} for the next player's last state. */
    private int reuseAt;

    /** A new, empty world; {@code seed} decides the ids, spawn points and colours. */
    public World(Rules rules, long seed) {
        this(rules, new Rng(seed), null);
    }

    private World(Rules rules, Rng ids, Match match) {
        this.rules = rules;
        this.ids = ids;
        this.match = match != null ? match
                : Match.start(GAME, DotsGame.settings(rules), rules.tickRate(), ids.nextLong());
        this.players = this.match.state().table(DotsGame.PLAYER);
    }

    /** Everything of this world at a tick boundary: the id generator and the match ({@link Match#capture}). */
    public record Image(long ids, GameImage match) {}

    public Image capture() {
        return new Image(ids.state(), match.capture());
    }

    /** A world that continues exactly where the captured one stopped. */
    public static World restore(Image image) {
        Match m = Match.restore(GAME, image.match());
        return new World(DotsGame.rules(m.settings(), m.tickRate()), Rng.restore(image.ids()), m);
    }

    /** The match this world plays (for the server's checks of a restored room; the world drives it). */
    public Match match() {
        return match;
    }

    public Rules rules() {
        return rules;
    }

    public long tick() {
        return match.tick();
    }

    public int size() {
        return players.size();
    }

    public boolean isEmpty() {
        return players.size() == 0;
    }

    /**
     * Adds a player with a fresh random id, a random spawn point inside the map, a colour unlike the others' and the
     * cleaned requested name (default "Player N", N counting the joins of this world).
     */
    public PlayerState join(String requestedName) {
        int id;
        do {
            id = 1 + ids.nextInt(Integer.MAX_VALUE - 1);
        } while (match.admitted(id));
        if (!(match.join(id, requestedName) instanceof Admission.Admitted)) {
            throw new IllegalStateException("dots refused a join"); // DotsSimulation admits everyone
        }
        return state(id);
    }

    /** Removes a player; returns whether it was there. */
    public boolean leave(PlayerId id) {
        if (!match.admitted(id.value())) {
            return false;
        }
        match.leave(id.value());
        return true;
    }

    /**
     * Sets the directions a player holds, from its input number {@code seq}. Inputs older than the newest applied one
     * are ignored (they arrived out of order; {@link Match#input}), so the player only ever holds its latest input.
     * Returns whether the input was applied.
     */
    public boolean steer(PlayerId id, long seq, Input input) {
        return match.input(id.value(), new PlayerInput(DotsGame.MOVE, seq, MOVES[(input.dx() + 1) * 3 + input.dy() + 1]));
    }

    /**
     * The player holds nothing from now on, and its input numbering starts over: the next input with any {@code seq}
     * of at least 1 is applied. For a player whose client went away (it stands still) and came back on a new
     * connection (which numbers its inputs afresh). Returns whether the player was there.
     */
    public boolean release(PlayerId id) {
        if (!match.admitted(id.value())) {
            return false;
        }
        match.idle(id.value());
        return true;
    }

    /** Applies a command: the same as calling {@link #leave} or {@link #steer} directly. */
    public void apply(Command command) {
        if (command instanceof Command.Steer s) {
            steer(s.id(), s.seq(), s.input());
        } else if (command instanceof Command.Leave l) {
            leave(l.id());
        }
    }

    /**
     * Advances the world by one fixed step: every player moves by {@link dev.arena.game.Movement#step} ({@code speed
     * * dt} in its held direction, diagonals as fast as straight lines, inside the map). Returns the new tick number.
     */
    public long step() {
        return match.step();
    }

    public Optional<PlayerState> player(PlayerId id) {
        return players.has(id.value()) ? Optional.of(state(id.value())) : Optional.empty();
    }

    /**
     * The players' states at this tick, in the order they joined. A state shares what did not change with the
     * player's state in the previous snapshot (its id, colour, position; the whole state for a player who neither
     * moved nor sent an input), so that a snapshot of players standing still allocates only its list.
     */
    public WorldSnapshot snapshot() {
        List<PlayerState> states = new ArrayList<>(players.size());
        reuseAt = 0; // the table keeps its order, so a player's last state is at or just after the last one found
        players.forEach(id -> {
            PlayerState was = null;
            for (int k = reuseAt; k < last.size() && k < reuseAt + REUSE_WINDOW; k++) {
                if (last.get(k).id().value() == id) {
                    was = last.get(k);
                    reuseAt = k + 1;
                    break;
                }
            }
            states.add(state(id, was));
        });
        last = states;
        return new WorldSnapshot(match.tick(), states);
    }

    private PlayerState state(int id) {
        return state(id, null);
    }

    /** The player's state now, sharing with {@code was} (its last one, or null) each part that is equal. */
    private PlayerState state(int id, PlayerState was) {
        String name = players.text(id, DotsGame.NAME_FIELD);
        int hue = (int) players.integer(id, DotsGame.HUE);
        double x = players.decimal(id, DotsGame.X);
        double y = players.decimal(id, DotsGame.Y);
        Input input = Input.of((int) players.integer(id, DotsGame.DX), (int) players.integer(id, DotsGame.DY));
        long ack = match.ack(id);
        if (was == null) {
            return new PlayerState(new PlayerId(id), name, new Colour(hue), new Vec2(x, y), input, ack);
        }
        Vec2 at = Double.compare(was.position().x(), x) == 0 && Double.compare(was.position().y(), y) == 0 ? was.position() : new Vec2(x, y);
        if (at == was.position() && was.input() == input && was.lastSeq() == ack && was.name().equals(name)
                && was.colour().hue() == hue) {
            return was;
        }
        return new PlayerState(was.id(), name, was.colour().hue() == hue ? was.colour() : new Colour(hue), at, input,
                ack);
    }

    private static List<Object>[] moves() {
        @SuppressWarnings("unchecked")
        List<Object>[] moves = new List[9];
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                moves[(dx + 1) * 3 + dy + 1] = List.of((long) dx, (long) dy);
            }
        }
        return moves;
    }
}
