package dev.arena.server;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ServerMessage;
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
 */
final class Room {
    private static final Logger LOG = Logger.getLogger(Room.class.getName());

    sealed interface Event {
        Connection connection();
    }

    record Join(Connection connection, String name, String token) implements Event {}

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

    /** A player of this room: its connection (null while away), its resume token, and when an away player leaves. */
    private static final class Member {
        final PlayerId id;
        final String token;
        Connection connection;
        long awayUntil;

        Member(PlayerId id, String token, Connection connection) {
            this.id = id;
            this.token = token;
            this.connection = connection;
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
    private volatile int memberCount;
    private volatile int awayCount;
    private long failures;
    private final SnapshotFrames frames;
    private final ArenaMetrics.RoomMetrics metrics;
    private final Executor senders;
    private final ArenaMetrics serverMetrics;
    private final AtomicInteger droppedBySenders = new AtomicInteger();

    /**
     * What a room uses besides its rules: the server's metrics, and the view distance of interest management (0:
     * everyone sees everyone; see {@link ArenaConfig#viewDistance}).
     */
    record Services(ArenaMetrics metrics, int viewDistance, Executor senders) {
        Services(ArenaMetrics metrics, int viewDistance) {
            this(metrics, viewDistance, null);
        }
    }

    /** Clients per task when snapshots are handed out on the sender threads. */
    static final int CLIENTS_PER_SEND_TASK = 128;

    Room(String name, World world, int maxPlayers, long graceMillis, Codec codec, Supplier<String> tokens,
            Kicker kicker) {
        this(name, world, maxPlayers, graceMillis, codec, tokens, kicker,
                new Services(new ArenaMetrics(world.rules().tickRate()), 0));
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
        this.metrics = services.metrics().forRoom(this);
        this.serverMetrics = services.metrics();
        this.senders = services.senders();
    }

    ArenaMetrics.RoomMetrics metrics() {
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

    void enqueue(Event event) {
        if (!(event instanceof Leave)) {
            metrics.received();
        }
        inboxSize.incrementAndGet();
        inbox.add(event);
    }

    /** No players and nothing waiting: the room may be removed. */
    boolean isIdle() {
        return memberCount == 0 && inboxSize.get() == 0;
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
        if (members.isEmpty()) {
            return 0;
        }
        RoomFrame frame = frames.next(world.snapshot(), nowMillis);
        InterestGrid grid = frames.grid();
        Outbox[] outboxes = new Outbox[members.size()];
        Outbox.SnapshotOffer[] offers = new Outbox.SnapshotOffer[members.size()];
        int n = 0;
        for (Member member : members.values()) {
            Connection c = member.connection;
            if (c != null) {
                int[] view = grid.view(frames.cellOf(member.id));
                outboxes[n] = c.outbox();
                offers[n++] = c.snapshots().offer(frame, view, frames.seqOf(member.id), metrics);
            }
        }
        int dropped = droppedBySenders.getAndSet(0); // counted by the sender threads since the last tick
        if (senders == null || n <= CLIENTS_PER_SEND_TASK) {
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
            join(c, j.name(), j.token());
        } else if (event instanceof Leave l) {
            Member m = memberOf(c);
            if (m == null) {
                return; // never joined, or replaced by a newer connection
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
        members.remove(m.id);
        byToken.remove(m.token);
        world.leave(m.id);
        memberCount = members.size();
        broadcast(codec.encode(new ServerMessage.PlayerLeft(m.id.value())));
    }

    private void join(Connection c, String requestedName, String token) {
        Member existing = token == null ? null : byToken.get(token);
        if (existing != null) {
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
        PlayerState player = world.join(requestedName);
        if (!c.joined(player.id())) {
            world.leave(player.id()); // the client went away while its join waited
            return;
        }
        Member m = new Member(player.id(), tokens.get(), c);
        metrics.sent(1, 0);
        c.outbox().control(codec.encode(
                Assembler.welcome(player, name, world.rules(), world.snapshot(), m.token, false)));
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
                Assembler.welcome(player, name, world.rules(), world.snapshot(), m.token, true)));
        if (old != null) {
            kicker.kick(old, CloseCodes.REPLACED, "resumed on another connection");
        }
    }

    private void broadcast(String text) {
        for (Member member : members.values()) {
            if (member.connection != null) {
                metrics.sent(1, 0);
                member.connection.outbox().control(text);
            }
        }
    }
}
