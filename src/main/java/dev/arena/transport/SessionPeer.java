package dev.arena.transport;

import dev.arena.server.connection.Peer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** {@link Peer} over a WebSocket session's asynchronous remote. */
final class SessionPeer implements Peer {
    private final Session session;

    SessionPeer(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void send(ByteBuffer bytes, Consumer<Throwable> done) {
        session.getAsyncRemote().sendBinary(bytes, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void ping() {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String subprotocol() {
        String negotiated = session.getNegotiatedSubprotocol();
        return negotiated == null || negotiated.isEmpty() ? null : negotiated;
    }

    @Override
    public String remote() {
        return "session " + session.getId();
    }
}
