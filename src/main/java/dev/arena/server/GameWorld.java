package dev.arena.server;

import dev.arena.game.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The game server's application layer: all rooms and connections. The transport calls {@link #connect},
 * {@link #receive}, {@link #reject}, {@link #heard}, {@link #disconnect} and {@link #dropped} from its threads; the
 * tick scheduler calls {@link #tick} from one thread. Nothing here waits on a client.
 *
 * <p>The limits are enforced here, at the edge, before any rule runs: connections per remote address, a message
 * budget per connection (token bucket), an idle timeout with heartbeat pings, and a bound on how long one send to a
 * client may take. Time comes from the clock passed in; the idle and slow-consumer checks run on the tick.
 */
@ApplicationScoped
public class GameWorld {
    private static final Logger LOG = Logger.getLogger(GameWorld.class.getName());
    private static final int TOKEN_BYTES = 16; // 128 bits

    private final ArenaConfig config;
    private final LongSupplier clockMillis;
    private final RandomGenerator seeds;
    private final SecureRandom tokenRandom = new SecureRandom();
    private final Codec codec = new Codec();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ClosingConnections closing = new ClosingConnections();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Long> roomFailures = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private final AtomicLong droppedSnapshots = new AtomicLong();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private volatile long lastTickMillis;
    private volatile String tickThread;
    private volatile String tickExecutor;
    private final Object tickLock = new Object();
    private volatile boolean shutDown;
    private final AddressQuota quota;
    private final RoomJoins joins;
    private long lastSweep;
    private final ArenaMetrics metrics;
    private volatile Executor senders;

    /** For CDI and standalone use: settings from system properties and environment, the system clock. */
    public GameWorld() {
        this(ArenaConfig.fromSystem(), System::currentTimeMillis, new SplittableRandom(new SecureRandom().nextLong()));
    }

    /** Metrics in a Prometheus registry of its own (written as text by {@code transport.PrometheusText}). */
    public GameWorld(ArenaConfig config, LongSupplier clockMillis, RandomGenerator seeds) {
        this(config, clockMillis, seeds, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** {@code registry}: where the metrics are kept, of this world's own. */
    public GameWorld(ArenaConfig config, LongSupplier clockMillis, RandomGenerator seeds, MeterRegistry registry) {
        this.config = config;
        this.clockMillis = clockMillis;
        this.seeds = seeds;
        this.metrics = new ArenaMetrics(new Metrics(registry), config.rules().tickRate());
        this.quota = new AddressQuota(config, clockMillis);
        this.joins = new RoomJoins(rooms, config, quota, this::newRoom, () -> {
            synchronized (tokenRandom) {
                return Party.newCode(tokenRandom);
            }
        }, this::error);
        metrics.gauge("arena.rooms", "rooms", this::roomCount);
        metrics.gauge("arena.players", "players in all rooms, away players included", this::playerCount);
        metrics.gauge("arena.connections", "open WebSocket connections", this::connectionCount);
        metrics.gauge("arena.addresses",
                "remote addresses with an open connection (0 where the container does not tell)", this::addressCount);
    }

    /**
     * Hands snapshots to clients on {@code executor}'s threads instead of the tick thread (null: on the tick thread).
     * An outbox that is free writes to its socket on the thread that offers it the snapshot: with thousands of
     * clients those writes are most of a tick's work, and spread over a few threads they use every core while the
     * tick goes on. In a container, pass its managed executor.
     */
    public void sendWith(Executor executor) {
        this.senders = executor;
    }

    /** The server's metrics (served as Prometheus text at {@code /metrics} by the transport). */
    public ArenaMetrics metrics() {
        return metrics;
    }

    public ArenaConfig config() {
        return config;
    }

    /** A client connected from an unknown address; keep the returned connection for its other calls. */
    public Connection connect(Peer peer) {
        return connect(peer, null);
    }

    /**
     * A client connected from {@code address} (null: unknown, not counted). Keep the returned connection for its
     * other calls. When the address has {@link ArenaConfig#maxConnectionsPerAddress} connections already, the new one
     * is closed at once with {@link CloseCodes#TOO_MANY_CONNECTIONS}; the calls on it are then ignored.
     */
    public Connection connect(Peer peer, String address) {
        long now = clockMillis.getAsLong();
        Outbox outbox = new Outbox(peer, clockMillis, metrics::sent);
        MessageRate rate = new MessageRate(config.maxMessagesPerSecond(), config.messageBurst(), now);
        int max = config.maxConnectionsPerAddress();
        if (address != null && max > 0) {
            boolean[] admitted = {false};
            perAddress.compute(address, (a, n) -> {
                int count = n == null ? 0 : n;
                admitted[0] = count < max;
                return admitted[0] ? count + 1 : n;
            });
            if (!admitted[0]) {
                Connection refused = new Connection(outbox, rate, null, now);
                refused.close();
                closeWith(outbox, CloseCodes.TOO_MANY_CONNECTIONS, "too many connections from your address");
                return refused;
            }
        } else {
            address = null;
        }
        boolean binary = SnapshotFormat.SUBPROTOCOL.equals(peer.subprotocol());
        Connection c = new Connection(outbox, rate, address, now, new SnapshotStream(binary));
        connections.add(c);
        if (shutDown) { // opened while the server shuts down: shutdown() may have missed it
            closeWith(outbox, CloseCodes.GOING_AWAY, "server shutting down");
        }
        return c;
    }

    /** A decoded, valid message from a client. */
    public void receive(Connection c, ClientMessage message) {
        if (!admit(c)) {
            return;
        }
        c.resetErrors();
        metrics.received();
        if (message instanceof ClientMessage.Input input) {
            Room room = c.state() == Connection.State.JOINED ? c.room() : null;
            if (room == null) {
                error(c, ErrorCode.NOT_JOINED, "send 'join' and wait for 'welcome' before 'input'");
            } else if (!c.role().plays()) {
                error(c, ErrorCode.FORBIDDEN, "a " + c.role().wireName() + " has no dot to move");
            } else {
                room.enqueue(new Room.Steer(c, input.seq(), Assembler.toInput(input)));
            }
        } else if (message instanceof ClientMessage.Join join) {
            joins.join(c, join);
        } else if (message instanceof ClientMessage.Ping ping) {
            c.outbox().control(codec.encode(new ServerMessage.Pong(ping.t(), clockMillis.getAsLong())));
        } else if (message instanceof ClientMessage.Chat chat) {
            chat(c, chat);
        }
    }

    /** A message that could not be decoded: answer with its error; too many in a row close the connection. */
    public void reject(Connection c, ProtocolException problem) {
        if (!admit(c)) {
            return;
        }
        if (c.countError() >= CloseCodes.MAX_CONSECUTIVE_ERRORS) {
            kick(c, CloseCodes.PROTOCOL_ERROR, "too many invalid messages");
            return;
        }
        error(c, problem.code(), problem.getMessage());
    }

    /**
     * A frame of a kind Arena's clients never send (binary): the connection is closed with
     * {@link CloseCodes#UNSUPPORTED_DATA} once the client is quiet, and its player leaves at once.
     */
    public void unsupported(Connection c) {
        if (admit(c)) {
            kick(c, CloseCodes.UNSUPPORTED_DATA, "binary frames are not accepted");
        }
    }

    /** Handling this connection's traffic failed unexpectedly: closed with 1011, its player leaves at once. */
    public void failed(Connection c) {
        kick(c, CloseCodes.INTERNAL_ERROR, "internal error");
    }

    /** Something arrived that is not a message (a pong): the client is alive. */
    public void heard(Connection c) {
        c.heard(clockMillis.getAsLong());
    }

    /** The client closed cleanly (close code 1000): it left, its player leaves the room at the next tick. */
    public void disconnect(Connection c) {
        forget(c, false, true);
    }

    /**
     * The connection was lost without a clean close (code 1006): its player stays in the room for
     * {@link ArenaConfig#resumeGrace} and can be resumed with its token.
     */
    public void dropped(Connection c) {
        closed(c, 1006);
    }

    /**
     * The connection closed with {@code code} (as the container reports it: the client's code, or the container's
     * own such as 1009). 1000 (the client closed cleanly: it left) and the codes of misbehaviour or failure (1002,
     * 1003, 1007, 1008, 1009, 1011, 4000, 4002) make its player leave at the next tick; any other code (1001 when a page reloads, 1006 when the network dropped...) keeps the player for the
     * resume grace period. Connections the server closed itself were forgotten already, with their own rule.
     */
    public void closed(Connection c, int code) {
        closing.remove(c);
        forget(c, code != 1000 && mayResumeAfter(code), true);
    }

    /**
     * Runs one tick of every room. A room whose tick throws is logged and skipped; the other rooms, and the next
     * tick of the same room, run as usual. Empty rooms are removed. Then checks every connection: closes those idle
     * for too long or stuck on one send for too long, and pings those that have been quiet for a while.
     */
    public void tick() {
        synchronized (tickLock) {
            if (!shutDown) {
                tickRooms();
            }
        }
    }

    private void tickRooms() {
        long started = System.nanoTime();
        long now = clockMillis.getAsLong();
        ticks.incrementAndGet();
        lastTickMillis = now;
        tickThread = Thread.currentThread().getName();
        for (Room room : rooms.values()) {
            long roomStarted = System.nanoTime();
            try {
                int dropped = room.tick(now);
                droppedSnapshots.addAndGet(dropped);
                metrics.dropped(dropped);
                room.metrics().dropped(dropped);
            } catch (RuntimeException | StackOverflowError e) {
                long failures = roomFailures.merge(room.name(), 1L, Long::sum);
                if (Long.bitCount(failures) == 1) { // 1st, 2nd, 4th, 8th... failure: a broken room must not flood the log
                    LOG.log(Level.SEVERE, "tick of room '" + room.name() + "' failed (" + failures + " times)", e);
                }
            }
            room.metrics().ticked(System.nanoTime() - roomStarted);
            if (room.isIdle()) {
                rooms.computeIfPresent(room.name(), (name, r) -> {
                    if (!r.isIdle()) {
                        return r;
                    }
                    quota.roomRemoved(name); // in here: a new room of that name is counted only after this
                    return null;
                });
                roomFailures.remove(room.name());
                if (rooms.get(room.name()) != room) {
                    room.metrics().remove();
                }
            }
        }
        checkConnections(now);
        closing.check(now);
        if (now - lastSweep >= 1000) {
            lastSweep = now;
            quota.sweep();
        }
        metrics.ticked(System.nanoTime() - started);
    }

    /**
     * Closes every connection with "going away" (server shutdown or undeploy). A tick under way finishes first; later
     * ticks do nothing.
     */
    public void shutdown() {
        synchronized (tickLock) {
            shutDown = true;
        }
        for (Connection c : connections) {
            closeWith(c.outbox(), CloseCodes.GOING_AWAY, "server shutting down");
        }
        closing.closeAll();
    }

    /** For tests: where new party codes come from (by default {@link Party#newCode} on a {@link SecureRandom}). */
    void usePartyCodes(Supplier<String> codes) {
        joins.usePartyCodes(codes);
    }

    /** For tests: what each address holds and owes. */
    AddressQuota quota() {
        return quota;
    }

    /** Called by whatever schedules {@link #tick}: "managed" or "plain", reported by {@link #health}. */
    public void tickedBy(String executorKind) {
        this.tickExecutor = executorKind;
    }

    public Health health() {
        long sinceLastTick = clockMillis.getAsLong() - lastTickMillis;
        long allowed = Math.max(1000, 10_000L / config.rules().tickRate());
        return new Health(
                ticks.get() > 0 && sinceLastTick <= allowed,
                tickExecutor,
                tickThread,
                ticks.get(),
                roomCount(),
                playerCount(),
                connectionCount(),
                droppedSnapshots.get());
    }

    public int roomCount() {
        return rooms.size();
    }

    /** Players in all rooms, those away (waiting for their client to resume) included. */
    public int playerCount() {
        return rooms.values().stream().mapToInt(Room::playerCount).sum();
    }

    /** Spectators in all rooms (not counted as players), those away included. */
    public int spectatorCount() {
        return rooms.values().stream().mapToInt(Room::spectatorCount).sum();
    }

    /** Screens in all rooms (not counted as players), those away included. */
    public int screenCount() {
        return rooms.values().stream().mapToInt(Room::screenCount).sum();
    }

    /** Players whose connection dropped and who wait to be resumed. */
    public int awayCount() {
        return rooms.values().stream().mapToInt(Room::awayCount).sum();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Remote addresses with at least one open connection. */
    public int addressCount() {
        return perAddress.size();
    }

    /** Characters waiting to be sent (or being sent) to all clients: the server's outgoing buffer. */
    public long pendingChars() {
        long sum = 0;
        for (Connection c : connections) {
            sum += c.outbox().pendingChars();
        }
        return sum;
    }

    public long droppedSnapshots() {
        return droppedSnapshots.get();
    }

    /** Messages refused by the rate limit. */
    public long refusedMessages() {
        return refusedMessages.get();
    }

    /** How many connections the server closed with {@code code}. */
    public long closedWith(int code) {
        AtomicLong n = closes.get(code);
        return n == null ? 0 : n.get();
    }

    public long ticks() {
        return ticks.get();
    }

    /**
     * Closes a connection from the server's side with {@code code} and forgets it at once. It is forgotten first:
     * a container may report the close back ({@link #closed}) from within the close call. A client closed for
     * misbehaving (4000, 4002) gets the errors queued before the close first, and the close frame once it has stopped
     * sending ({@link ClosingConnections}).
     */
    void kick(Connection c, int code, String reason) {
        forget(c, mayResumeAfter(code), false);
        if (code == CloseCodes.RATE_LIMITED || code == CloseCodes.PROTOCOL_ERROR
                || code == CloseCodes.UNSUPPORTED_DATA) {
            count(c.outbox(), code);
            closing.start(c, code, reason, clockMillis.getAsLong()); // the errors that explain it arrive first
        } else {
            closeWith(c.outbox(), code, reason);
        }
    }

    /**
     * Closed for misbehaving, by Arena (4000, 4002, 1003) or by the container (1002 a broken frame, 1007 text that is
     * not UTF-8, 1008, 1009), or after an internal error on this connection (1011, which resuming would meet again):
     * the player leaves at once. Otherwise (1001, 1006, 4001, 4004...) it may come back.
     */
    private static boolean mayResumeAfter(int code) {
        return switch (code) {
            case CloseCodes.PROTOCOL_ERROR, CloseCodes.RATE_LIMITED, CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_BIG,
                    CloseCodes.UNSUPPORTED_DATA, CloseCodes.INTERNAL_ERROR, 1002, 1007 -> false;
            default -> true;
        };
    }

    private void closeWith(Outbox outbox, int code, String reason) {
        count(outbox, code);
        outbox.close(code, reason);
    }

    private void count(Outbox outbox, int code) {
        if (!outbox.isClosed()) {
            closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
            metrics.closed(code);
        }
    }

    /** {@code discard}: the peer is gone, drop what waits for it (otherwise the caller closes the outbox). */
    private void forget(Connection c, boolean mayResume, boolean discard) {
        if (!connections.remove(c)) {
            return; // forgotten already (kicked, or refused at connect)
        }
        String address = c.address();
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        if (discard) {
            c.outbox().discard();
        }
        Room room = c.close();
        if (room != null) {
            room.enqueue(new Room.Leave(c, mayResume, clockMillis.getAsLong()));
        }
    }

    /** Counts a message against the connection's budget; false: drop it (and maybe warn or close). */
    private boolean admit(Connection c) {
        long now = clockMillis.getAsLong();
        c.heard(now);
        if (closing.contains(c)) {
            return false; // being closed: ignored (it only delays the close until the client is quiet)
        }
        MessageRate.Verdict verdict = c.rate().admit(now);
        if (verdict == MessageRate.Verdict.ACCEPT) {
            return true;
        }
        refusedMessages.incrementAndGet();
        if (verdict == MessageRate.Verdict.WARN) {
            error(c, ErrorCode.RATE_LIMITED, "too many messages: at most " + config.maxMessagesPerSecond()
                    + " a second; messages are dropped until you slow down");
        } else if (verdict == MessageRate.Verdict.CLOSE) {
            kick(c, CloseCodes.RATE_LIMITED, "too many messages");
        }
        return false;
    }

    private void checkConnections(long now) {
        long idle = config.idleTimeout().toMillis();
        long pingEvery = Math.max(1, idle / 3);
        long slow = config.slowConsumerTimeout().toMillis();
        for (Connection c : connections) {
            Outbox outbox = c.outbox();
            if (outbox.isClosed()) { // closed from within (control overflow, failed send): the container may not tell
                forget(c, mayResumeAfter(outbox.closeCode()), true);
                continue;
            }
            long sendingSince = outbox.inFlightSince();
            if (sendingSince >= 0 && now - sendingSince >= slow) {
                kick(c, CloseCodes.SLOW_CONSUMER, "not reading");
            } else if (now - c.lastHeard() >= idle) {
                kick(c, CloseCodes.IDLE_TIMEOUT, "nothing received for " + idle / 1000.0 + " s");
            } else if (now - c.lastHeard() >= pingEvery && now - c.lastPing() >= pingEvery && sendingSince < 0) {
                c.pinged(now);
                try {
                    outbox.peer().ping();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "ping to " + outbox.peer().remote() + " failed", e);
                }
            }
        }
    }

    /** Relays a chat line through the room (at its next tick), after the chat limit and cleaning. */
    private void chat(Connection c, ClientMessage.Chat chat) {
        Room room = c.state() == Connection.State.JOINED ? c.room() : null;
        if (room == null) {
            error(c, ErrorCode.NOT_JOINED, "send 'join' and wait for 'welcome' before 'chat'");
            return;
        }
        String text = ChatText.clean(chat.text());
        if (text == null) {
            error(c, ErrorCode.INVALID_FIELD, "'chat.text' has nothing to show");
        } else if (c.chatRate().admit(clockMillis.getAsLong()) != MessageRate.Verdict.ACCEPT) {
            error(c, ErrorCode.CHAT_RATE_LIMITED, "at most " + ChatText.BURST + " lines at once and "
                    + ChatText.PER_SECOND + " a second after that; this one was dropped");
        } else {
            room.enqueue(new Room.Say(c, text));
        }
    }

    private Room newRoom(String name) {
        long seed;
        synchronized (seeds) {
            seed = seeds.nextLong();
        }
        return new Room(name, new World(config.rules(), new SplittableRandom(seed)), config.maxPlayersPerRoom(),
                config.resumeGrace().toMillis(), codec, this::newToken, this::kick,
                new Room.Services(metrics, config.viewDistance(), this::send, quota));
    }

    /** Runs a snapshot delivery task on the senders, or here when there are none. */
    private void send(Runnable task) {
        Executor e = senders;
        if (e == null) {
            task.run();
        } else {
            e.execute(task);
        }
    }

    /** An unguessable resume token: 128 bits from {@link SecureRandom}, base64url. */
    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        tokenRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void error(Connection c, ErrorCode code, String message) {
        metrics.error(code.wireName());
        c.outbox().control(codec.encode(Assembler.error(code, message)));
    }
}
