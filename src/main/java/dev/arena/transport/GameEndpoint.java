package dev.arena.transport;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.server.GameWorld;
import dev.arena.server.connection.Connection;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /game}: one instance per connection, translating WebSocket events into calls on {@link GameWorld}. It
 * decides nothing itself.
 */
@ServerEndpoint(value = "/game", decoders = ClientMessageDecoder.class, configurator = GameEndpointConfigurator.class,
        subprotocols = SnapshotFormat.SUBPROTOCOL)
public class GameEndpoint {
    private static final Logger LOG = Logger.getLogger(GameEndpoint.class.getName());
    private static final FaultLog FAULTS = new FaultLog(LOG, System::currentTimeMillis);
    static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    static final String TOMCAT_SESSION_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";
    private static final Long CLOSE_MILLIS = 2_000L;
    /** The first byte of a game's binary input on the SPI ({@code dev.arena.snapshot.InputCodec}). */
    private static final byte GAME_INPUT = 0x22;

    @Inject
    GameWorld world;

    private Connection connection;
    private boolean compact; // the compact subprotocol: binary snapshots out, binary inputs in

    boolean hasWorld() {
        return world != null;
    }

    void useWorld(GameWorld gameWorld) {
        this.world = gameWorld;
    }

    /**
     * A handshake whose origin was refused reaches here only where the container cannot refuse it with 403: it is
     * closed at once with 1008. Otherwise the connection is registered under its remote address.
     */
    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(Codec.MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(Codec.MAX_MESSAGE_BYTES);
        // No container idle timeout: GameWorld has its own (arena.idleTimeoutSeconds, with pings). Negative, not 0:
        // Tyrus reschedules a timer task on every frame in and out unless the timeout is negative (a tenth of the
        // dev server's CPU under load); "zero or negative: never" for every container.
        session.setMaxIdleTimeout(-1);
        // Tomcat's documented session properties: a close the server starts is over within 2 s, also when the
        // client reads nothing (defaults: 20 s to send the close frame, then 30 s waiting for the client's). The
        // other containers ignore them (docs/security.md, per server).
        session.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, CLOSE_MILLIS);
        session.getUserProperties().put(TOMCAT_SESSION_CLOSE_TIMEOUT, CLOSE_MILLIS);
        SessionPeer peer = new SessionPeer(session);
        Object refusedOrigin = session.getUserProperties().get(GameEndpointConfigurator.REFUSED_ORIGIN);
        if (refusedOrigin != null) {
            LOG.log(Level.FINE, "closing connection " + session.getId() + " from origin " + refusedOrigin);
            peer.close(CloseCodes.POLICY_VIOLATION, "origin not allowed");
            return;
        }
        compact = SnapshotFormat.SUBPROTOCOL.equals(session.getNegotiatedSubprotocol());
        connection = world.connect(peer, RemoteAddresses.of(session));
    }

    @OnMessage(maxMessageSize = Codec.MAX_MESSAGE_BYTES)
    public void message(ClientMessage message) {
        if (connection != null) {
            world.receive(connection, message);
        }
    }

    /**
     * A binary frame: on a connection with the compact subprotocol, an {@code input} in its binary form
     * ({@link SnapshotFormat#decodeInput}; a malformed one is answered with its error, as a JSON one is), or a game's
     * typed input ({@code 0x22}, decoded by its room). Anything
     * else binary is not something Arena's clients send: the connection is closed with 1003 and its player leaves.
     * Without this handler the container would fail the frame with an error and a dump of the session.
     */
    @OnMessage(maxMessageSize = Codec.MAX_MESSAGE_BYTES)
    public void binary(ByteBuffer data) {
        if (connection == null) {
            return;
        }
        if (compact && SnapshotFormat.isInput(data)) {
            try {
                world.receive(connection, SnapshotFormat.decodeInput(data));
            } catch (ProtocolException problem) {
                world.reject(connection, problem);
            }
        } else if (compact && data.remaining() > 0 && data.get(data.position()) == GAME_INPUT) {
            world.receive(connection, ClientMessage.GameInput.of(data)); // a game's typed input: its room decodes it
        } else {
            world.unsupported(connection);
        }
    }

    /** The answer to the server's heartbeat ping. */
    @OnMessage
    public void pong(PongMessage pong) {
        if (connection != null) {
            world.heard(connection);
        }
    }

    /**
     * A frame that does not decode is answered with its {@code error}. A client's fault that the container reports
     * here (an I/O error, a frame it refused) is one line at FINE, never a stack trace ({@link FaultLog}). Anything
     * else is unexpected: logged at most once a minute with its stack trace, and the connection is closed with 1011;
     * its player leaves at once (resuming could only run into the same error).
     */
    @OnError
    public void error(Session session, Throwable failure) {
        if (failure instanceof DecodeException) {
            if (connection != null) {
                world.reject(connection, failure.getCause() instanceof ProtocolException problem ? problem
                        : new ProtocolException(ErrorCode.MALFORMED_JSON, "the message cannot be decoded"));
            }
            return;
        }
        if (failure instanceof IOException || !session.isOpen()) {
            FAULTS.clientFault(session.getId(), failure);
            return;
        }
        FAULTS.unexpected(session.getId(), failure);
        if (connection != null) {
            world.failed(connection);
            return;
        }
        try {
            session.close(new CloseReason(
                    CloseReason.CloseCodes.getCloseCode(CloseCodes.INTERNAL_ERROR), "internal error"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed: " + e);
        }
    }

    /**
     * A clean close by the client (1000) means it left; 1001 (a page reloading), 1006 (the network dropped) and the
     * like mean its player may be resumed within the grace period ({@link GameWorld#closed}).
     */
    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            world.closed(connection, reason == null ? 1006 : reason.getCloseCode().getCode());
        }
    }
}
