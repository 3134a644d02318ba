package dev.arena.snapshot;

import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.MessageType;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Schema;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;

/**
 * A game's typed inputs on the wire, decoded as strictly as {@code protocol.Codec} decodes its messages: an input
 * reaches the game only when every declared field is present and of its type and range; anything else is a
 * {@link ProtocolException} ({@code invalid_field} naming the field as {@code 'input.<field>'}, {@code unknown_type}
 * for an input the game does not declare). Decimals are snapped to their field's scale in both formats, so a JSON
 * client and a binary client holding the same keys send the game the same values. Thread-safe.
 *
 * <p>JSON: {@code {"type":"input","seq":42,"input":"move","dx":1,"dy":0}} ({@code input} may be left out for the
 * game's first input); other members are ignored. Binary: {@code u8 0x22, input index, seq, the values in field
 * order} (see {@link Delta} for values), nothing after them.
 */
public final class InputCodec {
    /** The largest seq: JavaScript's largest safe integer (as {@code protocol.Codec.MAX_SEQ}). */
    public static final long MAX_SEQ = (1L << 53) - 1;
    private static final JsonProvider JSON = JsonProvider.provider();
    private final Schema schema;

    public InputCodec(Schema schema) {
        this.schema = schema;
    }

    public PlayerInput decode(String text) throws ProtocolException {
        JsonObject o = Codec.parseObject(text);
        JsonValue type = o.get("type");
        if (!(type instanceof JsonString s) || !s.getString().equals("input")) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "an input needs \"type\":\"input\"");
        }
        MessageType input = type(o.get("input"));
        long seq = seq(o.get("seq"));
        Object[] values = new Object[input.fields().size()];
        for (Field f : input.fields()) {
            values[f.index()] = value(f, o.get(f.name()));
        }
        return PlayerInput.of(input, seq, values);
    }

    public PlayerInput decode(ByteBuffer frame) throws ProtocolException {
        Wire.Reader in = new Wire.Reader(frame);
        try {
            if (in.u8("'input'") != Wire.INPUT) {
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "not an input frame");
            }
            long index = in.varint("'input' type");
            if (index >= schema.inputs().size()) {
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown input " + index + ", this game has "
                        + schema.inputs().size());
            }
            MessageType input = schema.inputs().get((int) index);
            long seq = in.varint("'input.seq'");
            if (seq < 1 || seq > MAX_SEQ) {
                throw invalid("seq", "must be 1.." + MAX_SEQ);
            }
            Object[] values = new Object[input.fields().size()];
            for (Field f : input.fields()) {
                values[f.index()] = in.value(f, "'input." + f.name() + "'");
            }
            if (in.remaining() != 0) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "'input' has " + in.remaining()
                        + " bytes after its last field");
            }
            return PlayerInput.of(input, seq, values);
        } catch (Wire.Malformed e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, e.getMessage());
        }
    }

    /** For clients: an input as JSON text. */
    public String json(PlayerInput input) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "input").write("seq", input.seq()).write("input", input.type().name());
            for (Field f : input.type().fields()) {
                Object v = input.values().get(f.index());
                Delta.writeValue(g, f, f.type() instanceof FieldType.Text ? 0 : Wire.quantised(f.type(), v),
                        f.type() instanceof FieldType.Text ? (String) v : null);
            }
            g.writeEnd();
        }
        return out.toString();
    }

    /** For clients: an input as a binary frame. */
    public byte[] binary(PlayerInput input) {
        Wire.Writer w = new Wire.Writer().u8(Wire.INPUT).varint(schema.inputs().indexOf(input.type())).varint(input.seq());
        for (Field f : input.type().fields()) {
            Object v = input.values().get(f.index());
            boolean text = f.type() instanceof FieldType.Text;
            w.value(f.type(), text ? 0 : Wire.quantised(f.type(), v), text ? (String) v : null);
        }
        return w.toByteArray();
    }

    private MessageType type(JsonValue name) throws ProtocolException {
        if (name == null || name == JsonValue.NULL) {
            if (schema.inputs().isEmpty()) {
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "this game takes no input");
            }
            return schema.inputs().get(0);
        }
        MessageType t = name instanceof JsonString s ? schema.input(s.getString()) : null;
        if (t == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "'input.input' must be one of "
                    + schema.inputs().stream().map(MessageType::name).toList());
        }
        return t;
    }

    private static long seq(JsonValue v) throws ProtocolException {
        if (v == null || v == JsonValue.NULL) {
            throw invalid("seq", "is required");
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()
                || n.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                || n.bigDecimalValue().compareTo(BigDecimal.valueOf(MAX_SEQ)) > 0) {
            throw invalid("seq", "must be 1.." + MAX_SEQ);
        }
        return n.longValueExact();
    }

    private static Object value(Field f, JsonValue v) throws ProtocolException {
        if (v == null || v == JsonValue.NULL) {
            throw invalid(f.name(), "is required");
        }
        FieldType t = f.type();
        Object candidate = null;
        if (t instanceof FieldType.Int i && v instanceof JsonNumber n && n.isIntegral()
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(i.min())) >= 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(i.max())) <= 0) {
            candidate = n.longValueExact();
        } else if (t instanceof FieldType.Decimal d && v instanceof JsonNumber n
                && n.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(FieldType.MAX_MAGNITUDE)) <= 0) {
            candidate = d.quantise(n.doubleValue()) / (double) d.scale();
        } else if (t instanceof FieldType.Bool && (v == JsonValue.TRUE || v == JsonValue.FALSE)) {
            candidate = v == JsonValue.TRUE;
        } else if ((t instanceof FieldType.Text || t instanceof FieldType.Choice) && v instanceof JsonString s) {
            candidate = s.getString();
        }
        try {
            if (candidate != null) {
                return t.normalise(candidate);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the field's error
        }
        throw invalid(f.name(), "must be " + t.describe());
    }

    private static ProtocolException invalid(String field, String problem) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, "'input." + field + "' " + problem);
    }
}
