package dev.arena.load;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
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
final class TyrusBots implements BotClient.Connector {
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

    @Override
    public CompletableFuture<BotClient> connect(URI uri, boolean compact, BotClient.Listener listener) {
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
        private final BotInbox inbox;
        private final AtomicLong seq = new AtomicLong();
        private volatile Session session;

        Bot(BotClient.Listener listener) {
            this.inbox = new BotInbox(listener);
        }

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            session = s;
            s.setMaxBinaryMessageBufferSize(16 << 20);
            s.setMaxTextMessageBufferSize(16 << 20);
            s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) inbox::binary);
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) inbox::text);
        }

        @Override
        public void onClose(Session s, CloseReason reason) {
            inbox.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(Session s, Throwable error) {
            inbox.failed(error);
        }

        @Override
        public CompletableFuture<?> join(String name, String room) {
            send(new ClientMessage.Join(name, room, null));
            return inbox.welcome();
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
            return inbox.bytes();
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
