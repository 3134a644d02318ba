package dev.arena.server.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What one remote address may hold and how fast it may look for rooms (issue 12: one address made 999 rooms in 1.6 s
 * and kept them with away players; another walked the party codes at 78,526 a second by reconnecting). Per address:
 * <ul>
 *   <li><b>rooms</b>: at most {@code ArenaConfig#maxRoomsPerAddress} rooms it created exist at once, and it creates
 *       at most {@code ArenaConfig#roomsPerAddressPerMinute} a minute (a token bucket of that size refilled over a
 *       minute);
 *   <li><b>seats</b>: players, controllers, screens and spectators, away ones included (they keep their room), at
 *       most {@code ArenaConfig#maxSeatsPerAddress}. A seat counts against the address that took it until it is
 *       gone, also when it was resumed from another address;
 *   <li><b>code guesses</b>: a join that names a room that does not exist is a miss. {@link #FREE_MISSES} misses are
 *       free; after that each miss makes the address wait before its next lookup, 1 s, 2 s, 4 s... up to
 *       {@link #MAX_WAIT_MILLIS}; one miss is forgotten every {@link #MAX_WAIT_MILLIS}. A lookup that finds its room
 *       costs nothing. The budget belongs to the address, so a new connection does not start afresh.
 * </ul>
 * An address the container does not tell (null) is not limited in rooms and seats (there is nothing to tell one
 * client from another, and {@code ArenaConfig#maxRooms} and {@code ArenaConfig#maxPlayersPerRoom} still hold); its
 * code guesses all share one budget, so walking the codes stays slow (the price: a mistyped code on such a server
 * may have to wait while someone else guesses). A setting of 0 turns its limit off (behind a reverse proxy, where
 * every client has the proxy's address). Entries of addresses that hold nothing and owe nothing are removed by
 * {@link #sweep}. Thread-safe.
 */
public final class AddressQuota {
    /** Misses an address may make before it has to wait: a few honest typos of a party code. */
    public static final int FREE_MISSES = 10;
    /** The longest wait between lookups, and how often one miss is forgotten. */
    public static final long MAX_WAIT_MILLIS = 120_000;
    /** No limits at all (every setting 0), for rooms made without a server (tests). */
    public static final AddressQuota NONE = new AddressQuota(0, 0, 0, () -> 0L);
    /** The key of the addresses the container does not tell, for code guesses. */
    static final String UNKNOWN = "(unknown address)";

    private static final class Holding {
        int rooms;
        int seats;
        double creations; // tokens left in the room creation bucket
        long refilledAt;
        int misses;
        long missesAt; // when misses last decayed
        long nextLookupAt;

        boolean idle(long now, int bucket) {
            return rooms == 0 && seats == 0 && creations >= bucket && misses == 0 && now >= nextLookupAt;
        }
    }

    private final int maxRooms;
    private final int roomsPerMinute;
    private final int maxSeats;
    private final LongSupplier clock;
    private final Map<String, Holding> holdings = new ConcurrentHashMap<>();
    private final Map<String, String> creators = new ConcurrentHashMap<>(); // room name -> address that made it

    /** The limits per address (each 0: none), as {@code ArenaConfig} has them; time from {@code clockMillis}. */
    public AddressQuota(int maxRooms, int roomsPerMinute, int maxSeats, LongSupplier clockMillis) {
        this.maxRooms = maxRooms;
        this.roomsPerMinute = roomsPerMinute;
        this.maxSeats = maxSeats;
        this.clock = clockMillis;
    }

    /**
     * {@code address} wants to create room {@code room}: null when it may (the room is then counted against it until
     * {@link #roomRemoved}), otherwise why not, for a {@code too_many_rooms} error.
     */
    public String createRoom(String address, String room) {
        if (address == null || (maxRooms == 0 && roomsPerMinute == 0)) {
            return null;
        }
        long now = clock.getAsLong();
        String[] refusal = {null};
        holdings.compute(address, (a, h) -> {
            h = h == null ? fresh(now) : h;
            refill(h, now);
            if (maxRooms > 0 && h.rooms >= maxRooms) {
                refusal[0] = "your address has " + maxRooms + " rooms already";
            } else if (roomsPerMinute > 0 && h.creations < 1) {
                refusal[0] = "your address made " + roomsPerMinute + " rooms in the last minute: wait a little";
            } else {
                h.rooms++;
                h.creations -= 1;
            }
            return h;
        });
        if (refusal[0] == null) {
            creators.put(room, address);
        }
        return refusal[0];
    }

    /** The room is gone: it no longer counts against the address that made it. */
    public void roomRemoved(String room) {
        String address = creators.remove(room);
        if (address != null) {
            holdings.computeIfPresent(address, (a, h) -> {
                h.rooms = Math.max(0, h.rooms - 1);
                return h;
            });
        }
    }

    /** {@code address} takes a seat: false when it holds {@code ArenaConfig#maxSeatsPerAddress} already. */
    public boolean takeSeat(String address) {
        if (address == null || maxSeats == 0) {
            return true;
        }
        long now = clock.getAsLong();
        boolean[] taken = {false};
        holdings.compute(address, (a, h) -> {
            h = h == null ? fresh(now) : h;
            if (h.seats < maxSeats) {
                h.seats++;
                taken[0] = true;
            }
            return h;
        });
        return taken[0];
    }

    /** A seat taken by {@code address} is gone (its player, screen or spectator left for good). */
    public void releaseSeat(String address) {
        if (address == null || maxSeats == 0) {
            return;
        }
        holdings.computeIfPresent(address, (a, h) -> {
            h.seats = Math.max(0, h.seats - 1);
            return h;
        });
    }

    /** How long {@code address} must wait before it may look a room up by name: 0, it may now. */
    public long lookupWait(String address) {
        long now = clock.getAsLong();
        long[] wait = {0};
        holdings.computeIfPresent(key(address), (a, h) -> {
            wait[0] = Math.max(0, h.nextLookupAt - now);
            return h;
        });
        return wait[0];
    }

    /** {@code address} named a room that does not exist: one more miss, and maybe a wait before the next lookup. */
    public void missed(String address) {
        long now = clock.getAsLong();
        holdings.compute(key(address), (a, h) -> {
            h = h == null ? fresh(now) : h;
            decay(h, now);
            h.misses++;
            if (h.misses > FREE_MISSES) {
                int over = Math.min(h.misses - FREE_MISSES - 1, 20);
                h.nextLookupAt = now + Math.min(1000L << over, MAX_WAIT_MILLIS);
            }
            return h;
        });
    }

    /** Forgets the addresses that hold nothing, owe nothing and have nothing to wait for. */
    public void sweep() {
        long now = clock.getAsLong();
        for (String address : holdings.keySet()) {
            holdings.computeIfPresent(address, (a, h) -> {
                refill(h, now);
                decay(h, now);
                return h.idle(now, roomsPerMinute) ? null : h;
            });
        }
    }

    /** Addresses with an entry (for tests and the memory check). */
    public int addresses() {
        return holdings.size();
    }

    /** Rooms counted against {@code address}. */
    public int rooms(String address) {
        Holding h = holdings.get(address);
        return h == null ? 0 : h.rooms;
    }

    /** Seats counted against {@code address}. */
    public int seats(String address) {
        Holding h = holdings.get(address);
        return h == null ? 0 : h.seats;
    }

    private static String key(String address) {
        return address == null ? UNKNOWN : address;
    }

    private Holding fresh(long now) {
        Holding h = new Holding();
        h.creations = roomsPerMinute;
        h.refilledAt = now;
        h.missesAt = now;
        return h;
    }

    private void refill(Holding h, long now) {
        if (now > h.refilledAt) {
            h.creations = Math.min(roomsPerMinute, h.creations + (now - h.refilledAt) * roomsPerMinute / 60_000.0);
            h.refilledAt = now;
        }
    }

    private static void decay(Holding h, long now) {
        long forgiven = (now - h.missesAt) / MAX_WAIT_MILLIS;
        if (forgiven > 0) {
            h.misses = (int) Math.max(0, h.misses - forgiven);
            h.missesAt += forgiven * MAX_WAIT_MILLIS;
        }
        if (h.misses == 0) {
            h.missesAt = now;
        }
    }
}
