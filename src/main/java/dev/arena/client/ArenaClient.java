package dev.arena.client;

import dev.arena.game.Rules;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotDecoder;
import dev.arena.protocol.SnapshotFormat;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java client for Arena: connect, join a room, send the directions your player holds, receive typed snapshots,
 * and resume your player on a new connection after a dropped one. For desktop Java games, bots and tests. It speaks
 * the protocol of {@code docs/protocol.md} with the server's own message records ({@link ClientMessage},
 * {@link ServerMessage}, {@link Codec}) and, by default, asks for compact binary snapshots
 * ({@link SnapshotFormat}), which it turns back into {@link ServerMessage.Snapshot}s.
 *
 * <p>It runs on the JDK's {@link java.net.http.WebSocket}: nothing to add for WebSocket; JSON needs a JSON-B
 * implementation at run time (Eclipse Yasson). The {@link Listener} is called on the {@link HttpClient}'s threads,
 * one message at a time per client, in order.
 *
 * <pre>{@code
 * ArenaClient client = ArenaClient.connect(URI.create("ws://localhost:8080/game"), new ArenaClient.Listener() {
 *     public void snapshot(ServerMessage.Snapshot s) { ... draw s.players() ... }
 * }, ArenaClient.Options.DEFAULT).join();
 * ServerMessage.Welcome welcome = client.join("Ada", "lobby").get(5, TimeUnit.SECONDS);
 * client.input(1, 0); // hold right
 * }</pre>
 */
public final class ArenaClient implements AutoCloseable {
    private static final Codec CODEC = new Codec();
    private static volatile HttpClient sharedHttp;

    /** What the client tells you. Every method has an empty default: override what you need. */
    public interface Listener {
        /** You joined (or resumed): your id, the room's rules and every player in it. */
        default void welcome(ServerMessage.Welcome welcome) {}

        /** The room after a tick: the players you see, your own entry's {@code seq} acknowledging your inputs. */
        default void snapshot(ServerMessage.Snapshot snapshot) {}

        /**
         * Every snapshot as it arrives, before it is decoded: its tick, the newest input of yours the server had
         * applied ({@code ack}) and its size in bytes. With {@link Options#trackPlayers} off, this is all you get.
         */
        default void frame(long tick, long ack, int bytes) {}

        /** {@code playerJoined}, {@code playerLeft}, {@code pong} and {@code error}. */
        default void message(ServerMessage message) {}

        /** The connection closed, with the server's close code (1006: it dropped). */
        default void closed(int code, String reason) {}
    }

    /**
     * @param compact ask for compact binary snapshots (the WebSocket subprotocol {@link SnapshotFormat#SUBPROTOCOL});
     *     off: JSON text snapshots
     * @param trackPlayers keep every player in view and hand out whole snapshots; off: only {@link Listener#frame}
     *     (for load generators: decoding what a thousand bots see costs a thousand times one client's work)
     * @param http the {@link HttpClient} to open the WebSocket with (null: one shared by all clients)
     * @param connectTimeout how long the WebSocket handshake may take
     */
    public record Options(boolean compact, boolean trackPlayers, HttpClient http, Duration connectTimeout) {
        public static final Options DEFAULT = new Options(true, true, null, Duration.ofSeconds(10));

        public Options withCompact(boolean on) {
            return new Options(on, trackPlayers, http, connectTimeout);
        }

        public Options withTrackPlayers(boolean on) {
            return new Options(compact, on, http, connectTimeout);
        }

        public Options withHttp(HttpClient client) {
            return new Options(compact, trackPlayers, client, connectTimeout);
        }

        public Options withConnectTimeout(Duration timeout) {
            return new Options(compact, trackPlayers, http, timeout);
        }
    }

    private final URI uri;
    private final Listener listener;
    private final Options options;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<ServerMessage.Welcome> welcome = new CompletableFuture<>();
    private volatile ServerMessage.Welcome lastWelcome;
    private volatile SnapshotDecoder decoder;
    private volatile String name;
    private volatile String room;

    private ArenaClient(URI uri, Listener listener, Options options) {
        this.uri = uri;
        this.listener = listener;
        this.options = options;
    }

    /** Opens a WebSocket to the game at {@code uri} ({@code ws://host:port/game}); completes when it is open. */
    public static CompletableFuture<ArenaClient> connect(URI uri, Listener listener, Options options) {
        ArenaClient client = new ArenaClient(uri, listener, options);
        return client.open().thenApply(ws -> client);
    }

    private CompletableFuture<WebSocket> open() {
        HttpClient http = options.http() != null ? options.http() : shared();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(options.connectTimeout());
        if (options.compact()) {
            builder.subprotocols(SnapshotFormat.SUBPROTOCOL);
        }
        return builder.buildAsync(uri, new Socket()).thenApply(ws -> {
            socket = ws;
            return ws;
        });
    }

    private static HttpClient shared() {
        HttpClient h = sharedHttp;
        if (h == null) {
            synchronized (ArenaClient.class) {
                h = sharedHttp;
                if (h == null) {
                    h = HttpClient.newHttpClient();
                    sharedHttp = h;
                }
            }
        }
        return h;
    }

    /**
     * Joins {@code room} as {@code name} (either may be null: the server's defaults). Completes with the
     * {@code welcome}, or exceptionally with an {@link ArenaException} on an {@code error} (e.g. {@code room_full})
     * or when the connection closes first.
     */
    public CompletableFuture<ServerMessage.Welcome> join(String name, String room) {
        this.name = name;
        this.room = room;
        return joinWith(null);
    }

