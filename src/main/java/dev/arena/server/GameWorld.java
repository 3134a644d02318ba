package dev.arena.server;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ProtocolException;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Connections;
import dev.arena.server.connection.Peer;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.party.Party;
import dev.arena.server.room.RoomDirectory;
import dev.arena.server.room.RoomHost;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The game server's facade: all rooms and connections. The transport calls {@link #connect}, {@link #receive},
 * {@link #reject}, {@link #heard}, {@link #closed} and the like from its threads; the tick scheduler calls
 * {@link #tick} from one thread. Nothing here waits on a client. The work is done by the parts: the connection edge
 * ({@link Connections}: limits before any rule runs, idle and slow-consumer checks on the tick), room hosting
 * ({@link RoomDirectory}), the rooms' snapshots and party mode. Time comes from the clock passed in.
 */
@ApplicationScoped
public class GameWorld {
    private final ArenaConfig config;
    private final LongSupplier clockMillis;
    private final Secrets secrets = new Secrets();
    private final Codec codec = new Codec();
    private final ArenaMetrics metrics;
    private final Connections connections;
    private final AddressQuota quota;
    private final RoomDirectory rooms;
    private final ClientMessages messages;
    private final TickRecord ticks = new TickRecord();
    private final Object tickLock = new Object();
    private volatile boolean shutDown;
    private final Senders senders = new Senders();
    private final WorldStats stats;

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
        this.metrics = new ArenaMetrics(new Metrics(registry), config.rules().tickRate());
        this.connections = new Connections(config.connectionLimits(), clockMillis, metrics, codec);
        this.quota = config.addressQuota(clockMillis);
        RoomHost host = new RoomHost(connections::kick, secrets::newToken, metrics, quota, senders);
        this.rooms = new RoomDirectory(config.roomSettings(), seeds, codec, host, secrets::newPartyCode,
                connections::error);
        this.messages = new ClientMessages(connections, rooms, metrics, codec, clockMillis);
        this.stats = new WorldStats(rooms, connections, ticks);
        metrics.gauges(stats::roomCount, stats::playerCount, stats::connectionCount, stats::addressCount);
    }

    /** Hands snapshots to clients on {@code executor}'s threads (null: the tick thread); see {@link Senders}. */
    public void sendWith(Executor executor) {
        senders.use(executor);
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

    /** A client connected from {@code address} (null: unknown); see {@link Connections#connect}. */
    public Connection connect(Peer peer, String address) {
        return connections.connect(peer, address);
    }

    /** A decoded, valid message from a client: see {@link ClientMessages}. */
    public void receive(Connection c, ClientMessage message) {
        messages.receive(c, message);
    }

    /** A message that could not be decoded: answer with its error; too many in a row close the connection. */
    public void reject(Connection c, ProtocolException problem) {
        connections.invalid(c, problem.code(), problem.getMessage());
    }

    /** A frame of a kind Arena's clients never send (binary): see {@link Connections#unsupported}. */
    public void unsupported(Connection c) {
        connections.unsupported(c);
    }

    /** Handling this connection's traffic failed unexpectedly: closed with 1011, its player leaves at once. */
    public void failed(Connection c) {
        connections.failed(c);
    }

    /** Something arrived that is not a message (a pong): the client is alive. */
    public void heard(Connection c) {
        connections.heard(c);
    }

    /** The client closed cleanly (close code 1000): it left, its player leaves the room at the next tick. */
    public void disconnect(Connection c) {
        connections.disconnect(c);
    }

    /** The connection was lost without a clean close (1006): its player waits {@link ArenaConfig#resumeGrace}. */
    public void dropped(Connection c) {
        closed(c, 1006);
    }

    /** The connection closed with {@code code}: see {@link Connections#closed}, {@link Connections#mayResumeAfter}. */
    public void closed(Connection c, int code) {
        connections.closed(c, code);
    }

    /**
     * Runs one tick of every room (a room whose tick throws is logged and skipped; empty rooms are removed), then
     * the connection checks: idle and stuck connections are closed, quiet ones pinged.
     */
    public void tick() {
        synchronized (tickLock) {
            if (shutDown) {
                return;
            }
            long started = System.nanoTime();
            long now = clockMillis.getAsLong();
            ticks.started(now);
            ticks.dropped(rooms.tick(now));
            connections.check(now);
            metrics.ticked(System.nanoTime() - started);
        }
    }

    /** Closes every connection with "going away"; a tick under way finishes first, later ticks do nothing. */
    public void shutdown() {
        synchronized (tickLock) {
            shutDown = true;
        }
        connections.shutdown();
    }

    /** For tests: where new party codes come from (by default {@link Party#newCode} on a {@link SecureRandom}). */
    void usePartyCodes(Supplier<String> codes) {
        rooms.usePartyCodes(codes);
    }

    /** For tests: what each address holds and owes. */
    AddressQuota quota() {
        return quota;
    }

    /** Called by whatever schedules {@link #tick}: "managed" or "plain", reported by {@link #health}. */
    public void tickedBy(String executorKind) {
        ticks.executor(executorKind);
    }

    public Health health() {
        return ticks.health(clockMillis.getAsLong(), config.rules().tickRate(), stats.roomCount(),
                stats.playerCount(), stats.connectionCount());
    }

    /** What this world holds and has done, read live: rooms, players, connections, ticks. */
    public WorldStats stats() {
        return stats;
    }
}
