package dev.arena.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The binary input frame (compact subprotocol): the same bytes as protocol.test.mjs's inputFrame test. */
class SnapshotFormatInputTest {
    private static ByteBuffer bytes(int... b) {
        byte[] a = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = (byte) b[i];
        }
        return ByteBuffer.wrap(a);
    }

    @Test
    void encodesAsTheBrowserDoes() {
        assertThat(SnapshotFormat.encodeInput(300, 1, 0)).isEqualTo(bytes(2, 0xac, 0x02, 7));
        assertThat(SnapshotFormat.encodeInput(1, -1, -1)).isEqualTo(bytes(2, 1, 0));
        assertThat(SnapshotFormat.encodeInput(Codec.MAX_SEQ, 0, 1))
                .isEqualTo(bytes(2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 5));
    }

    @Test
    void decodesToTheSameInputAsJson() throws ProtocolException {
        ByteBuffer frame = bytes(2, 0xac, 0x02, 7);
        assertThat(SnapshotFormat.isInput(frame)).isTrue();
        assertThat(SnapshotFormat.decodeInput(frame)).isEqualTo(new ClientMessage.Input(300L, 1, 0));
        assertThat(frame.position()).as("the frame is left as it was").isZero();
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                assertThat(SnapshotFormat.decodeInput(SnapshotFormat.encodeInput(7, dx, dy)))
                        .isEqualTo(new ClientMessage.Input(7L, dx, dy));
            }
        }
    }

    @Test
    void aMalformedInputFrameIsAnInvalidFieldWithItsReason() {
        assertThat(SnapshotFormat.isInput(bytes(1, 0))).isFalse();
        assertThat(SnapshotFormat.isInput(bytes())).isFalse();
        String[][] cases = {
            {"2", "cut short"}, {"2,1", "cut short"}, {"2,0x81", "cut short"}, {"2,1,9", "direction code must be 0..8"},
            {"2,0,4", "seq must be 1.."}, {"2,1,4,0", "bytes after the direction"},
            {"2,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,4", "malformed"},
            {"2,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x10,4", "seq must be 1.."},
        };
        for (String[] c : cases) {
            String[] parts = c[0].split(",");
            int[] b = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                b[i] = Integer.decode(parts[i]);
            }
            assertThatThrownBy(() -> SnapshotFormat.decodeInput(bytes(b))).as(c[0])
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(e.getMessage()).contains(c[1]);
                    });
        }
    }
}
