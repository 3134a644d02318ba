package dev.arena.load.floor;

import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.SnapshotFormat;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The container floor: what a WebSocket container costs for Arena's traffic with none of Arena's work. Every client
 * gets one binary frame per tick (20 a second) of a fixed size with a valid compact snapshot header (tick, time, the
 * newest input seq it sent) and sends its inputs as Arena's clients do; there is no room, no world, no delta, no
 * outbox. The load generator measures it as it measures Arena ({@code -Dload.floor=true}), so the two rows side by
 * side tell how much of a server's CPU per client is the container's and how much is Arena's. Sends are handed to
 * two threads in tasks of 128 clients, as Arena does; a client whose previous frame is still being sent skips a tick.
 *
 * <p>Settings (system properties of the server): {@code floor.bytesPerClient}, the frame size per connected client
 * (default 1.1 bytes, plus 8: about what Arena's compact delta sends each client per tick when every player in the
 * room moves, 22 KiB/s per client at 1,000), or a fixed {@code floor.bytes}; {@code floor.tickRate} (20).
 */
public final class Floor {
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1};
    static final Floor INSTANCE = new Floor(); // after BOUNDS: its constructor reads it

    private final Map<Session, Client> clients = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
    private final AtomicLong tickNanos = new AtomicLong();
    private final int fixedBytes = Integer.getInteger("floor.bytes", 0);
    private final double bytesPerClient = Double.parseDouble(System.getProperty("floor.bytesPerClient", "1.1"));
    private final int tickRate = Integer.getInteger("floor.tickRate", 20);
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private long tick;

    static final class Client {
        final Session session;
        final int id = INSTANCE.ids.incrementAndGet();
        final AtomicBoolean sending = new AtomicBoolean();
        volatile long ack;
        volatile String welcome; // to send before the next frame: one send at a time per session (Tomcat insists)

        Client(Session session) {
            this.session = session;
        }
    }

    synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "floor-tick"));
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(2, r -> daemon(r, "floor-send-" + n.incrementAndGet()));
        ticker.scheduleAtFixedRate(this::tick, 0, 1000 / tickRate, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            senders.shutdownNow();
            ticker = null;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Client open(Session s) {
        Client c = new Client(s);
        clients.put(s, c);
        return c;
    }

    void close(Session s) {
        clients.remove(s);
    }

    /** The welcome Arena's clients wait for (its fields as docs/protocol.md, an empty room). */
    String welcome(Client c) {
        return "{\"type\":\"welcome\",\"height\":500,\"id\":" + c.id + ",\"players\":[],\"protocol\":1,"
                + "\"radius\":10.0,\"resumed\":false,\"room\":\"floor\",\"speed\":200.0,\"tick\":" + tick
                + ",\"tickRate\":" + tickRate + ",\"token\":\"floor" + c.id + "\",\"width\":500}";
    }

    /** A binary input (Arena's own format, {@link SnapshotFormat#decodeInput}); its seq becomes the client's ack. */
    static void input(Client c, ByteBuffer frame) {
        if (!SnapshotFormat.isInput(frame)) {
            return;
        }
        try {
            c.ack = SnapshotFormat.decodeInput(frame).seq();
        } catch (ProtocolException e) {
            // a broken input changes nothing, as in Arena
        }
    }

    private void tick() {
        long started = System.nanoTime();
        try {
            tick++;
            long now = System.currentTimeMillis();
            Client[] all = clients.values().toArray(new Client[0]);
            int frameBytes = fixedBytes > 0 ? fixedBytes : 8 + (int) Math.round(bytesPerClient * all.length);
            for (int from = 0; from < all.length; from += 128) {
                int start = from;
                int end = Math.min(all.length, from + 128);
                long t = tick;
                senders.execute(() -> {
                    for (int i = start; i < end; i++) {
                        send(all[i], t, now, frameBytes);
                    }
                });
            }
        } catch (RuntimeException e) {
            // never let the tick die: a benchmark server, but the same rule
        }
        long nanos = System.nanoTime() - started;
        tickNanos.addAndGet(nanos);
        double seconds = nanos / 1e9;
        int b = 0;
        while (b < BOUNDS.length && seconds > BOUNDS[b]) {
            b++;
        }
        buckets.incrementAndGet(b);
    }

    private void send(Client c, long tick, long now, int frameBytes) {
        if (!c.session.isOpen() || !c.sending.compareAndSet(false, true)) {
            return; // the last frame is still going out: this client skips a tick
        }
        String welcome = c.welcome;
        try {
            if (welcome != null) {
                c.welcome = null;
                c.session.getAsyncRemote().sendText(welcome, result -> c.sending.set(false));
                return;
            }
            c.session.getAsyncRemote().sendBinary(frame(tick, now, c.ack, frameBytes), result -> c.sending.set(false));
        } catch (RuntimeException e) {
            c.sending.set(false);
        }
    }

    /** A frame of {@code size} bytes that starts as a compact snapshot does: kind, tick, time, ack (then zeros). */
    static ByteBuffer frame(long tick, long now, long ack, int size) {
        byte[] header = new SnapshotFormat.Writer(32).u8(SnapshotFormat.KIND_SNAPSHOT).varint(tick).varint(now)
                .varint(ack).toByteArray();
        return ByteBuffer.wrap(Arrays.copyOf(header, Math.max(size, 32))); // a header is at most 31 bytes
    }

    /** {@code arena_tick_seconds} as Arena's /metrics has it, for the generator's tick columns. */
    String metrics() {
        StringBuilder out = new StringBuilder("# TYPE arena_tick_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= BOUNDS.length; i++) {
            cumulative += buckets.get(i);
            out.append("arena_tick_seconds_bucket{le=\"").append(i < BOUNDS.length ? String.valueOf(BOUNDS[i]) : "+Inf")
                    .append("\"} ").append(cumulative).append('\n');
        }
        out.append("arena_tick_seconds_count ").append(cumulative).append('\n');
        out.append("arena_tick_seconds_sum ").append(tickNanos.get() / 1e9).append('\n');
        return out.toString();
    }
}
