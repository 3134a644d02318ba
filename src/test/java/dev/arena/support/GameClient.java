package dev.arena.support;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A test client over a real WebSocket (Tyrus client): sends {@link ClientMessage}s or raw text, and queues every
 * {@link ServerMessage} it receives so a test can {@link #await} the next one of a type, with a timeout, instead of
 * sleeping.
 */
public final class GameClient implements AutoCloseable {
    private static final Codec CODEC = new Codec();
    private static final ClientManager CLIENTS = ClientManager.createClient();

    private final BlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final AtomicLong receivedFrames = new AtomicLong();
    private final Session session;
    private long seq;

    private GameClient(URI uri) throws Exception {
        this(uri, null);
    }

    /** {@code origin}: the {@code Origin} header to send, as a browser page on that origin would (null: Tyrus's). */
    private GameClient(URI uri, String origin) throws Exception {
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    receivedBytes.addAndGet(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    receivedFrames.incrementAndGet();
                    inbox.add(CODEC.decodeServerMessage(text));
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }
        };
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(java.util.Map<String, List<String>> headers) {
                        if (origin != null) {
                            headers.keySet().removeIf(k -> k.equalsIgnoreCase("Origin"));
                            headers.put("Origin", List.of(origin));
                        }
                    }
                })
                .build();
        this.session = CLIENTS.connectToServer(endpoint, config, uri);
    }

    public static GameClient connect(URI uri) throws Exception {
        return new GameClient(uri);
    }

    /** Connects like a page served from {@code origin} would. */
    public static GameClient connect(URI uri, String origin) throws Exception {
        return new GameClient(uri, origin);
    }

    /** Connects and joins with a resume token; returns after the {@code welcome}. */
    public static GameClient resume(URI uri, String name, String room, String token) throws Exception {
        GameClient client = connect(uri);
        client.send(new ClientMessage.Join(name, room, token));
        client.welcome = client.await(ServerMessage.Welcome.class);
        return client;
    }

    /** Connects and joins {@code room} as {@code name}; returns after the {@code welcome}. */
    public static GameClient join(URI uri, String name, String room) throws Exception {
        GameClient client = connect(uri);
        client.send(new ClientMessage.Join(name, room));
        client.welcome = client.await(ServerMessage.Welcome.class);
        return client;
    }

    /**
     * Connects and joins as {@code role} ("controller", "screen", "spectator"; a screen also sends {@code link});
     * returns after the {@code welcome}.
     */
    public static GameClient joinAs(URI uri, String role, String name, String room, String link) throws Exception {
        GameClient client = connect(uri);
        client.send(new ClientMessage.Join(name, room, null, role, link));
        client.welcome = client.await(ServerMessage.Welcome.class);
        return client;
    }

    /** UTF-8 bytes of the text frames received so far (the payload, without WebSocket framing). */
    public long receivedBytes() {
        return receivedBytes.get();
    }

    /** Text frames received so far. */
    public long receivedFrames() {
        return receivedFrames.get();
    }

    private ServerMessage.Welcome welcome;

    public ServerMessage.Welcome welcome() {
        return welcome;
    }

    public int id() {
        return welcome.id();
    }

    public void send(ClientMessage message) throws Exception {
        sendRaw(CODEC.encode(message));
    }

    public void sendRaw(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /** Sends the next input with a fresh sequence number; returns that number. */
    public long hold(int dx, int dy) throws Exception {
        send(new ClientMessage.Input(++seq, dx, dy));
        return seq;
    }

    public <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
        return await(type, m -> true, Duration.ofSeconds(3));
    }

    /** The next message of {@code type} matching {@code condition}, skipping others; fails after {@code timeout}. */
    public <T extends ServerMessage> T await(Class<T> type, Predicate<T> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            ServerMessage m = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout
                        + "; received " + skipped.size() + " others, last ones: "
                        + skipped.subList(Math.max(0, skipped.size() - 5), skipped.size()));
            }
            if (type.isInstance(m) && condition.test(type.cast(m))) {
                return type.cast(m);
            }
            skipped.add(m.toString());
        }
    }

    /** Forgets every message received so far. */
    public void drain() {
        inbox.clear();
    }

    public CloseReason awaitClose(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Closes with {@code code}, e.g. 1001 as a browser does when its page reloads. */
    public void close(CloseReason.CloseCode code) throws Exception {
        if (session.isOpen()) {
            session.close(new CloseReason(code, ""));
        }
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
