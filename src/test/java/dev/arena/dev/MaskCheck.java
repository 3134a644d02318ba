package dev.arena.dev;

import java.util.function.IntUnaryOperator;

/**
 * Follows the frame boundaries in what one client sends after the upgrade and tells when a frame is not masked.
 * RFC 6455, 5.1: "a client MUST mask all frames that it sends to the server", and "the server MUST close the
 * connection upon receiving a frame that is not masked". Tyrus does not check (it unmasks only when the bit is set),
 * so the dev server's {@link SocketGuard} does. Not thread-safe: one per connection, fed in order.
 */
final class MaskCheck {
    private final byte[] head = new byte[14];
    private int headLength;
    private long payloadLeft;

    /** Feeds the bytes {@code from} (inclusive) to {@code to} (exclusive); false as soon as an unmasked frame starts. */
    boolean feed(IntUnaryOperator byteAt, int from, int to) {
        int i = from;
        while (i < to) {
            if (payloadLeft > 0) {
                long n = Math.min(payloadLeft, to - i);
                payloadLeft -= n;
                i += (int) n;
                continue;
            }
            head[headLength++] = (byte) byteAt.applyAsInt(i++);
            if (headLength == 2 && (head[1] & 0x80) == 0) {
                return false;
            }
            if (headLength >= 2 && headLength == headerLength()) {
                payloadLeft = payloadLength();
                headLength = 0;
            }
        }
        return true;
    }

    /** Two bytes, the extended length (0, 2 or 8 bytes), the masking key (4). */
    private int headerLength() {
        int len7 = head[1] & 0x7f;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + 4;
    }

    private long payloadLength() {
        int len7 = head[1] & 0x7f;
        if (len7 < 126) {
            return len7;
        }
        int bytes = len7 == 126 ? 2 : 8;
        long n = 0;
        for (int k = 0; k < bytes; k++) {
            n = (n << 8) | (head[2 + k] & 0xff);
        }
        return n;
    }
}
