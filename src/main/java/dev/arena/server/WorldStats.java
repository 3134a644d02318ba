package dev.arena.server;

import dev.arena.server.connection.Connections;
import dev.arena.server.room.Room;
import dev.arena.server.room.RoomDirectory;

/**
 * What a {@link GameWorld} holds and has done, read live from its parts: rooms, seats by role, connections and
 * addresses, the outgoing buffer, refused messages, closes by code, ticks and dropped snapshots. For {@code /health},
 * the metrics' gauges and tests ({@link GameWorld#stats}); each call reads the parts now, from any thread.
 */
public final class WorldStats {
    private final RoomDirectory rooms;
    private final Connections connections;
    private final TickRecord ticks;

    WorldStats(RoomDirectory rooms, Connections connections, TickRecord ticks) {
        this.rooms = rooms;
        this.connections = connections;
        this.ticks = ticks;
    }

    public int roomCount() {
        return rooms.size();
    }

    /** Players in all rooms, those away (waiting for their client to resume) included. */
    public int playerCount() {
        return rooms.sum(Room::playerCount);
    }

    /** Spectators in all rooms (not counted as players), those away included. */
    public int spectatorCount() {
        return rooms.sum(Room::spectatorCount);
    }

    /** Screens in all rooms (not counted as players), those away included. */
    public int screenCount() {
        return rooms.sum(Room::screenCount);
    }

    /** Players whose connection dropped and who wait to be resumed. */
    public int awayCount() {
        return rooms.sum(Room::awayCount);
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Remote addresses with at least one open connection. */
    public int addressCount() {
        return connections.addresses();
    }

    /** Characters waiting to be sent (or being sent) to all clients: the server's outgoing buffer. */
    public long pendingChars() {
        return connections.pendingChars();
    }

    public long droppedSnapshots() {
        return ticks.droppedSnapshots();
    }

    /** Messages refused by the rate limit. */
    public long refusedMessages() {
        return connections.refusedMessages();
    }

    /** How many connections the server closed with {@code code}. */
    public long closedWith(int code) {
        return connections.closedWith(code);
    }

    public long ticks() {
        return ticks.count();
    }
}
