package dev.arena.server.room;

import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;

/** What the tests of one room share: a client joining it as the transport would have it join. */
final class Rooms {
    private Rooms() {}

    /** {@code peer}'s connection, joining {@code room} as {@code name} (applied at the room's next tick). */
    static Connection join(Room room, FakePeer peer, String name) {
        Connection c = WorldHarness.connection(peer);
        c.startJoining(room);
        room.enqueue(new Room.Join(c, name, null));
        return c;
    }
}
