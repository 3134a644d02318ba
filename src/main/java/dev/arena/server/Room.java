package dev.arena.server;

import dev.arena.game.Input;
import dev.arena.game.PlayerName;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.World;
import dev.arena.game.WorldSnapshot;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.Role;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.metrics.RoomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One room: a {@link World}, the players in it with their connections, and the inbox of what they asked for since the
 * last tick. Any thread may {@link #enqueue}; only the tick thread runs {@link #tick}, and only it touches the world
 * and the member list.
 *
 * <p>A player whose connection drops (not a clean close) stays in the room, standing still, for the resume grace
 * period: a new connection that joins with the player's token takes it over, and the others never see it leave. After
 * the grace period it leaves for real.
 *
 * <p>Roles (docs/protocol.md): players and controllers are members with a dot; a controller is sent its own state
 * ({@link ControllerFeed}) instead of snapshots and no {@code playerJoined}/{@code playerLeft}. Screens and
 * spectators are the room's {@link Audience}: no dot, every snapshot and room event.
 */
final class Room {
    private static final Logger LOG = Logger.getLogger(Room.class.getName());

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

    /**
     * The connection went at {@code atMillis}; {@code mayResume}: its player waits for the grace period (counted
     * from {@code atMillis}, not from the tick that handles this) instead of leaving now.
     */
    record Leave(Connection connection, boolean mayResume, long atMillis) implements Event {}

    /** Ends a connection from the room's side: closes it with a code and forgets it (GameWorld#kick). */
    interface Kicker {
        void kick(Connection c, int code, String reason);
    }

    /**
     * A player of this room: its connection (null while away), its resume token, when an away player leaves, and the
     * address its seat counts against (the one that joined it, for the member's whole life).
     */
    private static final class Member {
        final PlayerId id;
        final String token;
        final ControllerFeed feed; // null for a player: it gets the snapshots
        final String address;
        Connection connection;
        long awayUntil;

        Member(PlayerId id, String token, Connection connection, Role role) {
            this.id = id;
            this.token = token;
            this.connection = connection;
            this.address = connection.address();
            this.feed = role == Role.CONTROLLER ? new ControllerFeed() : null;
        }

        Role role() {
            return feed == null ? Role.PLAYER : Role.CONTROLLER;
        }
    }

    private final String name;
    private final World world;
    private final int maxPlayers;
    private final long graceMillis;
    private final Codec codec;
    private final Supplier<String> tokens;
    private final Kicker kicker;
    private final Queue<Event> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final Map<PlayerId, Member> members = new LinkedHashMap<>();
    private final Map<String, Member> byToken = new HashMap<>();
    private final Audience audience;
    private final AddressQuota seats;
    private final AudienceCounts counts = new AudienceCounts();
    private volatile int memberCount;
    private volatile int awayCount;
    private long failures;
    private final SnapshotFrames frames;
    private final RoomMetrics metrics;
    private final Executor senders;
    private final ArenaMetrics serverMetrics;
    private final AtomicInteger droppedBySenders = new AtomicInteger();

    /**
     * What a room uses besides its rules: the server's metrics, the view distance of interest management (0:
     * everyone sees everyone; see {@link ArenaConfig#viewDistance}), the threads that send snapshots (null: the tick
     * thread), and the per-address seat limit ({@link AddressQuota#NONE}: none).
     */
    record Services(ArenaMetrics metrics, int viewDistance, Executor senders, AddressQuota seats) {
        Services(ArenaMetrics metrics, int viewDistance) {
            this(metrics, viewDistance, null, AddressQuota.NONE);
        }

        Services(ArenaMetrics metrics, int viewDistance, Executor senders) {
            this(metrics, viewDistance, senders, AddressQuota.NONE);
        }
    }

    /** Clients per task when snapshots are handed out on the sender threads. */
    static final int CLIENTS_PER_SEND_TASK = 128;

    Room(String name, World world, int maxPlayers, long graceMillis, Codec codec, Supplier<String> tokens,
            Kicker kicker) {
        this(name, world, maxPlayers, graceMillis, codec, tokens, kicker,
                new Services(new ArenaMetrics(new Metrics(new SimpleMeterRegistry()), world.rules().tickRate()), 0));
    }

    Room(String name, World world, int maxPlayers, long graceMillis, Codec codec, Supplier<String> tokens,
            Kicker kicker, Services services) {
        this.name = name;
        this.world = world;
        this.maxPlayers = maxPlayers;
        this.graceMillis = graceMillis;
        this.codec = codec;
        this.tokens = tokens;
        this.kicker = kicker;
        this.frames = new SnapshotFrames(
                world.rules(), new InterestGrid(world.rules(), services.viewDistance()), codec);
        this.metrics = services.metrics().forRoom(name, this::playerCount);
        this.serverMetrics = services.metrics();
        this.senders = services.senders();
        this.seats = services.seats();
        this.audience = new Audience(seats);
    }

    RoomMetrics metrics() {
        return metrics;
    }

    String name() {
        return name;
    }

    /** Players in the room, those away (waiting to be resumed) included. */
    int playerCount() {
        return memberCount;
    }

    /** Players whose connection dropped and who wait for it to come back. */
    int awayCount() {
        return awayCount;
    }

    /** Spectators, those away included. */
    int spectatorCount() {
        return audience.spectators();
    }

    /** Screens, those away included. */
    int screenCount() {
        return audience.screens();
    }

    void enqueue(Event event) {
        if (!(event instanceof Leave)) {
            metrics.received();
        }
        inboxSize.incrementAndGet();
        inbox.add(event);
    }

    /** No players and nothing waiting: the room may be removed. */
    boolean isIdle() {
        return memberCount == 0 && audience.size() == 0 && inboxSize.get() == 0;
    }

    /**
     * Applies what arrived (joins, inputs, leaves, in arrival order), lets away players whose grace period ended
     * leave, steps the world once, and offers the snapshot, encoded once, to every connected member. An event whose
     * handling throws is logged and its connection closed with 1011; the other events and players go on. Returns how
     * many members still had an unsent older snapshot (dropped).
     */
    int tick(long nowMillis) {
        for (int n = inboxSize.get(); n > 0; n--) {
            Event event = inbox.poll();
            if (event == null) {
                break;
            }
            inboxSize.decrementAndGet();
            try {
                handle(event, nowMillis);
            } catch (RuntimeException | StackOverflowError e) {
                failed(event, e);
            }
        }
        expireAway(nowMillis);
        world.step();
        memberCount = members.size();
        counts.announce(this::sendToNonPlayers, members.size(), audience.spectators(), audience.screens(), codec);
        if (members.isEmpty() && audience.size() == 0) {
            return 0;
        }
        RoomFrame frame = frames.next(world.snapshot(), nowMillis);
        InterestGrid grid = frames.grid();
        int capacity = members.size() + audience.size();
        Outbox[] outboxes = new Outbox[capacity];
        Outbox.SnapshotOffer[] offers = new Outbox.SnapshotOffer[capacity];
        int n = 0;
        int dropped = droppedBySenders.getAndSet(0); // counted by the sender threads since the last tick
        for (Member member : members.values()) {
            Connection c = member.connection;
            if (c == null) {
                continue;
            }
            if (member.feed != null) { // a controller: its own state, never the room's snapshot
                String own = ownState(member, nowMillis);
                if (own != null && c.outbox().snapshot(own)) {
                    dropped++;
                }
                continue;
            }
            int[] view = grid.view(frames.cellOf(member.id));
            outboxes[n] = c.outbox();
            offers[n++] = c.snapshots().offer(frame, view, frames.seqOf(member.id), metrics);
        }
        for (Connection c : audience.connections()) { // screens and spectators see the whole room
            if (n == capacity) {
                break;
            }
            outboxes[n] = c.outbox();
            offers[n++] = c.snapshots().offer(frame, grid.everything(), 0, metrics);
        }
        if (senders == null) { // small rooms too: 100 rooms of 10 must not write 1,000 frames on the tick thread
            return dropped + deliver(outboxes, offers, 0, n);
        }
        for (int from = 0; from < n; from += CLIENTS_PER_SEND_TASK) {
            int start = from;
            int end = Math.min(n, from + CLIENTS_PER_SEND_TASK);
            try {
                senders.execute(() -> droppedBySenders.addAndGet(deliver(outboxes, offers, start, end)));
            } catch (RejectedExecutionException e) { // the senders are shutting down: deliver here
                dropped += deliver(outboxes, offers, start, end);
            }
        }
        return dropped;
    }

    /**
     * Offers each client its snapshot; an outbox that is free starts sending at once, on this thread (the socket
     * write). Returns how many older snapshots were dropped.
     */
    private static int deliver(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int from, int to) {
        int dropped = 0;
        for (int i = from; i < to; i++) {
            if (outboxes[i].snapshot(offers[i])) {
                dropped++;
            }
        }
        return dropped;
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
        kicker.kick(c, CloseCodes.INTERNAL_ERROR, "internal error");
    }

    private void handle(Event event, long nowMillis) {
        Connection c = event.connection();
        if (event instanceof Steer s) {
            Member m = memberOf(c);
            if (m != null) {
                world.steer(m.id, s.seq(), s.input());
            }
        } else if (event instanceof Join j) {
            if (j.role().plays()) {
                join(c, j.name(), j.token(), j.role());
            } else {
                watch(c, j);
            }
        } else if (event instanceof Say say) {
            say(c, say.text());
        } else if (event instanceof Leave l) {
            Member m = memberOf(c);
            if (m == null) { // never joined, replaced by a newer connection, or a screen or spectator
                audience.leave(c, l.mayResume() && graceMillis > 0, l.atMillis() + graceMillis);
                return;
            }
            if (l.mayResume() && graceMillis > 0) {
                m.connection = null;
                m.awayUntil = l.atMillis() + graceMillis;
                world.release(m.id); // an away player stands still
                awayCount++;
            } else {
                remove(m);
            }
        }
    }

    /** The member whose current connection is {@code c}, or null. */
    private Member memberOf(Connection c) {
        PlayerId id = c.player();
        Member m = id == null ? null : members.get(id);
        return m != null && m.connection == c ? m : null;
    }

    private void expireAway(long nowMillis) {
        audience.expire(nowMillis);
        if (awayCount == 0) {
            return;
        }
        List<Member> expired = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.connection == null && m.awayUntil <= nowMillis) {
                expired.add(m);
            }
        }
        for (Member m : expired) {
            remove(m);
        }
    }

    private void remove(Member m) {
        if (m.connection == null) {
            awayCount--;
        }
        seats.releaseSeat(m.address);
        members.remove(m.id);
        byToken.remove(m.token);
        world.leave(m.id);
        memberCount = members.size();
        broadcast(codec.encode(new ServerMessage.PlayerLeft(m.id.value())));
    }

    private void join(Connection c, String requestedName, String token, Role role) {
        Member existing = token == null ? null : byToken.get(token);
        if (existing != null && existing.role() == role) {
            resume(c, existing);
            return;
        }
        if (members.size() >= maxPlayers) {
            c.joinRefused();
            metrics.sent(1, 0);
            serverMetrics.error(ErrorCode.ROOM_FULL.wireName());
            c.outbox().control(codec.encode(Assembler.error(
                    ErrorCode.ROOM_FULL, "room '" + name + "' is full (" + maxPlayers + " players)")));
            return;
        }
        if (!seats.takeSeat(c.address())) {
            refuseSeat(c);
            return;
        }
        PlayerState player = world.join(requestedName);
        if (!c.joined(player.id())) {
            world.leave(player.id()); // the client went away while its join waited
            seats.releaseSeat(c.address());
            return;
        }
        Member m = new Member(player.id(), tokens.get(), c, role);
        metrics.sent(1, 0);
        c.outbox().control(codec.encode(
                Assembler.welcome(player, name, world.rules(), visibleTo(m), m.token, false)));
        counts.welcomed(c, role);
        broadcast(codec.encode(new ServerMessage.PlayerJoined(Assembler.info(player))));
        members.put(player.id(), m);
        byToken.put(m.token, m);
        memberCount = members.size();
    }

    /** A new connection takes over a player by its token; an older connection still attached is closed. */
    private void resume(Connection c, Member m) {
        if (!c.joined(m.id)) {
            return; // the new connection closed while its join waited: the player stays as it was
        }
        Connection old = m.connection;
        if (old == null) {
            awayCount--;
        }
        m.connection = c;
        m.awayUntil = 0;
        world.release(m.id); // the new connection numbers its inputs afresh
        PlayerState player = world.player(m.id).orElseThrow();
        metrics.sent(1, 0);
        c.outbox().control(codec.encode(
                Assembler.welcome(player, name, world.rules(), visibleTo(m), m.token, true)));
        counts.welcomed(c, m.role());
        if (m.feed != null) {
            m.feed.reset();
        }
        if (old != null) {
            kicker.kick(old, CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    /**
     * A room event (playerJoined, playerLeft) to everyone who sees the room: players, screens, spectators. Only
     * queued: each of them is offered a snapshot later in this tick, which sends it first, on the sender threads.
     */
    private void broadcast(String text) {
        for (Member member : members.values()) {
            if (member.connection != null && member.feed == null) {
                metrics.sent(1, 0);
                member.connection.outbox().queue(text);
            }
        }
        audience.queue(text);
    }

    /** What a member's welcome shows: the whole room, or a controller only itself. */
    private WorldSnapshot visibleTo(Member m) {
        WorldSnapshot all = world.snapshot();
        return m.feed == null ? all : new WorldSnapshot(all.tick(), List.of(world.player(m.id).orElseThrow()));
    }

    private String ownState(Member m, long nowMillis) {
        return m.feed.next(world.player(m.id).orElseThrow(), world.tick(), nowMillis, codec);
    }

    /** A screen or spectator joins (or comes back with its token): {@code welcome}, and a screen's {@code party}. */
    private void watch(Connection c, Join j) {
        Audience.Watcher existing = audience.withToken(j.token(), j.role());
        if (existing == null && audience.size() >= maxPlayers) {
            c.joinRefused();
            c.outbox().control(codec.encode(Assembler.error(ErrorCode.ROOM_FULL,
                    "room '" + name + "' has " + maxPlayers + " screens and spectators")));
            return;
        }
        if (existing == null && !seats.takeSeat(c.address())) {
            refuseSeat(c);
            return;
        }
        if (!c.joined(null)) {
            if (existing == null) {
                seats.releaseSeat(c.address());
            }
            return; // the client went away while its join waited
        }
        Audience.Watcher w = existing;
        Connection old = null;
        if (w == null) {
            String fallback = j.role() == Role.SCREEN ? "Screen" : "Spectator";
            w = audience.add(c, j.role(), PlayerName.clean(j.name(), fallback), tokens.get());
        } else {
            old = audience.resume(w, c);
        }
        c.outbox().control(codec.encode(
                Assembler.watcherWelcome(name, world.rules(), world.snapshot(), w.token, existing != null)));
        if (j.role() == Role.SCREEN) {
            c.outbox().control(codec.encode(Party.message(name, j.link())));
        }
        counts.welcomed(c, j.role());
        if (old != null) {
            kicker.kick(old, CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    /** The address of {@code c} holds all the seats it may ({@link AddressQuota}): {@code too_many_seats}. */
    private void refuseSeat(Connection c) {
        c.joinRefused();
        serverMetrics.error(ErrorCode.TOO_MANY_SEATS.wireName());
        c.outbox().control(codec.encode(Assembler.error(ErrorCode.TOO_MANY_SEATS,
                "your address holds as many players, screens and spectators as it may, those away included")));
    }

    /** Relays a chat line to everyone in the room but its sender, with the sender's name. */
    private void say(Connection c, String text) {
        Member m = memberOf(c);
        Audience.Watcher w = m == null ? audience.of(c) : null;
        if (m == null && w == null) {
            return; // left meanwhile
        }
        int from = m == null ? 0 : m.id.value();
        String sender = m == null ? w.name : world.player(m.id).orElseThrow().name();
        String line = codec.encode(new ServerMessage.Chat(from, sender, text));
        for (Member member : members.values()) {
            if (member.connection != null && member.connection != c) {
                member.connection.outbox().control(line);
            }
        }
        audience.send(line, c);
    }

    private void sendToNonPlayers(String text) {
        for (Member member : members.values()) {
            if (member.connection != null && member.feed != null) {
                member.connection.outbox().control(text);
            }
        }
        audience.send(text, null);
    }
}
