package dev.arena.client;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Game;
import dev.arena.spi.MessageType;
import dev.arena.spi.PlayerInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

        /** A room of {@link Options#game}: its state after a frame (the decoder: tick, ack, phase, scores, entities). */
        default void state(StateDecoder state) {}

        /** A room of {@link Options#game}: one of the game's events. */
        default void event(EventCodec.Received event) {}
    }

    /**
     * @param compact ask for compact binary snapshots (the WebSocket subprotocol {@link SnapshotFormat#SUBPROTOCOL});
     *     off: JSON text snapshots
     * @param trackPlayers keep every player in view and hand out whole snapshots; off: only {@link Listener#frame}
     *     (for load generators: decoding what a thousand bots see costs a thousand times one client's work)
     * @param http the {@link HttpClient} to open the WebSocket with (null: one shared by all clients)
     * @param connectTimeout how long the WebSocket handshake may take
     * @param game the game of the rooms this client joins, when it is not dots ({@code join}'s {@code game}); its
     *     state frames go to {@link Listener#state}, its events to {@link Listener#event}
     */
    public record Options(boolean compact, boolean trackPlayers, HttpClient http, Duration connectTimeout, Game game) {
        public static final Options DEFAULT = new Options(true, true, null, Duration.ofSeconds(10), null);

        public Options withCompact(boolean on) {
            return new Options(on, trackPlayers, http, connectTimeout, game);
        }

        public Options withTrackPlayers(boolean on) {
            return new Options(compact, on, http, connectTimeout, game);
        }

        public Options withHttp(HttpClient client) {
            return new Options(compact, trackPlayers, client, connectTimeout, game);
        }

        public Options withConnectTimeout(Duration timeout) {
            return new Options(compact, trackPlayers, http, timeout, game);
        }

        /** Joins rooms of {@code g}, a game on the SPI (null: dots); its schema decodes the room's state frames. */
        public Options withGame(Game g) {
            return new Options(compact, trackPlayers, http, connectTimeout, g);
        }
    }

    private final URI uri;
    private final Options options;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private volatile WebSocket socket;
    private volatile Outgoing outgoing;
    private final Inbox inbox;
    private volatile String name;
    private volatile String room;

    private ArenaClient(URI uri, Listener listener, Options options) {
        this.uri = uri;
        this.options = options;
        this.inbox = new Inbox(listener, options, CODEC);
    }

    /** Opens a WebSocket to the game at {@code uri} ({@code ws://host:port/game}); completes when it is open. */
    public static CompletableFuture<ArenaClient> connect(URI uri, Listener listener, Options options) {
        ArenaClient client = new ArenaClient(uri, listener, options);
        return client.open().thenApply(ws -> client);
    }

    private CompletableFuture<WebSocket> open() {
        HttpClient http = options.http() != null ? options.http() : Shared.HTTP;
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(options.connectTimeout());
        if (options.compact()) {
            builder.subprotocols(SnapshotFormat.SUBPROTOCOL);
        }
        Incoming incoming = new Incoming(inbox::text, inbox::binary, inbox::closed, bytesReceived);
        return builder.buildAsync(uri, incoming).thenApply(ws -> {
            socket = ws;
            outgoing = new Outgoing(ws);
            return ws;
        });
    }

    /** The HttpClient of all clients not given one, made when the first needs it. */
    private static final class Shared {
        static final HttpClient HTTP = HttpClient.newHttpClient();
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
        CompletableFuture<ServerMessage.Welcome> answer = inbox.expectWelcome();
        Game game = options.game();
        send(game == null ? new ClientMessage.Join(name, room, token)
                : new ClientMessage.Join(name, room, token, null, null, game.name()));
        return answer;
    }

    /**
     * After the connection dropped: opens a new one and takes over the same player with the resume token of the
     * last {@code welcome} (within the server's grace period; after it, the server makes a new player). Completes
     * with the new {@code welcome} ({@code resumed} says which it was).
     */
    public CompletableFuture<ServerMessage.Welcome> resume() {
        ServerMessage.Welcome last = inbox.lastWelcome();
        if (last == null) {
            throw new IllegalStateException("never joined: nothing to resume");
        }
        WebSocket old = socket;
        if (old != null && !old.isOutputClosed()) {
            old.abort();
        }
        inbox.newConnection();
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

    /**
     * Sends an input of {@link Options#game} ({@link PlayerInput#of}; its {@code seq} is this client's next, whatever
     * the one given): binary on the compact subprotocol, JSON without it. Returns its {@code seq}, which the state
     * frames' {@code ack} acknowledges once the server applied it.
     */
    public long input(MessageType type, Object... values) {
        if (!(inbox.view() instanceof GameView view)) {
            throw new IllegalStateException("not in a room of "
                    + (options.game() == null ? "a game" : options.game().name()));
        }
        long n = seq.incrementAndGet();
        PlayerInput input = PlayerInput.of(type, n, values);
        if (compact()) {
            sendBinary(view.binary(input));
        } else {
            sendText(view.json(input));
        }
        return n;
    }

    /** Asks for a {@code pong} carrying {@code t} back (round-trip time). */
    public void ping(double t) {
        send(new ClientMessage.Ping(t));
    }

    /** The last {@code welcome}, or null before it. */
    public ServerMessage.Welcome welcome() {
        return inbox.lastWelcome();
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
        Outgoing out = outgoing;
        if (out != null) {
            out.close();
        }
    }

    /** Sends one message; messages go out one at a time, in order. */
    private void send(ClientMessage message) {
        sendText(CODEC.encode(message));
    }

    private void sendText(String text) {
        outgoing().text(text);
    }

    private void sendBinary(ByteBuffer frame) {
        outgoing().binary(frame);
    }

    private Outgoing outgoing() {
        Outgoing out = outgoing;
        if (out == null) {
            throw new IllegalStateException("not connected");
        }
        return out;
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
