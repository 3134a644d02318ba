package dev.arena.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What one WebSocket sends, one message at a time and in order (the JDK's WebSocket allows one send at a time); a
 * failed send does not stop the ones after it.
 */
final class Outgoing {
    private final WebSocket ws;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null); // guarded by this

    Outgoing(WebSocket ws) {
        this.ws = ws;
    }

    synchronized void text(String text) {
        last = last.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }

    synchronized void binary(ByteBuffer frame) {
        last = last.handle((r, e) -> null).thenCompose(x -> ws.sendBinary(frame, true));
    }

    /** Sends the close frame (1000) after what is queued; aborts the connection if that takes over 2 s. */
    void close() {
        if (ws.isOutputClosed()) {
            return;
        }
        CompletableFuture<?> after;
        synchronized (this) {
            after = last.handle((r, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            last = after;
        }
        try {
            after.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
        }
    }
}
