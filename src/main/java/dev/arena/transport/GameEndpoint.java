package dev.arena.transport;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ProtocolException;
import dev.arena.server.Connection;
import dev.arena.server.GameWorld;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /game}: one instance per connection, translating WebSocket events into calls on {@link GameWorld}. It
 * decides nothing itself.
 */
@ServerEndpoint(value = "/game", decoders = ClientMessageDecoder.class, configurator = GameEndpointConfigurator.class)
public class GameEndpoint {
    private static final Logger LOG = Logger.getLogger(GameEndpoint.class.getName());

    @Inject
    GameWorld world;

    private Connection connection;

    boolean hasWorld() {
        return world != null;
    }

    void useWorld(GameWorld gameWorld) {
        this.world = gameWorld;
    }

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(Codec.MAX_MESSAGE_BYTES);
        connection = world.connect(new SessionPeer(session));
    }

    @OnMessage(maxMessageSize = Codec.MAX_MESSAGE_BYTES)
    public void message(ClientMessage message) {
        world.receive(connection, message);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        if (failure instanceof DecodeException && failure.getCause() instanceof ProtocolException problem) {
            world.reject(connection, problem);
            return;
        }
        if (failure instanceof IOException || !session.isOpen()) {
            LOG.log(Level.FINE, "connection " + session.getId() + " failed: " + failure);
            return;
        }
        LOG.log(Level.WARNING, "closing connection " + session.getId() + " after an unexpected error", failure);
        try {
            session.close(new CloseReason(
                    CloseReason.CloseCodes.getCloseCode(CloseCodes.INTERNAL_ERROR), "internal error"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    @OnClose
    public void close() {
        if (connection != null) {
            world.disconnect(connection);
        }
    }
}
