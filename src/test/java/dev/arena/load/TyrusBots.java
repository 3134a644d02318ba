package dev.arena.load;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Bots on Tyrus's client (Grizzly, one shared container: {@code threads} selector and as many worker threads for
 * all bots). With {@code deflate} they offer {@code permessage-deflate; client_max_window_bits} as browsers do
 * ({@link PerMessageDeflate}); whether a server takes it is the server's choice, and each bot reports it.
 */
final class TyrusBots implements AutoCloseable {
    private static final Codec CODEC = new Codec();
    private final ClientManager manager;
    private final boolean deflate;
    private final ExecutorService connecting = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "bots-connect");
        t.setDaemon(true);
        return t;
    });

    TyrusBots(boolean deflate, int threads) {
        this.deflate = deflate;
        this.manager = ClientManager.createClient();
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 60_000);
        manager.getProperties().put(GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG,
                ThreadPoolConfig.defaultConfig().setPoolName("bots-selector").setCorePoolSize(threads)
                        .setMaxPoolSize(threads).setDaemon(true));
        manager.getProperties().put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
                ThreadPoolConfig.defaultConfig().setPoolName("bots-worker").setCorePoolSize(threads)
                        .setMaxPoolSize(threads).setDaemon(true));
    }

    CompletableFuture<BotClient> connect(URI uri, boolean compact, BotClient.Listener listener) {
        Bot bot = new Bot(listener);
        ClientEndpointConfig.Builder config = ClientEndpointConfig.Builder.create();
        if (compact) {
            config.preferredSubprotocols(List.of(SnapshotFormat.SUBPROTOCOL));
        }
        if (deflate) {
            config.extensions(List.of(new PerMessageDeflate()));
        }
        ClientEndpointConfig cec = config.build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                manager.connectToServer(bot, cec, uri);
                return bot;
            } catch (Exception e) {
                throw new IllegalStateException("cannot connect to " + uri + ": " + e, e);
            }
        }, connecting);
    }

    @Override
    public void close() {
        connecting.shutdownNow();
    }

    /** One bot's connection. */
    private static final class Bot extends Endpoint implements BotClient {
        private final BotClient.Listener listener;
        private final AtomicLong seq = new AtomicLong();
        private final CompletableFuture<ServerMessage.Welcome> welcome = new CompletableFuture<>();
        private volatile long bytes;
        private volatile long id = -1;
        private volatile Session session;

        Bot(BotClient.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            session = s;
            s.setMaxBinaryMessageBufferSize(16 << 20);
            s.setMaxTextMessageBufferSize(16 << 20);
            s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::binary);
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::text);
        }

        private void binary(ByteBuffer frame) {
            int size = frame.remaining();
            bytes += size; // one handler thread at a time per session
            SnapshotFormat.Header h = SnapshotFormat.header(frame);
            listener.frame(h.tick(), h.ack(), size);
        }

        private void text(String text) {
            bytes += text.length();
            if (!text.contains("\"snapshot\"") && !text.contains("\"welcome\"") && !text.contains("\"error\"")) {
                return; // playerJoined, playerLeft, pong: a bot needs none of them, and decoding them all is costly
            }
            ServerMessage m = CODEC.decodeServerMessage(text);
            if (m instanceof ServerMessage.Snapshot snapshot) {
                long ack = 0;
                for (ServerMessage.PlayerPosition p : snapshot.players()) {
                    if (p.id() == id) {
                        ack = p.seq();
                    }
                }
                listener.frame(snapshot.tick(), ack, text.length());
            } else if (m instanceof ServerMessage.Welcome w) {
                id = w.id();
                welcome.complete(w);
            } else if (m instanceof ServerMessage.Error e && !welcome.isDone()) {
                welcome.completeExceptionally(new IllegalStateException(e.code() + ": " + e.message()));
            }
        }

        @Override
        public void onClose(Session s, CloseReason reason) {
            welcome.completeExceptionally(new IllegalStateException("closed: " + reason));
            listener.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(Session s, Throwable error) {
            welcome.completeExceptionally(error);
        }

        @Override
        public CompletableFuture<?> join(String name, String room) {
            send(new ClientMessage.Join(name, room, null));
            return welcome;
        }

        @Override
        public long input(int dx, int dy) {
            long n = seq.incrementAndGet();
            if (SnapshotFormat.SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
                try { // as the browser and ArenaClient do on the compact subprotocol: the binary input
                    session.getBasicRemote().sendBinary(SnapshotFormat.encodeInput(n, dx, dy));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot send: " + e.getMessage(), e);
                }
            } else {
                send(new ClientMessage.Input(n, dx, dy));
            }
            return n;
        }

        private void send(ClientMessage message) {
            try {
                session.getBasicRemote().sendText(CODEC.encode(message));
            } catch (IOException e) {
                throw new IllegalStateException("cannot send: " + e.getMessage(), e);
            }
        }

        @Override
        public long bytesReceived() {
            return bytes;
        }

        @Override
        public String extensions() {
            List<Extension> negotiated = session.getNegotiatedExtensions();
            return negotiated.isEmpty() ? "none"
                    : negotiated.stream().map(Extension::getName).collect(Collectors.joining(", "));
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
    }
}
