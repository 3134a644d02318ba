package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.games.dots.DotsGame;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.spi.Field;
import dev.arena.spi.MessageType;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Schema;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputCodecTest {
    enum Weapon { sword, bow }

    static final MessageType.Builder A = MessageType.builder("aim");
    static final Field ANGLE = A.decimal("angle", -180, 180, 10);
    static final Field FIRE = A.bool("fire");
    static final Field WEAPON = A.choice("weapon", Weapon.class);
    static final Field SAY = A.text("say", 5);
    static final MessageType AIM = A.build();
    static final Schema AIMING = new Schema(List.of(), List.of(new DotsGame().schema().inputs().get(0), AIM), List.of());
    static final InputCodec DOTS = new InputCodec(new DotsGame().schema());
    static final InputCodec CODEC = new InputCodec(AIMING);

    @Test
    void theDotsInputDecodesAsTodaysInputMessage() throws ProtocolException {
        PlayerInput in = DOTS.decode("{\"type\":\"input\",\"seq\":42,\"dx\":1,\"dy\":-1}");
        assertThat(in.type()).isEqualTo(DotsGame.MOVE);
        assertThat(in.seq()).isEqualTo(42);
        assertThat(in.integer(DotsGame.MOVE_DX)).isEqualTo(1);
        assertThat(in.integer(DotsGame.MOVE_DY)).isEqualTo(-1);
    }

    @Test
    void badFieldsAreInvalidFieldNamingTheField() {
        invalid("{\"type\":\"input\",\"seq\":1,\"dx\":2,\"dy\":0}", "'input.dx' must be an integer in -1..1");
        invalid("{\"type\":\"input\",\"seq\":1,\"dx\":0.5,\"dy\":0}", "'input.dx' must be an integer in -1..1");
        invalid("{\"type\":\"input\",\"seq\":1,\"dx\":\"1\",\"dy\":0}", "'input.dx' must be an integer in -1..1");
        invalid("{\"type\":\"input\",\"seq\":1,\"dx\":0}", "'input.dy' is required");
        invalid("{\"type\":\"input\",\"seq\":0,\"dx\":0,\"dy\":0}", "'input.seq' must be 1..9007199254740991");
        invalid("{\"type\":\"input\",\"dx\":0,\"dy\":0}", "'input.seq' is required");
        invalid("{\"type\":\"input\",\"seq\":1e400,\"dx\":0,\"dy\":0}", "'input.seq' must be 1..9007199254740991");
    }

    @Test
    void unknownInputsAndBrokenJsonHaveTheirOwnCodes() {
        assertThatThrownBy(() -> DOTS.decode("{\"type\":\"input\",\"input\":\"jump\",\"seq\":1}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE))
                .hasMessage("'input.input' must be one of [move]");
        assertThatThrownBy(() -> DOTS.decode("{\"type\":\"input\""))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
        assertThatThrownBy(() -> DOTS.decode("[1]"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }

    /** Issue 12's hostile texts: the same answers as protocol/Codec, never an escaping RuntimeException. */
    @Test
    void deepNestingAndHugeNumbersAreMalformedJson() {
        String deep = "{\"type\":\"input\",\"seq\":1,\"dx\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        String digits = "{\"type\":\"input\",\"seq\":" + "9".repeat(4000) + ",\"dx\":0,\"dy\":0}";
        for (String hostile : List.of(deep, digits)) {
            assertThatThrownBy(() -> DOTS.decode(hostile))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
        }
    }

    @Test
    void everyTypeRoundTripsInBothFormatsToTheSameInput() throws ProtocolException {
        PlayerInput in = PlayerInput.of(AIM, 7, -12.3, true, "bow", "héé✓");
        assertThat(CODEC.decode(CODEC.json(in))).isEqualTo(in);
        assertThat(CODEC.decode(ByteBuffer.wrap(CODEC.binary(in)))).isEqualTo(in);
        PlayerInput fine = CODEC.decode("{\"type\":\"input\",\"input\":\"aim\",\"seq\":8,\"angle\":-12.3456,"
                + "\"fire\":false,\"weapon\":\"sword\",\"say\":\"\"}");
        assertThat(fine.decimal(ANGLE)).as("snapped to the field's scale, as binary sends it").isEqualTo(-12.3);
        invalid(CODEC, "{\"type\":\"input\",\"input\":\"aim\",\"seq\":8,\"angle\":0,\"fire\":1,\"weapon\":\"bow\",\"say\":\"\"}",
                "'input.fire' must be true or false");
        invalid(CODEC, "{\"type\":\"input\",\"input\":\"aim\",\"seq\":8,\"angle\":0,\"fire\":true,\"weapon\":\"axe\",\"say\":\"\"}",
                "'input.weapon' must be one of [sword, bow]");
        invalid(CODEC, "{\"type\":\"input\",\"input\":\"aim\",\"seq\":8,\"angle\":200,\"fire\":true,\"weapon\":\"bow\",\"say\":\"\"}",
                "'input.angle' must be a number in -180..180");
        invalid(CODEC, "{\"type\":\"input\",\"input\":\"aim\",\"seq\":8,\"angle\":0,\"fire\":true,\"weapon\":\"bow\",\"say\":\"123456\"}",
                "'input.say' must be a string of at most 5 characters");
    }

    @Test
    void binaryInputsAreCheckedAsStrictly() {
        byte[] good = DOTS.binary(PlayerInput.of(DotsGame.MOVE, 300, 1, -1));
        binaryInvalid(DOTS, Arrays.copyOf(good, good.length - 1), ErrorCode.INVALID_FIELD, "'input.dy' is cut short");
        binaryInvalid(DOTS, Arrays.copyOf(good, good.length + 2), ErrorCode.INVALID_FIELD,
                "'input' has 2 bytes after its last field");
        byte[] wide = good.clone();
        wide[wide.length - 1] = 4; // zigzag 2
        binaryInvalid(DOTS, wide, ErrorCode.INVALID_FIELD, "'input.dy' must be an integer in -1..1");
        byte[] unknown = good.clone();
        unknown[1] = 5;
        binaryInvalid(DOTS, unknown, ErrorCode.UNKNOWN_TYPE, "unknown input 5, this game has 1");
        binaryInvalid(DOTS, new byte[] {0x22, 0, 0, 0, 0}, ErrorCode.INVALID_FIELD, "'input.seq' must be 1..9007199254740991");
        binaryInvalid(DOTS, new byte[] {0x21}, ErrorCode.UNKNOWN_TYPE, "not an input frame");
        byte[] text = CODEC.binary(PlayerInput.of(AIM, 1, 0.0, true, "bow", "ab"));
        text[text.length - 1] = (byte) 0xff;
        binaryInvalid(CODEC, text, ErrorCode.INVALID_FIELD, "'input.say' is not UTF-8");
    }

    private static void invalid(String json, String message) {
        invalid(DOTS, json, message);
    }

    private static void invalid(InputCodec codec, String json, String message) {
        assertThatThrownBy(() -> codec.decode(json)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD)).hasMessage(message);
    }

    private static void binaryInvalid(InputCodec codec, byte[] frame, ErrorCode code, String message) {
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame))).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessage(message);
    }
}
