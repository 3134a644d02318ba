package dev.arena.spi;

import java.util.List;

/**
 * One room's game, driven by the server. Every method is called on the room's tick thread, one at a time, in this
 * order per tick: the queued {@link #join}s, {@link #leave}s, {@link #idle}s and {@link #input}s in the order they
 * arrived, then one {@link #step}; then the server reads {@link #phase}, {@link #scores} and the state, and sends.
 * A simulation keeps its room's state in the {@link State} of its {@link Setup}; it may keep anything in its own
 * fields that it can make again from the settings and that state ({@link #restored} is the place).
 *
 * <p>A simulation never reads a clock (time is the tick and {@code dt}), never starts a thread, never blocks and
 * never sees a connection or JSON: a player is a positive int chosen by the server.
 */
public interface Simulation {
    /**
     * A player asks to join with a requested display name (raw, from the client: clean it before you keep it). On
     * {@link Admission#ADMITTED} the player is in and gets inputs; on a refusal the server tells the client the
     * reason and the simulation never hears of that player again.
     */
    Admission join(int player, String requestedName);

    /** The player left for good (closed, kicked, or its resume grace ran out). */
    void leave(int player);

    /**
     * The player's client is gone for now (its connection dropped; it may come back) or came back on a new
     * connection: whatever it was holding, it holds nothing now. Its input numbering starts over.
     */
    void idle(int player);

    /**
     * An input of an admitted player, decoded and checked against its declared type; older inputs than the newest
     * one passed on have been dropped by the framework already.
     */
    void input(int player, PlayerInput input);

    /** Advances the room by one fixed step of {@code dt} seconds; {@code tick} is the number of the tick it makes. */
    void step(long tick, double dt);

    /** The room's phase after the last call (every game has one; {@link Phase#ENDLESS} for a game without). */
    Phase phase();

    /** The scoreboard after the last call, best first (empty for a game without scores). */
    List<Score> scores();

    /** Called once after the state of a captured room was restored, before any other call: rebuild caches here. */
    default void restored() {}
}
