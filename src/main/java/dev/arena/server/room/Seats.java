package dev.arena.server.room;

import dev.arena.game.PlayerId;
import dev.arena.game.PlayerName;
import dev.arena.protocol.Role;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The seats of one room, all four roles: the dots (players and controllers, by player id, in joining order) and the
 * watchers (screens and spectators, those here by connection), all by resume token. A seat that goes gives its
 * address's seat back ({@link AddressQuota#releaseSeat}). Touched by the room's tick thread only; the counts may be
 * read from any thread.
 */
final class Seats {
    private final Map<PlayerId, Seat> dots = new LinkedHashMap<>();
    private final Map<Connection, Seat> watching = new LinkedHashMap<>();
    private final List<Seat> watchers = new ArrayList<>();
    private final Map<String, Seat> byToken = new HashMap<>();
    private final AddressQuota quota;
    private volatile int dotCount;
    private volatile int awayDots;
    private volatile int spectators;
    private volatile int screens;

    Seats(AddressQuota quota) {
        this.quota = quota;
    }

    /** Players and controllers, those away included. */
    int dots() {
        return dotCount;
    }

    /** Players and controllers whose connection dropped and who wait for it to come back. */
    int awayDots() {
        return awayDots;
    }

    int spectators() {
        return spectators;
    }

    int screens() {
        return screens;
    }

    /** Screens and spectators, those away included. */
    int watchers() {
        return spectators + screens;
    }

    boolean isEmpty() {
        return dotCount == 0 && watchers() == 0;
    }

    /** The seats with a dot, in joining order. */
    Iterable<Seat> withDots() {
        return dots.values();
    }

    /** The screens and spectators that are here now. */
    Iterable<Seat> watching() {
        return watching.values();
    }

    /** The seat of {@code role} holding {@code token}, or null. */
    Seat withToken(String token, Role role) {
        Seat s = token == null ? null : byToken.get(token);
        return s != null && s.role == role ? s : null;
    }

    /** The seat whose current connection is {@code c}, or null. */
    Seat of(Connection c) {
        PlayerId id = c.player();
        Seat s = id == null ? watching.get(c) : dots.get(id);
        return s != null && s.connection == c ? s : null;
    }

    /** Adds {@code s}; an away one (restored from a {@link RoomImage}) counts as away and against its address. */
    void add(Seat s) {
        byToken.put(s.token, s);
        if (s.connection == null) {
            quota.takeSeat(s.address); // released when it goes, as any seat's
        }
        if (s.id != null) {
            dots.put(s.id, s);
            dotCount = dots.size();
            if (s.connection == null) {
                awayDots++;
            }
        } else {
            watchers.add(s);
            if (s.connection != null) {
                watching.put(s.connection, s);
            }
            recount();
        }
    }

    /** Every seat, the dots in joining order, then the screens and spectators (those away included). */
    List<Seat> all() {
        List<Seat> all = new ArrayList<>(dots.values());
        all.addAll(watchers);
        return all;
    }

    /** How a room refuses a screen or spectator; each sends the client its error. */
    interface WatcherRefusal {
        void roomFull(Connection c);

        void tooManySeats(Connection c);
    }

    /** A screen or spectator seated: its seat, whether it came back by token, and the connection it replaced. */
    record Watcher(Seat seat, boolean resumed, Connection replaced) {}

    /**
     * Seats a screen or spectator that joins with {@code j} on {@code c}, or gives it back its seat by token. Returns
     * null when the room is full of them ({@code max}) or the address holds all the seats it may (both refused through
     * {@code refuse}), or when the client went while its join waited.
     */
    Watcher seatWatcher(Connection c, Room.Join j, int max, Supplier<String> tokens, WatcherRefusal refuse) {
        Seat existing = withToken(j.token(), j.role());
        if (existing == null && watchers() >= max) {
            refuse.roomFull(c);
            return null;
        }
        if (existing == null && !quota.takeSeat(c.address())) {
            refuse.tooManySeats(c);
            return null;
        }
        if (!c.joined(null)) {
            if (existing == null) {
                quota.releaseSeat(c.address());
            }
            return null; // the client went away while its join waited
        }
        if (existing != null) {
            return new Watcher(existing, true, resume(existing, c));
        }
        String fallback = j.role() == Role.SCREEN ? "Screen" : "Spectator";
        Seat w = new Seat(j.role(), null, PlayerName.clean(j.name(), fallback), tokens.get(), c);
        add(w);
        return new Watcher(w, false, null);
    }

    /** {@code c} takes over {@code s}; returns the connection it had (to close), or null when it was away. */
    Connection resume(Seat s, Connection c) {
        Connection old = s.connection;
        if (old == null && s.id != null) {
            awayDots--;
        }
        if (s.id == null) {
            if (old != null) {
                watching.remove(old);
            }
            watching.put(c, s);
        }
        s.attach(c);
        return old;
    }

    /** {@code s}'s connection went: it waits until {@code until} to be resumed. */
    void away(Seat s, long until) {
        if (s.id == null) {
            watching.remove(s.connection);
        } else {
            awayDots++;
        }
        s.away(until);
    }

    /** Removes the away watchers whose grace period has ended, and returns the away dots whose period has ended. */
    List<Seat> expire(long nowMillis) {
        if (watchers.removeIf(w -> {
            boolean gone = w.connection == null && w.awayUntil <= nowMillis;
            if (gone) {
                byToken.remove(w.token);
                quota.releaseSeat(w.address);
            }
            return gone;
        })) {
            recount();
        }
        if (awayDots == 0) {
            return List.of();
        }
        List<Seat> expired = new ArrayList<>();
        for (Seat s : dots.values()) {
            if (s.connection == null && s.awayUntil <= nowMillis) {
                expired.add(s);
            }
        }
        return expired;
    }

    /** {@code s} goes for good. */
    void remove(Seat s) {
        if (s.id == null) {
            if (s.connection != null) {
                watching.remove(s.connection);
            }
            watchers.remove(s);
            recount();
        } else {
            if (s.connection == null) {
                awayDots--;
            }
            dots.remove(s.id);
            dotCount = dots.size();
        }
        byToken.remove(s.token);
        quota.releaseSeat(s.address);
    }

    private void recount() {
        int spectating = 0;
        int showing = 0;
        for (Seat w : watchers) {
            if (w.role == Role.SCREEN) {
                showing++;
            } else {
                spectating++;
            }
        }
        spectators = spectating;
        screens = showing;
    }
}
