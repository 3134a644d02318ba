package dev.arena.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class MaskCheckTest {
    @Test
    void maskedFramesOfEveryLengthPassInAnyPiecesAndAnUnmaskedOneIsCaught() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int length : new int[] {0, 5, 125, 126, 300, 65_535, 70_000}) {
            stream.writeBytes(frame(length, true));
        }
        byte[] masked = stream.toByteArray();
        for (int piece : new int[] {1, 3, 7, 1000, masked.length}) {
            MaskCheck check = new MaskCheck();
            for (int from = 0; from < masked.length; from += piece) {
                int to = Math.min(masked.length, from + piece);
                assertThat(check.feed(i -> masked[i], from, to)).as("pieces of %d, at %d", piece, from).isTrue();
            }
            byte[] bad = frame(20, false);
            assertThat(check.feed(i -> bad[i], 0, 1)).isTrue();
            assertThat(check.feed(i -> bad[i], 1, bad.length)).as("after %d-byte pieces", piece).isFalse();
        }
    }

    @Test
    void anUnmaskedFrameAfterALongMaskedOneIsCaught() {
        byte[] ok = frame(70_000, true);
        byte[] bad = frame(2, false);
        MaskCheck check = new MaskCheck();
        assertThat(check.feed(i -> ok[i], 0, ok.length)).isTrue();
        assertThat(check.feed(i -> bad[i], 0, bad.length)).isFalse();
    }

    private static byte[] frame(int length, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81);
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            out.write(maskBit | length);
        } else if (length <= 0xffff) {
            out.write(maskBit | 126);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(maskBit | 127);
            for (int k = 7; k >= 0; k--) {
                out.write((int) ((long) length >> (8 * k)) & 0xff);
            }
        }
        if (masked) {
            out.writeBytes(new byte[] {1, 2, 3, 4});
        }
        out.writeBytes(new byte[length]);
        return out.toByteArray();
    }
}
