package dev.arena.server.room;

import dev.arena.game.PlayerState;
import dev.arena.games.dots.World;
import dev.arena.game.WorldSnapshot;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.Role;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.server.party.Party;
import java.util.List;

/**
 * Who is in a room: joins (a new seat, or a resume by token that takes a seat over and closes the connection it had),
 * leaves (a dropped connection's seat waits for the grace period, standing still; the others never see it go) and
 * the end of grace periods. Players and controllers get a dot and a {@code welcome} (a controller sees only itself);
 * screens and spectators a watcher's {@code welcome}, a screen also its {@code party} message. Every seat counts
 * against its address ({@link AddressQuota}). Used by the room's tick thread only.
 */
final class Membership implements Seating {
    private final String room;
    private final World world;
    private final RoomSettings settings;
    private final Codec codec;
    private final RoomHost host;
    private final Seats seats;
    private final AudienceCounts counts;
    private final Broadcast broadcast;
    private final RoomMetrics metrics;

    Membership(String room, World world, RoomSettings settings, Codec codec, RoomHost host, Seats seats,
            AudienceCounts counts, Broadcast broadcast, RoomMetrics metrics) {
        this.room = room;
        this.world = world;
        this.settings = settings;
        this.codec = codec;
        this.host = host;
        this.seats = seats;
        this.counts = counts;
        this.broadcast = broadcast;
        this.metrics = metrics;
    }

    @Override
    public void join(Room.Join j) {
        if (j.role().plays()) {
            joinWithDot(j.connection(), j.name(), j.token(), j.role());
        } else {
            watch(j.connection(), j);
        }
    }

    /** {@code c} went at {@code atMillis}; {@code mayResume}: its seat waits for the grace period. */
    @Override
    public void leave(Connection c, boolean mayResume, long atMillis) {
        Seat s = seats.of(c);
        if (s == null) {
            return; // never joined, or replaced by a newer connection
        }
        if (mayResume && settings.graceMillis() > 0) {
            seats.away(s, atMillis + settings.graceMillis());
            if (s.id != null) {
                world.release(s.id); // an away player stands still
            }
        } else if (s.id == null) {
            seats.remove(s);
        } else {
            removeDot(s);
        }
    }

    /** The away seats whose grace period has ended go. */
    @Override
    public void expire(long nowMillis) {
        for (Seat s : seats.expire(nowMillis)) {
            removeDot(s);
        }
    }

    /** A controller's own state for this tick, or null when unchanged. */
    String ownState(Seat s, long nowMillis) {
        return s.feed.next(world.player(s.id).orElseThrow(), world.tick(), nowMillis, codec);
    }

    private void removeDot(Seat s) {
        seats.remove(s);
        world.leave(s.id);
        broadcast.event(codec.encode(new ServerMessage.PlayerLeft(s.id.value())));
    }

    private void joinWithDot(Connection c, String requestedName, String token, Role role) {
        Seat existing = seats.withToken(token, role);
        if (existing != null) {
            resume(c, existing);
            return;
        }
        if (seats.dots() >= settings.maxPlayers()) {
            c.joinRefused();
            metrics.sent(1, 0);
            host.metrics().error(ErrorCode.ROOM_FULL.wireName());
            c.outbox().control(codec.encode(Assembler.error(ErrorCode.ROOM_FULL,
                    "room '" + room + "' is full (" + settings.maxPlayers() + " players)")));
            return;
        }
        String fresh = host.tokens().get(); // first: a failure from here on must hold nothing
        if (!host.quota().takeSeat(c.address())) {
            refuseSeat(c);
            return;
        }
        PlayerState player;
        try {
            player = world.join(requestedName);
        } catch (RuntimeException e) {
            host.quota().releaseSeat(c.address()); // a join that failed holds nothing
            throw e;
        }
        if (!c.joined(player.id())) {
            world.leave(player.id()); // the client went away while its join waited
            host.quota().releaseSeat(c.address());
            return;
        }
        Seat s = new Seat(role, player.id(), null, fresh, c);
        metrics.sent(1, 0);
        c.outbox().control(codec.encode(
                Assembler.welcome(player, room, world.rules(), visibleTo(s), s.token, false)));
        counts.welcomed(c, role);
        broadcast.event(codec.encode(new ServerMessage.PlayerJoined(Assembler.info(player))));
        seats.add(s);
    }

    /** A new connection takes over a player by its token; an older connection still attached is closed. */
    private void resume(Connection c, Seat s) {
        if (!c.joined(s.id)) {
            return; // the new connection closed while its join waited: the player stays as it was
        }
        Connection old = seats.resume(s, c);
        world.release(s.id); // the new connection numbers its inputs afresh
        PlayerState player = world.player(s.id).orElseThrow();
        metrics.sent(1, 0);
        c.outbox().control(codec.encode(
                Assembler.welcome(player, room, world.rules(), visibleTo(s), s.token, true)));
        counts.welcomed(c, s.role);
        if (s.feed != null) {
            s.feed.reset();
        }
        if (old != null) {
            host.kicker().kick(old, CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    /** What a seat's welcome shows: the whole room, or a controller only itself. */
    private WorldSnapshot visibleTo(Seat s) {
        WorldSnapshot all = world.snapshot();
        return s.feed == null ? all : new WorldSnapshot(all.tick(), List.of(world.player(s.id).orElseThrow()));
    }

    /** A screen or spectator joins (or comes back with its token): {@code welcome}, and a screen's {@code party}. */
    private void watch(Connection c, Room.Join j) {
        Seats.Watcher w = seats.seatWatcher(c, j, settings.maxPlayers(), host.tokens(), new Seats.WatcherRefusal() {
            @Override
            public void roomFull(Connection refused) {
                refused.joinRefused();
                refused.outbox().control(codec.encode(Assembler.error(ErrorCode.ROOM_FULL,
                        "room '" + room + "' has " + settings.maxPlayers() + " screens and spectators")));
            }

            @Override
            public void tooManySeats(Connection refused) {
                refuseSeat(refused);
            }
        });
        if (w == null) {
            return;
        }
        c.outbox().control(codec.encode(
                Assembler.watcherWelcome(room, world.rules(), world.snapshot(), w.seat().token, w.resumed())));
        if (j.role() == Role.SCREEN) {
            c.outbox().control(codec.encode(Party.message(room, j.link())));
        }
        counts.welcomed(c, j.role());
        if (w.replaced() != null) {
            host.kicker().kick(w.replaced(), CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    /** The address of {@code c} holds all the seats it may ({@link AddressQuota}): {@code too_many_seats}. */
    private void refuseSeat(Connection c) {
        c.joinRefused();
        host.metrics().error(ErrorCode.TOO_MANY_SEATS.wireName());
        c.outbox().control(codec.encode(Assembler.error(ErrorCode.TOO_MANY_SEATS,
                "your address holds as many players, screens and spectators as it may, those away included")));
    }
}
