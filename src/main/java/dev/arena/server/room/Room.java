package dev.arena.server.room;

import dev.arena.game.Input;
import dev.arena.games.dots.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.Role;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Destination;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.server.snapshot.InterestGrid;
import dev.arena.server.snapshot.SnapshotFrames;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One room: its game (the dots {@link World}, or any game on the SPI: a {@link Match} driven by its
 * {@link MatchEngine}), its {@link Seats} (all four roles), and the inbox of what its connections asked for since
 * the last tick. Its life has three hooks, all called by the {@link RoomDirectory}: it is made by the constructor
 * when a join names it, {@link #tick} runs once per server tick on the tick thread, and {@link #dispose} when it is
 * idle and removed. Any thread may {@link #enqueue} (and call the {@link Destination} methods); only the tick thread
 * touches the world and the seats.
 *
 * <p>A tick applies the inbox in arrival order ({@link Membership} for joins, leaves and resumes), lets away seats
 * whose grace period ended go, steps the world once, announces the audience counts, and sends the snapshots
 * ({@link DotsOffers}). A room on the SPI hands joins, leaves and inputs to its {@link MatchEngine} instead,
 * which steps the match and makes each seat's state offer; the sending is the same.
 */
public final class Room implements Destination {
    private static final Logger LOG = Logger.getLogger(Room.class.getName());

    /**
     * Joins a tick takes from the inbox; the events behind the next join wait for the next tick, in order. Every join
     * sends {@code playerJoined} to everyone in the room, so without a cap a burst of joins landing in one tick (a
     * reconnect storm) gives each member more control messages at once than its outbox holds
     * ({@link Outbox#MAX_PENDING_CONTROL}), and closes them all as slow consumers.
     */
    static final int MAX_JOINS_PER_TICK = 32;

    sealed interface Event {
        Connection connection();
    }

    /** {@code link}: a screen's controller page, for its join link and QR code (null: none). */
    record Join(Connection connection, String name, String token, Role role, String link) implements Event {
        Join(Connection connection, String name, String token) {
            this(connection, name, token, Role.PLAYER, null);
        }
    }

    /** A chat line, cleaned already, to relay to everyone else in the room. */
    record Say(Connection connection, String text) implements Event {}

    record Steer(Connection connection, long seq, Input input) implements Event {}

    /** A typed input of a game on the SPI, decoded already. */
    record Play(Connection connection, PlayerInput input) implements Event {}

    /**
     * The connection went at {@code atMillis}; {@code mayResume}: its seat waits for the grace period (counted from
     * {@code atMillis}, not from the tick that handles this) instead of going now.
     */
    record Leave(Connection connection, boolean mayResume, long atMillis) implements Event {}

    private final String name;
    private final World world;
    private final Codec codec;
    private final RoomHost host;
    private final Queue<Event> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final Seats seats;
    private final AudienceCounts counts = new AudienceCounts();
    private final Broadcast broadcast;
    private final Membership membership;
    private final DotsOffers dotsOffers; // null: a room on the SPI
    private final RoomMetrics metrics;
    private final Delivery delivery;
    private long failures;
    private final MatchEngine match; // null: a dots room, on its World (a Match of DotsGame)
    private final Seating seating; // the match, or the dots room's membership

    /** Creates room {@code name} playing dots on {@code world}. */
    public Room(String name, World world, RoomSettings settings, Codec codec, RoomHost host) {
        this(name, world, null, settings, codec, host);
    }

    /** Creates room {@code name} playing {@code game}, a game on the SPI. */
    public Room(String name, Match game, RoomSettings settings, Codec codec, RoomHost host) {
        this(name, null, game, settings, codec, host);
    }

    private Room(String name, World world, Match game, RoomSettings settings, Codec codec, RoomHost host) {
        this.name = name;
        this.world = world;
        this.codec = codec;
        this.host = host;
        this.metrics = host.metrics().forRoom(name, this::playerCount);
        this.delivery = new Delivery(host.senders(), settings.rules().tickRate(), metrics);
        this.seats = new Seats(host.quota());
        this.broadcast = new Broadcast(seats, metrics, codec);
        this.membership = world == null ? null
                : new Membership(name, world, settings, codec, host, seats, counts, broadcast, metrics);
        this.dotsOffers = world == null ? null : new DotsOffers(world, seats, membership,
                new SnapshotFrames(world.rules(), new InterestGrid(world.rules(), settings.viewDistance()), codec),
                metrics);
        this.match = game == null ? null : new MatchEngine(name, game, settings, codec, host, seats, counts, metrics);
        this.seating = match != null ? match : membership;
    }

    /** The name of the room's game. */
    public String game() {
        return match == null ? ServerMessage.Welcome.DOTS : match.game();
    }

    public RoomMetrics metrics() {
        return metrics;
    }

    public String name() {
        return name;
    }

    /** Players (and controllers) in the room, those away (waiting to be resumed) included. */
    public int playerCount() {
        return seats.dots();
    }

    /** Players whose connection dropped and who wait for it to come back. */
    public int awayCount() {
        return seats.awayDots();
    }

    /** Spectators, those away included. */
    public int spectatorCount() {
        return seats.spectators();
    }

    /** Screens, those away included. */
    public int screenCount() {
        return seats.screens();
    }

    void enqueue(Event event) {
        if (!(event instanceof Leave)) {
            metrics.received();
        }
        inboxSize.incrementAndGet();
        inbox.add(event);
    }

    @Override
    public void steer(Connection c, long seq, Input input) {
        if (match == null) {
            enqueue(new Steer(c, seq, input));
            return;
        }
        try { // a dots-style input in a room on the SPI: the game's first input, if it takes dx and dy
            enqueue(new Play(c, match.decode(seq, input.dx(), input.dy())));
        } catch (ProtocolException e) {
            c.outbox().control(codec.encode(Assembler.error(e.code(), e.getMessage())));
        }
    }

    @Override
    public void play(Connection c, ClientMessage.GameInput input) throws ProtocolException {
        if (match != null) {
            enqueue(new Play(c, match.decode(input)));
        } else if (input.text() != null) {
            ClientMessage.Input dots = codec.dotsInput(input.text());
            steer(c, dots.seq(), Assembler.toInput(dots));
        } else {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "room '" + name + "' plays dots: its binary inputs "
                    + "are the compact subprotocol's kind 2, not 0x22");
        }
    }

    @Override
    public void say(Connection c, String text) {
        enqueue(new Say(c, text));
    }

    @Override
    public void left(Connection c, boolean mayResume, long atMillis) {
        enqueue(new Leave(c, mayResume, atMillis));
    }

    /** Its {@link RoomImage} (tick thread, between two ticks). */
    public RoomImage capture() {
        return match == null ? RoomImages.capture(name, world, seats) : RoomImages.capture(name, match, seats);
    }

    void restored(long ids, java.util.List<Seat> away) { // by RoomImages: the id source and the seats, all away
        if (match != null) {
            match.nextId(Math.toIntExact(ids));
        }
        away.forEach(seats::add);
    }

    /** No seats and nothing waiting: the room may be removed. */
    public boolean isIdle() {
        return seats.isEmpty() && inboxSize.get() == 0;
    }

    /** The room was removed: its meters go. */
    public void dispose() {
        metrics.remove();
    }

    /**
     * Applies what arrived (joins, inputs, leaves, in arrival order), lets away seats whose grace period ended go,
     * steps the world once, and offers the snapshot, encoded once, to every connected seat. An event whose handling
     * throws is logged and its connection closed with 1011; the other events and seats go on. Returns how many
     * clients still had an unsent older snapshot (dropped).
     */
    public int tick(long nowMillis) {
        int joins = 0;
        for (int n = inboxSize.get(); n > 0; n--) {
            Event event = inbox.peek();
            if (event == null || event instanceof Join && ++joins > MAX_JOINS_PER_TICK) {
                break; // the rest, in order, next tick
            }
            inbox.poll();
            inboxSize.decrementAndGet();
            try {
                handle(event);
            } catch (RuntimeException | StackOverflowError e) {
                failed(event, e);
            }
        }
        seating.expire(nowMillis);
        if (match != null) {
            Outbox[] outboxes = new Outbox[seats.dots() + seats.watchers()];
            Outbox.SnapshotOffer[] offers = new Outbox.SnapshotOffer[outboxes.length];
            int n = match.step(outboxes, offers);
            counts.announce(broadcast::toNonPlayers, seats.dots(), seats.spectators(), seats.screens(), codec);
            return delivery.send(outboxes, offers, n, delivery.droppedMeanwhile());
        }
        world.step();
        counts.announce(broadcast::toNonPlayers, seats.dots(), seats.spectators(), seats.screens(), codec);
        return dotsOffers.send(nowMillis, delivery);
    }

    private void handle(Event event) {
        Connection c = event.connection();
        if (event instanceof Steer s) {
            Seat seat = seats.of(c);
            if (seat != null && seat.id != null) {
                world.steer(seat.id, s.seq(), s.input());
            }
        } else if (event instanceof Play p) {
            match.input(c, p.input());
        } else if (event instanceof Join j) {
            seating.join(j);
        } else if (event instanceof Say say) {
            broadcast.chat(c, say.text(), world);
        } else if (event instanceof Leave l) {
            seating.leave(c, l.mayResume(), l.atMillis());
        }
    }

    private void failed(Event event, Throwable e) {
        failures++;
        if (Long.bitCount(failures) == 1) { // 1st, 2nd, 4th... failure: a broken room must not flood the log
            LOG.log(Level.SEVERE, "room '" + name + "': handling " + event.getClass().getSimpleName()
                    + " failed (" + failures + " times); closing that connection, the room goes on", e);
        }
        Connection c = event.connection();
        if (event instanceof Join) {
            c.joinRefused();
        }
        host.kicker().kick(c, CloseCodes.INTERNAL_ERROR, "internal error");
    }
}
