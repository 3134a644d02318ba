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
    /** The first byte of a client's binary input frame (the other way: client to server). */
    public static final int KIND_INPUT = 2;
    public static final int FULL = 0;
    public static final int DELTA = 1;
    /** The entry code of a player that left the cell (moved out of it, or out of the room). */
    public static final int LEFT = 9;

    private SnapshotFormat() {}

    /** The entry code of a held direction: 0..8. */
    public static int code(Input input) {
        return (input.dx() + 1) * 3 + (input.dy() + 1);
    }

    /** The held direction of an entry code 0..8. */
    public static Input input(int code) {
        if (code < 0 || code > 8) {
            throw new IllegalArgumentException("not a direction code: " + code);
        }
        return Input.of(code / 3 - 1, code % 3 - 1);
    }

    /**
     * A client's {@code input} as a binary frame, on a connection with the subprotocol: {@code u8 kind (2), varint
     * seq, u8 direction code} ({@link #code}), 3 to 10 bytes instead of about 40 of JSON. Same meaning and rules as
     * the JSON {@code input} (docs/protocol.md); JSON inputs stay valid on every connection.
     */
    public static ByteBuffer encodeInput(long seq, int dx, int dy) {
        Writer w = new Writer(11).u8(KIND_INPUT).varint(seq).u8(code(Input.of(dx, dy)));
        return w.toByteBuffer();
    }

    /** Whether a binary frame from a client is an input frame (its first byte is {@link #KIND_INPUT}). */
    public static boolean isInput(ByteBuffer frame) {
        return frame.remaining() > 0 && frame.get(frame.position()) == KIND_INPUT;
    }

    /**
     * The {@code input} of a binary input frame. Throws {@link ProtocolException} ({@code invalid_field}) for a frame
     * that is cut short, has bytes after the direction, a {@code seq} outside 1..2^53-1 or a direction code above 8.
     */
    public static ClientMessage.Input decodeInput(ByteBuffer frame) throws ProtocolException {
        ByteBuffer in = frame.duplicate();
        try {
            if ((in.get() & 0xff) != KIND_INPUT) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "a binary input frame starts with byte 2");
            }
            long seq = readVarint(in);
            int code = in.get() & 0xff;
            if (in.hasRemaining()) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "binary input: bytes after the direction");
            }
            if (seq < 1 || seq > Codec.MAX_SEQ) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "binary input: seq must be 1.." + Codec.MAX_SEQ);
            }
            if (code > 8) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "binary input: the direction code must be 0..8");
            }
            Input held = input(code);
            return new ClientMessage.Input(seq, held.dx(), held.dy());
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "binary input: the frame is cut short or malformed");
        }
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
