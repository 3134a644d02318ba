package dev.arena.games.dots;

import dev.arena.game.Colour;
import dev.arena.game.Input;
import dev.arena.game.Movement;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerName;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.game.Vec2;
import dev.arena.game.WorldSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The dots {@code World} as it was before it ran on the SPI (commit 9306e55), kept only so that {@link WorldBench}
 * can time the two side by side in one JVM. Not used by the server. One room's simulation: players, their held inputs, and the fixed-step movement rule. Not thread-safe: one thread
 * (the room's tick) owns it. Randomness (ids, spawn points, colours) comes from the generator passed in; there is no
 * clock, a step is always {@link Rules#dt()} long.
 */
final class WorldBefore {
    private final Rules rules;
    private final RandomGenerator random;
    private final Map<PlayerId, Player> players = new LinkedHashMap<>();
    private long tick;
    private int joins;

    WorldBefore(Rules rules, RandomGenerator random) {
        this.rules = rules;
        this.random = random;
    }

    public Rules rules() {
        return rules;
    }

    public long tick() {
        return tick;
    }

    public int size() {
        return players.size();
    }

    public boolean isEmpty() {
        return players.isEmpty();
    }

    /**
     * Adds a player with a fresh random id, a random spawn point inside the map, a colour unlike the others' and the
     * cleaned requested name (default "Player N", N counting the joins of this world).
     */
    public PlayerState join(String requestedName) {
        joins++;
        PlayerId id;
        do {
            id = new PlayerId(1 + random.nextInt(Integer.MAX_VALUE - 1));
        } while (players.containsKey(id));
        String name = PlayerName.clean(requestedName, "Player " + joins);
        Colour colour = Colour.pick(random, players.values().stream().map(p -> p.colour).toList());
        double r = rules.radius();
        Vec2 spawn = new Vec2(
                r + random.nextDouble() * (rules.width() - 2 * r), r + random.nextDouble() * (rules.height() - 2 * r));
        Player p = new Player(id, name, colour, spawn);
        players.put(id, p);
        return p.state();
    }

    /** Removes a player; returns whether it was there. */
    public boolean leave(PlayerId id) {
        return players.remove(id) != null;
    }

    /**
     * Sets the directions a player holds, from its input number {@code seq}. Inputs older than the newest applied one
     * are ignored (they arrived out of order), so the player only ever holds its latest input. Returns whether the
     * input was applied.
     */
    public boolean steer(PlayerId id, long seq, Input input) {
        Player p = players.get(id);
        if (p == null || seq <= p.lastSeq) {
            return false;
        }
        p.lastSeq = seq;
        p.input = input;
        return true;
    }

    /**
     * The player holds nothing from now on, and its input numbering starts over: the next input with any {@code seq}
     * of at least 1 is applied. For a player whose client went away (it stands still) and came back on a new
     * connection (which numbers its inputs afresh). Returns whether the player was there.
     */
    public boolean release(PlayerId id) {
        Player p = players.get(id);
        if (p == null) {
            return false;
        }
        p.input = Input.NONE;
        p.lastSeq = 0;
        return true;
    }


    /**
     * Advances the world by one fixed step: every player moves by {@link Movement#step} ({@code speed * dt} in its
     * held direction, diagonals as fast as straight lines, inside the map). Returns the new tick number.
     */
    public long step() {
        for (Player p : players.values()) {
            p.position = Movement.step(p.position, p.input, rules);
        }
        return ++tick;
    }

    public Optional<PlayerState> player(PlayerId id) {
        Player p = players.get(id);
        return p == null ? Optional.empty() : Optional.of(p.state());
    }

    public WorldSnapshot snapshot() {
        List<PlayerState> states = new ArrayList<>(players.size());
        for (Player p : players.values()) {
            states.add(p.state());
        }
        return new WorldSnapshot(tick, states);
    }

    private static final class Player {
        final PlayerId id;
        final String name;
        final Colour colour;
        Vec2 position;
        Input input = Input.NONE;
        long lastSeq;

        Player(PlayerId id, String name, Colour colour, Vec2 position) {
            this.id = id;
            this.name = name;
            this.colour = colour;
            this.position = position;
        }

        PlayerState state() {
            return new PlayerState(id, name, colour, position, input, lastSeq);
        }
    }
}
