package dev.arena.load;

import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * What a bot does with the messages it receives, whichever client it runs on: a binary frame is a compact snapshot
 * or, in a room of a game on the SPI, a state frame (its header gives the tick and the ack; events are counted, not
 * read); of the text messages it decodes only the welcome, an error before the welcome, and JSON snapshots and
 * state frames (for their ack). One reading thread at a time per bot.
 */
final class BotInbox {
    private static final Codec CODEC = new Codec();
    private final BotClient.Listener listener;
    private final CompletableFuture<ServerMessage.Welcome> welcome = new CompletableFuture<>();
    private volatile long bytes;
    private volatile long id = -1;

    BotInbox(BotClient.Listener listener) {
        this.listener = listener;
    }

    CompletableFuture<ServerMessage.Welcome> welcome() {
        return welcome;
    }

    long bytes() {
        return bytes;
    }

    void binary(ByteBuffer frame) {
        int size = frame.remaining();
        bytes += size; // one reading thread at a time per bot
        if (StateDecoder.isState(frame)) { // a room of a game on the SPI
            StateDecoder.Header h = StateDecoder.header(frame);
            listener.frame(h.tick(), Math.max(0, h.ack()), size);
        } else if (!EventCodec.isEvent(frame)) {
            SnapshotFormat.Header h = SnapshotFormat.header(frame);
            listener.frame(h.tick(), h.ack(), size);
        }
    }

    void text(String text) {
        bytes += text.length();
        if (text.startsWith("{\"type\":\"state\"")) { // a room of a game on the SPI, in JSON
            StateDecoder.Header h = StateDecoder.header(text);
            listener.frame(h.tick(), Math.max(0, h.ack()), text.length());
            return;
        }
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

    void closed(int code, String reason) {
        welcome.completeExceptionally(new IllegalStateException("closed: " + code + " " + reason));
        listener.closed(code, reason);
    }

    void failed(Throwable error) {
        welcome.completeExceptionally(error);
    }
}
