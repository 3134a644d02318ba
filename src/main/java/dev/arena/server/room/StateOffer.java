package dev.arena.server.room;

import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import dev.arena.snapshot.Acks;
import dev.arena.snapshot.ClientStream;
import dev.arena.snapshot.Delta;
import dev.arena.snapshot.Frame;
import java.nio.ByteBuffer;

/**
 * One seat's state frame of a room on the SPI, made when its outbox sends it (by the outbox's one sender, at most
 * once): the seat's {@link ClientStream}'s next delta of {@code frame}, with the player's {@code ack} ({@link Acks};
 * -1: a spectator, no ack), binary on the compact subprotocol, JSON otherwise. An offer replaced by a newer one is
 * never made, so the stream's deltas all reach the client.
 */
record StateOffer(ClientStream stream, Frame frame, long ack, boolean binary, RoomMetrics metrics)
        implements Outbox.SnapshotOffer {
    @Override
    public Object render() {
        Delta d = stream.next(frame);
        if (binary) {
            byte[] bytes = ack < 0 ? d.binary() : Acks.binary(d, ack);
            metrics.sent(1, bytes.length);
            return ByteBuffer.wrap(bytes);
        }
        String text = ack < 0 ? d.json() : Acks.json(d, ack);
        metrics.sent(1, text.length());
        return text;
    }

    @Override
    public int sizeHint() {
        return 256;
    }

    @Override
    public long tick() {
        return frame.tick();
    }
}
