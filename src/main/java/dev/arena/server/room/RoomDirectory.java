package dev.arena.server.room;

import dev.arena.games.dots.World;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.spi.Game;
import dev.arena.spi.Match;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The rooms of a server, by name, and their lifecycle: a room is <b>created</b> when a join names one that does not
 * exist and may make it ({@link RoomJoins}), <b>ticked</b> with every server tick, and <b>disposed</b> once it is idle
 * (no seat, nothing waiting), which gives its name back to its creator's quota. A room whose tick throws is logged
 * and goes on at the next tick; the other rooms are not touched. Joins come from the transport's threads; {@link #tick}
 * from the tick thread.
 */
public final class RoomDirectory {
    private static final Logger LOG = Logger.getLogger(RoomDirectory.class.getName());

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final RoomSettings settings;
    private final RandomGenerator seeds;
    private final Codec codec;
    private final RoomHost host;
    private final RoomJoins joins;
    private long lastSweep;

    /** {@code seeds}: one seed per new room's world; {@code partyCodes}: the names of new party rooms. */
    public RoomDirectory(RoomSettings settings, RandomGenerator seeds, Codec codec, RoomHost host,
            Supplier<String> partyCodes, RoomJoins.Errors errors) {
        this.settings = settings;
        this.seeds = seeds;
        this.codec = codec;
        this.host = host;
        this.joins = new RoomJoins(rooms, settings, host.quota(), this::create, partyCodes, errors);
    }

    /** {@code c} asks to join (see {@link RoomJoins}); the room handles it at its next tick. */
    public void join(Connection c, ClientMessage.Join join) {
        joins.join(c, join);
    }

    /** For tests: where new party codes come from. */
    public void usePartyCodes(Supplier<String> codes) {
        joins.usePartyCodes(codes);
    }

    /**
     * Ticks every room and disposes the idle ones (and once a second forgets the addresses that hold and owe
     * nothing: {@link dev.arena.server.connection.AddressQuota#sweep}); returns how many snapshots were dropped for
     * clients that had not taken the last one.
     */
    public int tick(long nowMillis) {
        int droppedInAll = 0;
        for (Room room : rooms.values()) {
            long started = System.nanoTime();
            try {
                int dropped = room.tick(nowMillis);
                droppedInAll += dropped;
                host.metrics().dropped(dropped);
                room.metrics().dropped(dropped);
            } catch (RuntimeException | StackOverflowError e) {
                long failed = failures.merge(room.name(), 1L, Long::sum);
                if (Long.bitCount(failed) == 1) { // 1st, 2nd, 4th, 8th... failure: a broken room must not flood the log
                    LOG.log(Level.SEVERE, "tick of room '" + room.name() + "' failed (" + failed + " times)", e);
                }
            }
            room.metrics().ticked(System.nanoTime() - started);
            if (room.isIdle()) {
                disposeIfIdle(room);
            }
        }
        if (nowMillis - lastSweep >= 1000) {
            lastSweep = nowMillis;
            host.quota().sweep();
        }
        return droppedInAll;
    }

    /**
     * The {@link RoomImage} of room {@code name}, or null when there is none; on the tick thread, between two ticks
     * (a task the tick loop runs, not a transport thread). The room stays here: moving it is capturing it, restoring
     * the image on the other node, then letting this one's clients go (they resume there by token).
     */
    public RoomImage capture(String name) {
        Room room = rooms.get(name);
        return room == null ? null : room.capture();
    }

    /**
     * Makes room {@code image.room()} from {@code image} (tick thread): every seat away until {@code nowMillis} plus
     * the grace period, its client to resume with its token. An image this server cannot restore, or a name taken
     * here already, is an {@link IllegalArgumentException}, and nothing is added.
     */
    public Room restore(RoomImage image, long nowMillis) {
        Room room = RoomImages.restore(image, settings, codec, host, nowMillis);
        if (rooms.putIfAbsent(image.room(), room) != null) {
            room.dispose();
            throw new IllegalArgumentException("room '" + image.room() + "' exists here already");
        }
        return room;
    }

    /** The room named {@code name}, or null. */
    public Room room(String name) {
        return rooms.get(name);
    }

    public int size() {
        return rooms.size();
    }

    /** The sum of {@code count} over every room. */
    public int sum(ToIntFunction<Room> count) {
        int sum = 0;
        for (Room room : rooms.values()) {
            sum += count.applyAsInt(room);
        }
        return sum;
    }

    /** A new room of {@code game}: dots on its {@link World} (a match of the dots game with the dots wire), any other game on a {@link Match} of the SPI. */
    private Room create(String name, Game game) {
        long seed;
        synchronized (seeds) {
            seed = seeds.nextLong();
        }
        if (game.name().equals(ServerMessage.Welcome.DOTS)) {
            return new Room(name, new World(settings.rules(), seed), settings, codec, host);
        }
        Match match = Match.start(game, settings.games().settings(game), settings.rules().tickRate(), seed);
        return new Room(name, match, settings, codec, host);
    }

    private void disposeIfIdle(Room room) {
        rooms.computeIfPresent(room.name(), (name, r) -> {
            if (!r.isIdle()) {
                return r;
            }
            host.quota().roomRemoved(name); // in here: a new room of that name is counted only after this
            return null;
        });
        failures.remove(room.name());
        if (rooms.get(room.name()) != room) {
            room.dispose();
        }
    }
}