    private CompletableFuture<ServerMessage.Welcome> joinWith(String token) {
        CompletableFuture<ServerMessage.Welcome> answer = new CompletableFuture<>();
        welcome = answer;
        send(new ClientMessage.Join(name, room, token));
        return answer;
    }

    /**
     * After the connection dropped: opens a new one and takes over the same player with the resume token of the
     * last {@code welcome} (within the server's grace period; after it, the server makes a new player). Completes
     * with the new {@code welcome} ({@code resumed} says which it was).
     */
    public CompletableFuture<ServerMessage.Welcome> resume() {
        ServerMessage.Welcome last = lastWelcome;
        if (last == null) {
            throw new IllegalStateException("never joined: nothing to resume");
        }
        WebSocket old = socket;
        if (old != null && !old.isOutputClosed()) {
            old.abort();
        }
        decoder = null;
        synchronized (sendLock) {
            sending = CompletableFuture.completedFuture(null);
        }
        return open().thenCompose(ws -> joinWith(last.token()));
    }

    /**
     * Holds the directions {@code dx}, {@code dy} (each -1, 0 or 1) from now on. Returns the input's number: the
     * server acknowledges it in the {@code seq} of your own snapshot entry once it has applied it.
     */
    public long input(int dx, int dy) {
        long n = seq.incrementAndGet();
        if (compact()) { // the compact subprotocol: the binary input frame
            sendBinary(SnapshotFormat.encodeInput(n, dx, dy));
        } else {
            send(new ClientMessage.Input(n, dx, dy));
        }
        return n;
    }

    /** Asks for a {@code pong} carrying {@code t} back (round-trip time). */
    public void ping(double t) {
        send(new ClientMessage.Ping(t));
    }

    /** The last {@code welcome}, or null before it. */
    public ServerMessage.Welcome welcome() {
        return lastWelcome;
    }

    /** Whether the server sends this connection compact binary snapshots. */
    public boolean compact() {
        WebSocket ws = socket;
        return ws != null && SnapshotFormat.SUBPROTOCOL.equals(ws.getSubprotocol());
    }

    /** Bytes received on all this client's connections (frame payloads). */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    public boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    /** Closes the connection cleanly (1000): your player leaves the room. */
    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return;
        }
        CompletableFuture<?> after;
        synchronized (sendLock) {
            after = sending.handle((r, e) -> null)
                    .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            sending = after;
        }
        try {
            after.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
        }
    }

    /** Sends one message; messages go out one at a time, in order (the JDK's WebSocket allows one send at a time). */
    private void send(ClientMessage message) {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not connected");
        }
        String text = CODEC.encode(message);
        synchronized (sendLock) {
            sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
        }
    }

    private void sendBinary(ByteBuffer frame) {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not connected");
        }
        synchronized (sendLock) {
            sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendBinary(frame, true));
        }
    }

    private void received(String text) {
        ServerMessage message = CODEC.decodeServerMessage(text);
        if (message instanceof ServerMessage.Welcome w) {
            lastWelcome = w;
            decoder = options.trackPlayers()
                    ? new SnapshotDecoder(new Rules(w.width(), w.height(), w.tickRate(), w.speed(), w.radius()), w.id())
                    : null;
            listener.welcome(w);
            welcome.complete(w);
        } else if (message instanceof ServerMessage.Snapshot s) {
            long ack = 0;
            ServerMessage.Welcome w = lastWelcome;
            for (ServerMessage.PlayerPosition p : s.players()) {
                if (w != null && p.id() == w.id()) {
                    ack = p.seq();
                }
            }
            listener.frame(s.tick(), ack, text.length());
            listener.snapshot(s);
        } else {
            if (message instanceof ServerMessage.Error e && !welcome.isDone()) {
                welcome.completeExceptionally(new ArenaException(e.code(), e.message()));
            }
            listener.message(message);
        }
    }

    private void received(ByteBuffer frame) {
        SnapshotFormat.Header header = SnapshotFormat.header(frame.duplicate());
        listener.frame(header.tick(), header.ack(), frame.remaining());
        SnapshotDecoder d = decoder;
        if (d != null) {
            listener.snapshot(d.decode(frame));
        }
    }

    /** The WebSocket listener: gathers partial frames, hands whole ones on, asks for the next. */
    private final class Socket implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            bytesReceived.addAndGet(data.length());
            if (!last || text.length() > 0) {
                text.append(data);
            }
            if (last) {
                String whole = text.length() > 0 ? text.toString() : data.toString();
                text.setLength(0);
                received(whole);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            bytesReceived.addAndGet(data.remaining());
            if (!last || binary.size() > 0) {
                byte[] part = new byte[data.remaining()];
                data.get(part);
                binary.writeBytes(part);
            }
            if (last) {
                ByteBuffer whole = binary.size() > 0 ? ByteBuffer.wrap(binary.toByteArray()) : data;
                binary.reset();
                received(whole);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed(1006, String.valueOf(error.getMessage()));
        }

        private void closed(int code, String reason) {
            welcome.completeExceptionally(new ArenaException("closed", "connection closed: " + code + " " + reason));
            listener.closed(code, reason);
        }
    }

    /** An {@code error} answered a join, or the connection closed before the answer. */
    public static final class ArenaException extends CompletionException {
        private final String code;

        public ArenaException(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        /** The {@code error} code ({@code room_full}...), or "closed". */
        public String code() {
            return code;
        }
    }
}
