package dev.arena.client;

import dev.arena.game.Rules;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotDecoder;
import dev.arena.protocol.SnapshotFormat;
import java.nio.ByteBuffer;

/**
 * A dots room as the Java client sees it: JSON snapshots, or compact ones decoded against what the client has
 * ({@link SnapshotDecoder}, only when players are tracked). Used on the client's one receiving thread.
 */
final class DotsView implements RoomView {
    private final Codec codec;
    private final int id;
    private final SnapshotDecoder decoder; // null: players not tracked

    DotsView(Codec codec, ServerMessage.Welcome w, boolean trackPlayers) {
        this.codec = codec;
        this.id = w.id();
        this.decoder = trackPlayers
                ? new SnapshotDecoder(new Rules(w.width(), w.height(), w.tickRate(), w.speed(), w.radius()), w.id())
                : null;
    }

    @Override
    public boolean received(String text, ArenaClient.Listener listener) {
        if (!text.startsWith("{\"type\":\"snapshot\"")) {
            return false;
        }
        ServerMessage.Snapshot s = (ServerMessage.Snapshot) codec.decodeServerMessage(text);
        long ack = 0;
        for (ServerMessage.PlayerPosition p : s.players()) {
            if (p.id() == id) {
                ack = p.seq();
            }
        }
        listener.frame(s.tick(), ack, text.length());
        listener.snapshot(s);
        return true;
    }

    @Override
    public boolean received(ByteBuffer frame, ArenaClient.Listener listener) {
        SnapshotFormat.Header header = SnapshotFormat.header(frame.duplicate());
        listener.frame(header.tick(), header.ack(), frame.remaining());
        if (decoder != null) {
            listener.snapshot(decoder.decode(frame));
        }
        return true;
    }
}
