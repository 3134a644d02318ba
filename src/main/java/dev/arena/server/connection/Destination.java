package dev.arena.server.connection;

import dev.arena.game.Input;

/**
 * What a connection's messages go to once it asked to join: its room ({@code dev.arena.server.room.Room}). The edge
 * hands over what passed its limits; the room applies it at its next tick, on its own thread. Any thread may call.
 */
public interface Destination {
    /** {@code c}'s player holds {@code input}, its input number {@code seq}. */
    void steer(Connection c, long seq, Input input);

    /**
     * A typed input of the room's game ({@code json} or {@code binary}), decoded here by the room's game, strictly;
     * a {@link ProtocolException} is the client's fault, for the edge to answer.
     */
    void play(Connection c, dev.arena.protocol.ClientMessage.GameInput input)
            throws dev.arena.protocol.ProtocolException;

    /** A chat line from {@code c}, cleaned and within the chat limit already. */
    void say(Connection c, String text);

    /**
     * {@code c} went at {@code atMillis}; {@code mayResume}: its seat waits for the resume grace period (counted from
     * {@code atMillis}) instead of going now.
     */
    void left(Connection c, boolean mayResume, long atMillis);
}
