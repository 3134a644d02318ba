package dev.arena.snapshot;

/**
 * A state frame with the viewer's {@code ack} (the newest of its own inputs the game has applied,
 * {@code dev.arena.spi.Match#ack}), for prediction: the frame of {@link Delta} with one more value. JSON: a member
 * {@code "ack":N} after {@code "type":"state"}. Binary: flag bit {@code 8} ("ack follows") and the ack as a varint
 * right after the flags byte, before the phase: {@code u8 0x21, tick, u8 flags (| 8), ack, [phase], ...}. A frame
 * without the bit has no ack (the format of {@link Delta#binary}). Thread-safe.
 */
public final class Acks {
    /** The flag bit of a binary state frame that says an ack follows the flags byte. */
    public static final int ACK_FLAG = 8;
    private static final String JSON_START = "{\"type\":\"state\",";

    private Acks() {}

    /** {@link Delta#json} with {@code "ack":ack}. */
    public static String json(Delta delta, long ack) {
        String json = delta.json();
        if (!json.startsWith(JSON_START)) {
            throw new IllegalStateException("a state frame starts with " + JSON_START + ": " + json);
        }
        return JSON_START + "\"ack\":" + ack + "," + json.substring(JSON_START.length());
    }

    /** {@link Delta#binary} with flag {@link #ACK_FLAG} and {@code ack} after the flags byte. */
    public static byte[] binary(Delta delta, long ack) {
        byte[] plain = delta.binary();
        int flags = 1;
        while ((plain[flags] & 0x80) != 0) { // past the tick's varint
            flags++;
        }
        flags++;
        byte[] varint = new Wire.Writer().varint(ack).toByteArray();
        byte[] out = new byte[plain.length + varint.length];
        System.arraycopy(plain, 0, out, 0, flags + 1);
        out[flags] = (byte) (plain[flags] | ACK_FLAG);
        System.arraycopy(varint, 0, out, flags + 1, varint.length);
        System.arraycopy(plain, flags + 1, out, flags + 1 + varint.length, plain.length - flags - 1);
        return out;
    }
}
