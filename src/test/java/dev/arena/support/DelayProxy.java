package dev.arena.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that delays the bytes of each direction by {@code delayMs ± jitterMs} (uniform), keeping
 * their order: a chunk is never sent before the one read before it. Put in front of the dev server, it gives a page
 * (HTTP and WebSocket alike) a round trip of about {@code 2 × delayMs}. Used by the browser tests and the benchmark;
 * it listens on 127.0.0.1 and connects to 127.0.0.1 only.
 */
public final class DelayProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final double delayMs;
    private final double jitterMs;
    private final SplittableRandom random;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private record Chunk(long dueNanos, byte[] bytes) {}

    private DelayProxy(int targetPort, double delayMs, double jitterMs, long seed) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayMs = delayMs;
        this.jitterMs = jitterMs;
        this.random = new SplittableRandom(seed);
        Thread accept = new Thread(this::acceptLoop, "delay-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts a proxy to 127.0.0.1:{@code targetPort} on a free loopback port. */
    public static DelayProxy start(int targetPort, double delayMs, double jitterMs, long seed) throws IOException {
        return new DelayProxy(targetPort, delayMs, jitterMs, seed);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                for (Socket s : List.of(client, server)) {
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                }
                pipe(client, server, "up");
                pipe(server, client, "down");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One reader and one writer thread per direction; the queue between them holds chunks with their due time. */
    private void pipe(Socket from, Socket to, String name) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[16384];
            long lastDue = 0;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    long due = System.nanoTime() + (long) (delay() * 1_000_000);
                    lastDue = Math.max(lastDue, due); // order is kept: never before the previous chunk
                    queue.add(new Chunk(lastDue, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // closed
            }
            queue.add(new Chunk(lastDue, null)); // end of stream, after the last bytes
        }, "delay-proxy-" + name + "-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.poll(1, TimeUnit.SECONDS);
                    if (chunk == null) {
                        if (closed) {
                            break;
                        }
                        continue;
                    }
                    for (long wait; (wait = chunk.dueNanos() - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes() == null) {
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
            closeQuietly(to);
            closeQuietly(from);
        }, "delay-proxy-" + name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private synchronized double delay() {
        return Math.max(0, delayMs + (jitterMs == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitterMs));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(DelayProxy::closeQuietly);
    }
}
