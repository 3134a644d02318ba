package dev.arena.server.snapshot;

import dev.arena.protocol.SnapshotFormat;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;

/**
 * One connection's stream of snapshots: which format it gets, and for the compact one what it has received, so
 * that each {@link RoomFrame} becomes, for this client, a delta where it holds the base and full cells elsewhere.
 * What it "has" is what was last <em>sent</em> to it (a sent frame arrives, or the connection is gone); an offer
 * replaced in the outbox before it was sent changes nothing. Every {@link #KEYFRAME_TICKS} ticks at most, a frame of
 * only full cells goes out anyway, so a client that went wrong somehow recovers. {@link Offer#render} runs on the
 * outbox's one sender at a time.
 */
public final class SnapshotStream {
    public static final int KEYFRAME_TICKS = 200;
    private static final int[] NONE = {};

    private final boolean binary;
    private long lastTick = -1;
    private int[] lastCells = NONE;
    private long lastKeyframe = Long.MIN_VALUE / 2;

    public SnapshotStream(boolean binary) {
        this.binary = binary;
    }

    public boolean binary() {
        return binary;
    }

    /** The snapshot of {@code frame} for this client: its {@code view} cells and its own input {@code ack}. */
    public Offer offer(RoomFrame frame, int[] view, long ack, RoomMetrics metrics) {
        return new Offer(frame, view, ack, metrics);
    }

    public final class Offer implements Outbox.SnapshotOffer {
        private final RoomFrame frame;
        private final int[] view;
        private final long ack;
        private final RoomMetrics metrics;

        Offer(RoomFrame frame, int[] view, long ack, RoomMetrics metrics) {
            this.frame = frame;
            this.view = view;
            this.ack = ack;
            this.metrics = metrics;
        }

        @Override
        public long tick() {
            return frame.tick();
        }

        @Override
        public Object render() {
            if (frame.tick() <= lastTick) {
                return null; // a newer frame went out already (offers can arrive from several sender threads)
            }
            if (!binary) {
                lastTick = frame.tick();
                String text = frame.json(view);
                metrics.sent(1, text.length());
                return text;
            }
            boolean canDelta = frame.baseTick() >= 0 && lastTick == frame.baseTick()
                    && frame.tick() - lastKeyframe < KEYFRAME_TICKS;
            int size = 1 + 10 + 10 + 10 + 5;
            for (int cell : view) {
                size += 6 + frame.full(cell).length;
            }
            SnapshotFormat.Writer w = new SnapshotFormat.Writer(size);
            w.u8(SnapshotFormat.KIND_SNAPSHOT).varint(frame.tick()).varint(frame.time()).varint(ack)
                    .varint(view.length);
            boolean anyDelta = false;
            for (int cell : view) {
                boolean delta = canDelta && contains(lastCells, cell);
                anyDelta |= delta;
                w.varint(cell).u8(delta ? SnapshotFormat.DELTA : SnapshotFormat.FULL)
                        .bytes(delta ? frame.delta(cell) : frame.full(cell));
            }
            lastTick = frame.tick();
            lastCells = view;
            if (!anyDelta) {
                lastKeyframe = frame.tick();
            }
            metrics.sent(1, w.size());
            return w.toByteBuffer();
        }

        @Override
        public int sizeHint() {
            return binary ? 64 : 64 * view.length;
        }
    }

    private static boolean contains(int[] cells, int cell) {
        for (int c : cells) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }
}
