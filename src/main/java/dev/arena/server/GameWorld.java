package dev.arena.server;

import dev.arena.game.World;
import dev.arena.protocol.Assembler;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.ServerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The game server's application layer: all rooms and connections. The transport calls {@link #connect},
 * {@link #receive}, {@link #reject} and {@link #disconnect} from its threads; the tick scheduler calls {@link #tick}
 * from one thread. Nothing here waits on a client.
 */
@ApplicationScoped
public class GameWorld {
    private static final Logger LOG = Logger.getLogger(GameWorld.class.getName());

    private final ArenaConfig config;
    private final LongSupplier clockMillis;
    private final RandomGenerator seeds;
    private final Codec codec = new Codec();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> roomFailures = new ConcurrentHashMap<>();
    private final AtomicLong droppedSnapshots = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private volatile long lastTickMillis;
    private volatile String tickThread;
    private volatile String tickExecutor;

    /** For CDI and standalone use: settings from system properties and environment, the system clock. */
    public GameWorld() {
        this(ArenaConfig.fromSystem(), System::currentTimeMillis, new SplittableRandom(new SecureRandom().nextLong()));
    }

    public GameWorld(ArenaConfig config, LongSupplier clockMillis, RandomGenerator seeds) {
        this.config = config;
        this.clockMillis = clockMillis;
        this.seeds = seeds;
    }

    public ArenaConfig config() {
        return config;
    }

    /** A client connected; keep the returned connection for its other calls. */
    public Connection connect(Peer peer) {
        Connection c = new Connection(peer);
        connections.add(c);
        return c;
    }

    /** A decoded, valid message from a client. */
    public void receive(Connection c, ClientMessage message) {
        c.resetErrors();
        if (message instanceof ClientMessage.Input input) {
            Room room = c.state() == Connection.State.JOINED ? c.room() : null;
            if (room == null) {
                error(c, ErrorCode.NOT_JOINED, "send 'join' and wait for 'welcome' before 'input'");
            } else {
                room.enqueue(new Room.Steer(c, input.seq(), Assembler.toInput(input)));
            }
        } else if (message instanceof ClientMessage.Join join) {
            join(c, join);
        } else if (message instanceof ClientMessage.Ping ping) {
            c.outbox().control(codec.encode(new ServerMessage.Pong(ping.t(), clockMillis.getAsLong())));
        }
    }

    /** A message that could not be decoded: answer with its error; too many in a row close the connection. */
    public void reject(Connection c, ProtocolException problem) {
        if (c.countError() >= CloseCodes.MAX_CONSECUTIVE_ERRORS) {
            c.outbox().close(CloseCodes.PROTOCOL_ERROR, "too many invalid messages");
            return;
        }
        error(c, problem.code(), problem.getMessage());
    }

    /** The client is gone (closed, failed or kicked). Its player leaves at the next tick. */
    public void disconnect(Connection c) {
        connections.remove(c);
        c.outbox().discard();
        Room room = c.close();
        if (room != null) {
            room.enqueue(new Room.Leave(c));
        }
    }

    /**
     * Runs one tick of every room. A room whose tick throws is logged and skipped; the other rooms, and the next
     * tick of the same room, run as usual. Empty rooms are removed.
     */
    public void tick() {
        long now = clockMillis.getAsLong();
        ticks.incrementAndGet();
        lastTickMillis = now;
        tickThread = Thread.currentThread().getName();
        for (Room room : rooms.values()) {
            try {
                droppedSnapshots.addAndGet(room.tick(now));
            } catch (RuntimeException | StackOverflowError e) {
                long failures = roomFailures.merge(room.name(), 1L, Long::sum);
                if (Long.bitCount(failures) == 1) { // 1st, 2nd, 4th, 8th... failure: a broken room must not flood the log
                    LOG.log(Level.SEVERE, "tick of room '" + room.name() + "' failed (" + failures + " times)", e);
                }
            }
            if (room.isIdle()) {
                rooms.computeIfPresent(room.name(), (name, r) -> r.isIdle() ? null : r);
                roomFailures.remove(room.name());
            }
        }
    }

    /** Closes every connection with "going away" (server shutdown or undeploy). */
    public void shutdown() {
        for (Connection c : connections) {
            c.outbox().close(CloseCodes.GOING_AWAY, "server shutting down");
        }
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

    public int playerCount() {
        return rooms.values().stream().mapToInt(Room::playerCount).sum();
    }

    public int connectionCount() {
        return connections.size();
    }

    public long droppedSnapshots() {
        return droppedSnapshots.get();
    }

    public long ticks() {
        return ticks.get();
    }

    private void join(Connection c, ClientMessage.Join join) {
        if (c.state() != Connection.State.NEW) {
            error(c, ErrorCode.ALREADY_JOINED, "this connection has joined already");
            return;
        }
        String name = join.room() == null ? config.defaultRoom() : join.room();
        boolean[] tooMany = {false};
        rooms.compute(name, (key, room) -> {
            if (room == null) {
                if (rooms.size() >= config.maxRooms()) {
                    tooMany[0] = true;
                    return null;
                }
                room = newRoom(key);
            }
            if (c.startJoining(room)) {
                room.enqueue(new Room.Join(c, join.name()));
            }
            return room;
        });
        if (tooMany[0]) {
            error(c, ErrorCode.TOO_MANY_ROOMS, "the server has " + config.maxRooms() + " rooms already");
        }
    }

    private Room newRoom(String name) {
        long seed;
        synchronized (seeds) {
            seed = seeds.nextLong();
        }
        return new Room(name, new World(config.rules(), new SplittableRandom(seed)), config.maxPlayersPerRoom(), codec);
    }

    private void error(Connection c, ErrorCode code, String message) {
        c.outbox().control(codec.encode(Assembler.error(code, message)));
    }
}
