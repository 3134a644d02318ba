package dev.arena.server;

import dev.arena.protocol.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of a room that have no dot: its screens and spectators ({@link Role#seesRoom()} but not
 * {@link Role#plays()}). They get every snapshot and room event, send no input, and, like players, may come back
 * with their token within the grace period after a dropped connection (a screen that reloads shows the same room).
 * Touched by the room's tick thread only; the counts may be read from any thread.
 */
final class Audience {
    /** One screen or spectator: its connection (null while away), name, resume token and when an away one goes. */
    static final class Watcher {
        final Role role;
        final String name;
        final String token;
        final String address; // its seat counts against the address that joined it
        Connection connection;
        long awayUntil;

        Watcher(Role role, String name, String token, Connection connection) {
            this.role = role;
            this.name = name;
            this.token = token;
            this.connection = connection;
            this.address = connection.address();
        }
    }

    private final Map<Connection, Watcher> byConnection = new LinkedHashMap<>();
    private final Map<String, Watcher> byToken = new HashMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private volatile int spectators;
    private volatile int screens;
    private final AddressQuota seats;

    Audience() {
        this(AddressQuota.NONE);
    }

    /** {@code seats}: where each watcher's seat is given back when it goes. */
    Audience(AddressQuota seats) {
        this.seats = seats;
    }

    /** Screens and spectators, those away included. */
    int size() {
        return spectators + screens;
    }

    int spectators() {
        return spectators;
    }

    int screens() {
        return screens;
    }

    /** The watcher whose current connection is {@code c}, or null. */
    Watcher of(Connection c) {
        return byConnection.get(c);
    }

    /** The watcher of {@code role} holding {@code token}, or null. */
    Watcher withToken(String token, Role role) {
        Watcher w = token == null ? null : byToken.get(token);
        return w != null && w.role == role ? w : null;
    }

    Watcher add(Connection c, Role role, String name, String token) {
        Watcher w = new Watcher(role, name, token, c);
        watchers.add(w);
        byConnection.put(c, w);
        byToken.put(token, w);
        recount();
        return w;
    }

    /** {@code c} takes over {@code w}; returns the connection it had (to close), or null when it was away. */
    Connection resume(Watcher w, Connection c) {
        Connection old = w.connection;
        if (old != null) {
            byConnection.remove(old);
        }
        w.connection = c;
        w.awayUntil = 0;
        byConnection.put(c, w);
        return old;
    }

    /**
     * The connection {@code c} went: its watcher waits until {@code awayUntil} when {@code mayResume}, otherwise
     * goes now. Returns false when {@code c} is no watcher of this room.
     */
    boolean leave(Connection c, boolean mayResume, long awayUntil) {
        Watcher w = byConnection.remove(c);
        if (w == null) {
            return false;
        }
        if (mayResume) {
            w.connection = null;
            w.awayUntil = awayUntil;
        } else {
            remove(w);
        }
        return true;
    }

    /** Removes the away watchers whose grace period has ended; returns whether there were any. */
    boolean expire(long nowMillis) {
        boolean any = watchers.removeIf(w -> {
            boolean gone = w.connection == null && w.awayUntil <= nowMillis;
            if (gone) {
                byToken.remove(w.token);
                released(w);
            }
            return gone;
        });
        if (any) {
            recount();
        }
        return any;
    }

    /** Offers a snapshot to every connected watcher; returns how many still had an older one waiting (dropped). */
    /** The connections of the screens and spectators that are here now. */
    Iterable<Connection> connections() {
        return byConnection.keySet();
    }

    /** Sends a message that must arrive to every connected watcher but {@code except} (null: to all). */
    /** Queues a room event for every watcher (sent with this tick's snapshot offer: see {@link Outbox#queue}). */
    void queue(String text) {
        for (Connection c : byConnection.keySet()) {
            c.outbox().queue(text);
        }
    }

    void send(String text, Connection except) {
        for (Connection c : byConnection.keySet()) {
            if (c != except) {
                c.outbox().control(text);
            }
        }
    }

    private void remove(Watcher w) {
        watchers.remove(w);
        byToken.remove(w.token);
        released(w);
        recount();
    }

    private void released(Watcher w) {
        seats.releaseSeat(w.address);
    }

    private void recount() {
        int s = 0;
        int t = 0;
        for (Watcher w : watchers) {
            if (w.role == Role.SCREEN) {
                t++;
            } else {
                s++;
            }
        }
        spectators = s;
        screens = t;
    }
}
