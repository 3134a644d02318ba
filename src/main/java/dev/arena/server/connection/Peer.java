package dev.arena.server.connection;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The port through which the server talks to one client. Implemented over a WebSocket session in production
 * ({@code transport.SessionPeer}) and by a recording fake in tests. {@link Outbox} guarantees that {@link #send} is
 * never called again before the previous send has completed.
 */
public interface Peer {
    /**
     * Starts sending one text frame and returns without waiting; calls {@code done} once when the frame has been
     * written ({@code null}) or has failed (the cause). {@code done} may run on any thread, also this one.
     */
    void send(String text, Consumer<Throwable> done);

    /**
     * Like {@link #send(String, Consumer)} for a binary frame (compact snapshots). The buffer is not changed by the
     * caller afterwards. Peers that cannot send binary frames fail the send.
     */
    default void send(ByteBuffer bytes, Consumer<Throwable> done) {
        done.accept(new UnsupportedOperationException("this peer sends text frames only"));
    }

    /** Closes the connection with a WebSocket close code and a short reason. */
    void close(int code, String reason);

    /**
     * Sends a WebSocket ping frame, without waiting; the client's WebSocket answers with a pong by itself (browsers
     * do so even in background tabs, whose timers are throttled). Best effort: a failure is ignored.
     */
    default void ping() {}

    /** The WebSocket subprotocol the client and the server agreed on at the handshake, or null (none). */
    default String subprotocol() {
        return null;
    }

    /** Where the client connects from, for logs (e.g. {@code 127.0.0.1:53412}), or "unknown". */
    default String remote() {
        return "unknown";
    }
}
