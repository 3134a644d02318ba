package dev.arena.support;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.Codec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/** Many cheap players: real WebSocket clients that join one room and read (and discard) everything. */
public final class Bots implements AutoCloseable {
    private static final Codec CODEC = new Codec();
    private final List<Session> sessions = new ArrayList<>();

    public Bots(URI uri, String room, int count) throws Exception {
        ClientManager client = ClientManager.createClient();
        CountDownLatch welcomed = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Endpoint endpoint = new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig config) {
                    s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                        if (text.startsWith("{\"type\":\"welcome\"")) {
                            welcomed.countDown();
                        }
                    });
                }
            };
            Session s = client.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
            s.getBasicRemote().sendText(CODEC.encode(new ClientMessage.Join("bot" + i, room)));
            sessions.add(s);
        }
        if (!welcomed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError(welcomed.getCount() + " of " + count + " bots got no welcome");
        }
    }

    @Override
    public void close() throws Exception {
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.close();
            }
        }
    }
}
