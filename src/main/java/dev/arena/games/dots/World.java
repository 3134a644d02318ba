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

    private final Rules rules;
    private final Rng ids;
    private final Match match;
    private final Table players;

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
        return match.input(id.value(), PlayerInput.of(DotsGame.MOVE, seq, (long) input.dx(), (long) input.dy()));
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

    public WorldSnapshot snapshot() {
        int[] all = players.ids();
        List<PlayerState> states = new ArrayList<>(all.length);
        for (int id : all) {
            states.add(state(id));
        }
        return new WorldSnapshot(match.tick(), states);
    }

    private PlayerState state(int id) {
        return new PlayerState(new PlayerId(id), players.text(id, DotsGame.NAME_FIELD),
                new Colour((int) players.integer(id, DotsGame.HUE)),
                new Vec2(players.decimal(id, DotsGame.X), players.decimal(id, DotsGame.Y)),
                new Input((int) players.integer(id, DotsGame.DX), (int) players.integer(id, DotsGame.DY)),
                match.ack(id));
    }
}
