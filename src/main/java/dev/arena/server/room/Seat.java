package dev.arena.server.room;

import dev.arena.game.PlayerId;
import dev.arena.protocol.Role;
import dev.arena.server.connection.Connection;
import dev.arena.server.party.ControllerFeed;
import dev.arena.server.snapshot.SnapshotStream;

/**
 * One place in a room, the same type for all four roles: a {@code player} or {@code controller} (it has a dot:
 * {@link #id}) or a {@code screen} or {@code spectator} (no dot, a {@link #name} of its own). It holds the resume
 * token, the connection (null while away, until {@link #awayUntil}), the snapshot stream of that connection (null for
 * a controller, which is sent its own state by its {@link #feed} instead) and the address its seat counts against
 * (the one that took it, for the seat's whole life). Touched by the room's tick thread only.
 */
final class Seat {
    final Role role;
    final PlayerId id;
    final String name;
    final String token;
    final String address;
    final ControllerFeed feed;
    Connection connection;
    SnapshotStream stream;
    long awayUntil;

    /** {@code id}: the seat's dot (null for a screen or spectator); {@code name}: a watcher's (null for a dot). */
    Seat(Role role, PlayerId id, String name, String token, Connection connection) {
        this.role = role;
        this.id = id;
        this.name = name;
        this.token = token;
        this.address = connection.address();
        this.feed = role == Role.CONTROLLER ? new ControllerFeed() : null;
        attach(connection);
    }

    /** A seat restored from a {@link RoomImage} on another node: away (no connection) until {@code until}. */
    Seat(Role role, PlayerId id, String name, String token, String address, long until) {
        this.role = role;
        this.id = id;
        this.name = name;
        this.token = token;
        this.address = address;
        this.feed = role == Role.CONTROLLER ? new ControllerFeed() : null;
        away(until);
    }

    /** {@code c} is this seat's connection now; its snapshots start afresh. */
    void attach(Connection c) {
        connection = c;
        awayUntil = 0;
        stream = feed == null ? new SnapshotStream(c.binary()) : null;
    }

    /** The connection went; the seat waits until {@code until} to be resumed. */
    void away(long until) {
        connection = null;
        awayUntil = until;
    }
}
