package dev.arena.support;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.MessageRate;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.room.RoomHost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one harness of the {@code GameWorld} and room unit tests: a {@link GameWorld} on a hand-driven clock (it
 * starts at 1,000,000 ms and moves only when the test moves it) and a fixed seed, whose clients are
 * {@link FakePeer}s. No executor, no sleeps: the test calls {@link #tick} (or {@link #advance}) itself. A test of one
 * room without a server takes its host and connections from {@link #roomHost} and {@link #connection}.
 */
public final class WorldHarness {
    /** Milliseconds between two ticks of {@link #advance}: the default tick rate's period. */
    public static final long TICK_MILLIS = 50;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final GameWorld world;

    public WorldHarness() {
        this(ArenaConfig.DEFAULT);
    }

    public WorldHarness(ArenaConfig config) {
        this.world = new GameWorld(config, clock::get, new SplittableRandom(1));
    }

    public GameWorld world() {
        return world;
    }

    /** The clock the world reads (milliseconds); set or move it by hand. */
    public AtomicLong clock() {
        return clock;
    }

    /** A client of a fake peer from an unknown address, connected and not joined. */
    public Client connect() {
        return connect(null);
    }

    /** A client of a fake peer from {@code address} (null: unknown), connected and not joined. */
    public Client connect(String address) {
        FakePeer peer = new FakePeer();
        return new Client(peer, world.connect(peer, address));
    }

    /** A new client that sends {@code join}; one tick later the room has handled it. */
    public Client join(ClientMessage.Join join) {
        return join(null, join);
    }

    /** Like {@link #join(ClientMessage.Join)}, from {@code address}. */
    public Client join(String address, ClientMessage.Join join) {
        Client c = connect(address);
        world.receive(c.connection(), join);
        world.tick();
        return c;
    }

    /** A player {@code name} in {@code room}, joined (one tick run). */
    public Client joined(String name, String room) {
        return join(new ClientMessage.Join(name, room));
    }

    public void tick() {
        world.tick();
    }

    /** Moves the clock on by {@code d}, a tick every {@link #TICK_MILLIS}. */
    public void advance(Duration d) {
        advance(d.toMillis(), TICK_MILLIS);
    }

    /** Moves the clock on by {@code millis}, a tick every {@code stepMillis}. */
    public void advance(long millis, long stepMillis) {
        long end = clock.get() + millis;
        while (clock.get() < end) {
            clock.addAndGet(stepMillis);
            world.tick();
        }
    }

    /**
     * For tests of one room without a server: a host that ends connections through {@code kicker}, hands out
     * numbered tokens, has no address quota, delivers snapshots on the tick thread and counts into meters of its own.
     */
    public static RoomHost roomHost(RoomHost.Kicker kicker) {
        AtomicLong tokens = new AtomicLong();
        return new RoomHost(kicker, () -> "token-" + tokens.incrementAndGet() + "-xxxxxxxxxxxxxxxx",
                new ArenaMetrics(new Metrics(new SimpleMeterRegistry()), 20), AddressQuota.NONE, null);
    }

    /** A connection of {@code peer} for a test of one room: its clock at 0, no address. */
    public static Connection connection(FakePeer peer) {
        return new Connection(new Outbox(peer, () -> 0), new MessageRate(10, 10, 0), null, 0);
    }

    /** A client: its fake peer (what it was sent) and its connection (what the transport would hold). */
    public record Client(FakePeer peer, Connection connection) {
        public <T extends ServerMessage> T last(Class<T> type) {
            return peer.last(type);
        }

        public List<ServerMessage> messages() {
            return peer.messages();
        }

        public ServerMessage.Welcome welcome() {
            return peer.last(ServerMessage.Welcome.class);
        }

        /** Its player's id, from its last {@code welcome}. */
        public int id() {
            return welcome().id();
        }

        public boolean welcomed() {
            return !peer.messages(ServerMessage.Welcome.class).isEmpty();
        }

        /** The code of the last {@code error} it was sent, or null. */
        public String lastError() {
            List<ServerMessage.Error> errors = peer.messages(ServerMessage.Error.class);
            return errors.isEmpty() ? null : errors.get(errors.size() - 1).code();
        }
    }
}
