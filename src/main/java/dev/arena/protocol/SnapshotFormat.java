package dev.arena.protocol;

import dev.arena.game.Input;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The compact snapshot format: binary WebSocket frames, on connections that negotiated the WebSocket subprotocol
 * {@link #SUBPROTOCOL}. Everything else (control messages, and snapshots on connections without the subprotocol)
 * stays JSON text. Described in {@code docs/protocol.md}; the browser twin is {@code SnapshotDecoder} in
 * {@code webapp/js/protocol.js}.
 *
 * <p>A frame, integers as unsigned LEB128 varints:
 * <pre>
 *   u8 kind (1: snapshot), tick, time (server ms), ack (newest input seq applied to your player), cell count,
 *   per cell: cell number, u8 form (0 full, 1 delta against the tick before), entry count, entries
 *   entry: id, u8 code, then for codes 0-8 x and y in hundredths of a map unit
 *   code 0-8: the player is here, at (x, y), holding direction code = (dx + 1) * 3 + (dy + 1); 9: it left this cell
 * </pre>
 * Between entries, players move by the game's own rule: a client steps every player it knows of a delta cell by one
 * tick with its held direction. A full cell replaces what the client knew of that cell; players of cells not in the
 * frame are out of view. The server sends a delta for a cell only when the last frame it sent this client was of the
 * tick before and held that cell, so a dropped snapshot never leaves a client with a wrong state: it gets full cells.
 */
public final class SnapshotFormat {
    /** The WebSocket subprotocol a client offers to receive snapshots in this format. */
    public static final String SUBPROTOCOL = "arena.binary.1";
    public static final int KIND_SNAPSHOT = 1;
    public static final int FULL = 0;
    public static final int DELTA = 1;
    /** The entry code of a player that left the cell (moved out of it, or out of the room). */
    public static final int LEFT = 9;

    private SnapshotFormat() {}

    /** The entry code of a held direction: 0..8. */
    public static int code(Input input) {
        return (input.dx() + 1) * 3 + (input.dy() + 1);
    }

    private static final Input[] INPUTS = new Input[9];

    static {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                INPUTS[(dx + 1) * 3 + (dy + 1)] = new Input(dx, dy);
            }
        }
    }

    /** The held direction of an entry code 0..8. */
    public static Input input(int code) {
        if (code < 0 || code > 8) {
            throw new IllegalArgumentException("not a direction code: " + code);
        }
        return INPUTS[code];
    }

    /** A coordinate in hundredths of a map unit, as sent. */
    public static long centi(double v) {
        return Math.round(v * 100);
    }

    public static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    /** A growable byte array for writing frames. Not thread-safe. */
    public static final class Writer {
        private byte[] bytes;
        private int size;

        public Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        public Writer varint(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative: " + value);
            }
            ensure(10);
            while ((value & ~0x7fL) != 0) {
                bytes[size++] = (byte) ((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
            return this;
        }

        public Writer u8(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
            return this;
        }

        public Writer bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        public int size() {
            return size;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        /** The bytes written so far, not copied: write nothing more afterwards. */
        public ByteBuffer toByteBuffer() {
            return ByteBuffer.wrap(bytes, 0, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** The first fields of a snapshot frame, read without touching its cells. */
    public record Header(long tick, long time, long ack) {}

    /** Reads the header of a snapshot frame (the buffer's position is left after it). */
    public static Header header(ByteBuffer in) {
        int kind = in.get() & 0xff;
        if (kind != KIND_SNAPSHOT) {
            throw new IllegalArgumentException("not a snapshot frame: kind " + kind);
        }
        return new Header(readVarint(in), readVarint(in), readVarint(in));
    }
}
