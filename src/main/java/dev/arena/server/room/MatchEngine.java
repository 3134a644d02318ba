package dev.arena.server.room;

import dev.arena.game.PlayerId;
import dev.arena.game.PlayerName;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.Role;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.server.party.Party;
import dev.arena.snapshot.Frame;
import dev.arena.snapshot.InputCodec;
import dev.arena.spi.Admission;
import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Viewer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A room whose game is on the SPI ({@link Match}): its seats' joins, resumes, leaves and inputs go to the match on the
 * tick thread in arrival order (through the {@link Room}'s inbox), one {@code step} per tick, then per connected
 * seat the tick's events for it and a state frame made from one {@link Frame} by the seat's own stream when its
 * outbox sends it ({@link MatchOffers}: a frame replaced by a newer one before it went is never made, so every delta
 * a stream makes reaches its client), with the player's {@code ack}. Binary on the compact subprotocol, JSON
 * otherwise. All four roles: a {@code controller} plays like a player (and is sent the
 * room's state frames, as the player page is: its page draws no map), a {@code screen} (with its {@code party}
 * message) and a {@code spectator} watch. A step that throws ends the room: logged, everyone closed with
 * {@link CloseCodes#GAME_FAILED}; other rooms are not touched. Used by the room's tick thread only, except
 * {@link #decode} (any thread).
 */
final class MatchEngine implements Seating {
    private static final Logger LOG = Logger.getLogger(MatchEngine.class.getName());

    private final String room;
    private final Match match;
    private final RoomSettings settings;
    private final Codec codec;
    private final RoomHost host;
    private final Seats seats;
    private final AudienceCounts counts;
    private final RoomMetrics metrics;
    private final InputCodec inputs;
    private final MatchOffers offers;
    private final MatchWelcome welcomes;
    private int nextId = 1;
    private boolean ended;

    MatchEngine(String room, Match match, RoomSettings settings, Codec codec, RoomHost host, Seats seats,
            AudienceCounts counts, RoomMetrics metrics) {
        this.room = room;
        this.match = match;
        this.settings = settings;
        this.codec = codec;
        this.host = host;
        this.seats = seats;
        this.counts = counts;
        this.metrics = metrics;
        this.inputs = new InputCodec(match.game().schema());
        this.offers = new MatchOffers(match, seats, metrics);
        this.welcomes = new MatchWelcome(room, match);
    }

    String game() {
        return match.game().name();
    }

    Match match() {
        return match;
    }

    /** The id the next player gets; set when the room is restored from a {@link RoomImage}. */
    int nextId() {
        return nextId;
    }

    void nextId(int id) {
        nextId = id;
    }

    /** A typed input, decoded strictly against the game's inputs (any thread). */
    PlayerInput decode(ClientMessage.GameInput in) throws ProtocolException {
        return in.text() != null ? inputs.decode(in.text()) : inputs.decode(ByteBuffer.wrap(in.binary()));
    }

    /** A dots-style input ({@code seq}, {@code dx}, {@code dy}) as the game's first input type, decoded as strictly. */
    PlayerInput decode(long seq, int dx, int dy) throws ProtocolException {
        return inputs.decode("{\"type\":\"input\",\"seq\":" + seq + ",\"dx\":" + dx + ",\"dy\":" + dy + "}");
    }

    @Override
    public void join(Room.Join j) {
        Connection c = j.connection();
        if (ended) {
            c.joinRefused();
            host.kicker().kick(c, CloseCodes.GAME_FAILED, "the game of this room failed");
        } else if (j.role().plays()) {
            Seat existing = seats.withToken(j.token(), j.role());
            if (existing != null) {
                resume(c, existing);
            } else {
                admit(c, j.name(), j.role());
            }
        } else {
            watch(c, j);
        }
    }

    private void admit(Connection c, String requestedName, Role role) {
        if (seats.dots() >= settings.maxPlayers()) {
            refuse(c, ErrorCode.ROOM_FULL, "room '" + room + "' is full (" + settings.maxPlayers() + " players)");
            return;
        }
        if (!host.quota().takeSeat(c.address())) {
            refuse(c, ErrorCode.TOO_MANY_SEATS,
                    "your address holds as many players, screens and spectators as it may, those away included");
            return;
        }
        int id = nextId++;
        String name = PlayerName.clean(requestedName, "Player " + id);
        String token = host.tokens().get();
        Admission admission;
        try {
            admission = match.join(id, name);
        } catch (RuntimeException e) {
            host.quota().releaseSeat(c.address()); // a join the game failed holds nothing
            throw e;
        }
        if (admission instanceof Admission.Refused refused) {
            host.quota().releaseSeat(c.address());
            refuse(c, ErrorCode.JOIN_REFUSED, refused.reason());
            return;
        }
        if (!c.joined(new PlayerId(id))) {
            match.leave(id); // the client went away while its join waited
            host.quota().releaseSeat(c.address());
            return;
        }
        Seat s = new Seat(role, new PlayerId(id), name, token, c);
        seats.add(s);
        welcome(c, s, id, false);
    }

    private void resume(Connection c, Seat s) {
        if (!c.joined(s.id)) {
            return; // the new connection closed while its join waited
        }
        Connection old = seats.resume(s, c);
        offers.close(old);
        match.idle(s.id.value()); // the new connection numbers its inputs afresh
        welcome(c, s, s.id.value(), true);
        if (old != null) {
            host.kicker().kick(old, CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    private void watch(Connection c, Room.Join j) {
        Seats.Watcher w = seats.seatWatcher(c, j, settings.maxPlayers(), host.tokens(), new Seats.WatcherRefusal() {
            @Override
            public void roomFull(Connection refused) {
                refuse(refused, ErrorCode.ROOM_FULL, "room '" + room + "' has " + settings.maxPlayers()
                        + " screens and spectators");
            }

            @Override
            public void tooManySeats(Connection refused) {
                refuse(refused, ErrorCode.TOO_MANY_SEATS,
                        "your address holds as many seats as it may, those away included");
            }
        });
        if (w == null) {
            return;
        }
        offers.close(w.replaced());
        welcome(c, w.seat(), 0, w.resumed());
        if (j.role() == Role.SCREEN) {
            c.outbox().control(codec.encode(Party.message(room, j.link())));
        }
        if (w.replaced() != null) {
            host.kicker().kick(w.replaced(), CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    private void welcome(Connection c, Seat s, int id, boolean resumed) {
        offers.open(c, new Viewer(id, Viewer.Role.valueOf(s.role.name())));
        metrics.sent(1, 0);
        c.outbox().control(welcomes.of(id, s.token, resumed));
        counts.welcomed(c, s.role);
    }

    private void refuse(Connection c, ErrorCode code, String message) {
        c.joinRefused();
        metrics.sent(1, 0);
        host.metrics().error(code.wireName());
        c.outbox().control(codec.encode(Assembler.error(code, message)));
    }

    /** {@code c} went at {@code atMillis}; {@code mayResume}: its seat waits for the grace period. */
    @Override
    public void leave(Connection c, boolean mayResume, long atMillis) {
        Seat s = seats.of(c);
        if (s == null) {
            return;
        }
        offers.close(c);
        if (mayResume && settings.graceMillis() > 0) {
            seats.away(s, atMillis + settings.graceMillis());
            if (s.id != null) {
                match.idle(s.id.value());
            }
        } else {
            remove(s);
        }
    }

    void input(Connection c, PlayerInput input) {
        Seat s = seats.of(c);
        if (s != null && s.id != null) {
            match.input(s.id.value(), input);
        }
    }

    /** The away seats whose grace period has ended go. */
    @Override
    public void expire(long nowMillis) {
        for (Seat s : seats.expire(nowMillis)) {
            remove(s);
        }
    }

    private void remove(Seat s) {
        seats.remove(s);
        if (s.id != null) {
            match.leave(s.id.value());
        }
    }

    /**
     * One step, then the events and a state offer for every connected seat, into {@code outboxes} and
     * {@code offers} (sized for every seat); returns how many it filled. A step that throws ends the room.
     */
    int step(Outbox[] outboxes, Outbox.SnapshotOffer[] offersOut) {
        if (ended) {
            return 0;
        }
        List<Event> happened;
        Frame frame;
        try {
            match.step();
            happened = match.drainEvents();
            frame = Frame.of(match, settings.viewDistance());
        } catch (RuntimeException | StackOverflowError e) {
            end(e);
            return 0;
        }
        return offers.fill(happened, frame, outboxes, offersOut);
    }

    /** The game failed: the room ends, everyone in it is closed with {@link CloseCodes#GAME_FAILED}. */
    private void end(Throwable e) {
        ended = true;
        LOG.log(Level.SEVERE, "room '" + room + "': the game " + game() + " failed at tick " + match.tick()
                + "; the room is ended, its " + (seats.dots() + seats.watchers()) + " seats closed", e);
        List<Seat> all = new ArrayList<>();
        seats.withDots().forEach(all::add);
        seats.watching().forEach(all::add);
        for (Seat s : all) {
            if (s.connection != null) {
                host.kicker().kick(s.connection, CloseCodes.GAME_FAILED, "the game of this room failed");
            }
            seats.remove(s);
        }
        seats.expire(Long.MAX_VALUE).forEach(seats::remove); // the away ones too
        offers.closeAll();
    }
}
