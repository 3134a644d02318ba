package dev.arena.snapshot;

import dev.arena.spi.Event;
import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.MessageType;
import dev.arena.spi.Schema;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A game's events on the wire. JSON: {@code {"type":"event","event":"coinCollected","coin":4,"player":7,"points":1}};
 * binary: {@code u8 0x23, event index, the values in field order} (see {@link Delta}). The audience is not sent: the
 * server sends each event only to the connections it is for. Decoding (for clients) gives the event's name and its
 * values by field name, as {@link StateDecoder} gives an entity's. Thread-safe.
 */
public final class EventCodec {
    private static final JsonProvider JSON = JsonProvider.provider();
    private final Schema schema;

    /** A received event: its name and values (ints as Long, decimals as Double, choices by name). */
    public record Received(String event, Map<String, Object> values) {}

    public EventCodec(Schema schema) {
        this.schema = schema;
    }

    public String json(Event e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "event").write("event", e.type().name());
            for (Field f : e.type().fields()) {
                Object v = e.values().get(f.index());
                boolean text = f.type() instanceof FieldType.Text;
                Delta.writeValue(g, f, text ? 0 : Wire.quantised(f.type(), v), text ? (String) v : null);
            }
            g.writeEnd();
        }
        return out.toString();
    }

    public byte[] binary(Event e) {
        Wire.Writer w = new Wire.Writer().u8(Wire.EVENT).varint(schema.events().indexOf(e.type()));
        for (Field f : e.type().fields()) {
            Object v = e.values().get(f.index());
            boolean text = f.type() instanceof FieldType.Text;
            w.value(f.type(), text ? 0 : Wire.quantised(f.type(), v), text ? (String) v : null);
        }
        return w.toByteArray();
    }

    /** Whether a binary frame is an event (its first byte). */
    public static boolean isEvent(ByteBuffer frame) {
        return frame.remaining() > 0 && (frame.get(frame.position()) & 0xff) == Wire.EVENT;
    }

    public Received decode(ByteBuffer frame) {
        Wire.Reader in = new Wire.Reader(frame);
        if (in.u8("kind") != Wire.EVENT) {
            throw new IllegalArgumentException("not an event frame");
        }
        MessageType type = schema.events().get((int) in.varint("event"));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : type.fields()) {
            Object v = in.value(f, f.name());
            values.put(f.name(), f.type() instanceof FieldType.Choice c ? c.values().get((Integer) v) : v);
        }
        return new Received(type.name(), values);
    }

    public Received decode(String json) {
        JsonObject o;
        try (var reader = JSON.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        MessageType type = schema.event(o.getString("event"));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : type.fields()) {
            JsonValue v = o.get(f.name());
            values.put(f.name(), StateDecoder.value(f.type(), v));
        }
        return new Received(type.name(), values);
    }
}
