package dev.arena.server.room;

import dev.arena.server.connection.Connection;

/**
 * Who is in a room, as its game keeps it: joins (new seats and resumes), leaves (a dropped seat may wait to be
 * resumed) and the end of grace periods. The dots room's {@link Membership} and a room on the SPI's
 * {@link MatchEngine}. Used by the room's tick thread only.
 */
interface Seating {
    void join(Room.Join j);

    /** {@code c} went at {@code atMillis}; {@code mayResume}: its seat waits for the grace period. */
    void leave(Connection c, boolean mayResume, long atMillis);

    /** The away seats whose grace period has ended go. */
    void expire(long nowMillis);
}
