package dev.arena.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the decoder with Jazzer. Any frame either decodes into a message whose fields are all in range and which
 * survives an encode/decode round trip, or is refused with a {@link ProtocolException} carrying a code and a short
 * message; nothing else (no other exception, no hang) may happen. Seeds: real messages in
 * {@code src/test/resources/dev/arena/protocol/CodecFuzzTestInputs}. {@code mvn -B verify} fuzzes {@link #fuzz} for
 * its duration; {@code mvn -B test -Pfuzz} runs {@link #longRun}.
 */
class CodecFuzzTest {
    private static final Codec CODEC = new Codec();

    @FuzzTest(maxDuration = "5s")
    void fuzz(byte[] frame) {
        check(frame);
    }

    @FuzzTest(maxDuration = "10m")
    void longRun(byte[] frame) {
        check(frame);
    }

    static void check(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        ClientMessage message;
        try {
            message = CODEC.decode(text);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(300);
            return;
        }
        if (message instanceof ClientMessage.Input input) {
            assertThat(input.seq()).isBetween(1L, Codec.MAX_SEQ);
            assertThat(input.dx()).isBetween(-1, 1);
            assertThat(input.dy()).isBetween(-1, 1);
        } else if (message instanceof ClientMessage.Join join) {
            assertThat(join.room() == null || Codec.ROOM_NAME.matcher(join.room()).matches()).isTrue();
            assertThat(join.token() == null || Codec.TOKEN.matcher(join.token()).matches()).isTrue();
            assertThat(join.name() == null || join.name().length() <= 200).isTrue();
        } else if (message instanceof ClientMessage.Ping ping) {
            assertThat(Double.isFinite(ping.t())).isTrue();
        }
        try {
            assertThat(CODEC.decode(CODEC.encode(message))).isEqualTo(message);
        } catch (ProtocolException e) {
            throw new AssertionError("an accepted message does not survive a round trip: " + message, e);
        }
    }
}
