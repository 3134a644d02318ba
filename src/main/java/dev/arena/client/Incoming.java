package dev.arena.client;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The WebSocket listener of a client: gathers partial frames, hands whole ones on, asks for the next. */
final class Incoming implements WebSocket.Listener {
    private final Consumer<String> text;
    private final Consumer<ByteBuffer> binary;
    private final BiConsumer<Integer, String> closed;
    private final AtomicLong bytesReceived;
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();

    /** Whole text frames go to {@code text}, whole binary ones to {@code binary}, the close to {@code closed}. */
    Incoming(Consumer<String> text, Consumer<ByteBuffer> binary, BiConsumer<Integer, String> closed,
            AtomicLong bytesReceived) {
        this.text = text;
        this.binary = binary;
        this.closed = closed;
        this.bytesReceived = bytesReceived;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        bytesReceived.addAndGet(data.length());
        if (!last || textParts.length() > 0) {
            textParts.append(data);
        }
        if (last) {
            String whole = textParts.length() > 0 ? textParts.toString() : data.toString();
            textParts.setLength(0);
            text.accept(whole);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        bytesReceived.addAndGet(data.remaining());
        if (!last || binaryParts.size() > 0) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binaryParts.writeBytes(part);
        }
        if (last) {
            ByteBuffer whole = binaryParts.size() > 0 ? ByteBuffer.wrap(binaryParts.toByteArray()) : data;
            binaryParts.reset();
            binary.accept(whole);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.accept(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.accept(1006, String.valueOf(error.getMessage()));
    }
}
