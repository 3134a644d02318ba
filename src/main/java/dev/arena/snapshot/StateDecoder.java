package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Schema;
import dev.arena.spi.Score;
import dev.arena.spi.Viewer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's side of {@link Delta}: applies each state frame, binary or JSON, to what it knows, and says what the
 * client sees: tick, phase, scores, and every entity in view with its values (ints as {@code Long}, decimals as
 * {@code Double}, booleans, texts, choices by name). For the Java client and the tests; its browser twin is
 * {@code webapp/js/state.js}. One per connection; not thread-safe.
 */
public final class StateDecoder {
    private static final JsonProvider JSON = JsonProvider.provider();
    private final Schema schema;
    private final Viewer viewer;
    private final Map<String, Map<Integer, Entity>> entities = new LinkedHashMap<>();
    private long tick = -1;
    private long ack = -1;
    private Phase phase;
    private List<Score> scores = List.of();

    /** An entity as the client knows it. */
    public record Entity(int owner, Map<String, Object> values) {}

    /** Per kind: the fields this viewer is sent of entities it does not own [0] and of those it owns [1]. */
    private final List<List<List<Field>>> visible = new ArrayList<>();

    public StateDecoder(Schema schema, Viewer viewer) {
        this.schema = schema;
        this.viewer = viewer;
        int others = viewer.player() == Integer.MAX_VALUE ? 1 : Integer.MAX_VALUE;
        for (Kind k : schema.kinds()) {
            visible.add(List.of(k.fields().stream().filter(f -> f.visibility().shows(viewer, others)).toList(),
                    k.fields().stream().filter(f -> f.visibility().shows(viewer, viewer.player())).toList()));
        }
        clear();
    }

    /** A state frame's tick and ack (-1: none), read without decoding the rest: what load generators need. */
    public record Header(long tick, long ack) {}

    /** The header of a binary state frame ({@link #isState}); the buffer's position is unchanged. */
    public static Header header(ByteBuffer frame) {
        Wire.Reader in = new Wire.Reader(frame.duplicate());
        in.u8("kind");
        long tick = in.varint("tick");
        int flags = in.u8("flags");
        return new Header(tick, (flags & Acks.ACK_FLAG) != 0 ? in.varint("ack") : -1);
    }

    /** The header of a JSON state frame (it starts with {@code {"type":"state",}, its ack before its tick). */
    public static Header header(String json) {
        return new Header(number(json, "\"tick\":"), number(json, "\"ack\":"));
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0 || at > 64) {
            return -1;
        }
        long v = 0;
        for (int i = at + key.length(); i < json.length() && Character.isDigit(json.charAt(i)); i++) {
            v = v * 10 + (json.charAt(i) - '0');
        }
        return v;
    }

    /** Whether a binary frame is a state frame (its first byte). */
    public static boolean isState(ByteBuffer frame) {
        return frame.remaining() > 0 && (frame.get(frame.position()) & 0xff) == Wire.STATE;
    }

    /** The ack of the newest frame ({@link Acks}), or -1 when it had none. */
    public long ack() {
        return ack;
    }

    public long tick() {
        return tick;
    }

    public Phase phase() {
        return phase;
    }

    public List<Score> scores() {
        return scores;
    }

    /** Kind name to (id to entity), ids ascending. */
    public Map<String, Map<Integer, Entity>> entities() {
        Map<String, Map<Integer, Entity>> out = new LinkedHashMap<>();
        entities.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    public void apply(ByteBuffer frame) {
        Wire.Reader in = new Wire.Reader(frame);
        if (in.u8("kind") != Wire.STATE) {
            throw new IllegalArgumentException("not a state frame");
        }
        tick = in.varint("tick");
        int flags = in.u8("flags");
        ack = (flags & Acks.ACK_FLAG) != 0 ? in.varint("ack") : -1;
        if ((flags & 1) != 0) {
            clear();
        }
        if ((flags & 2) != 0) {
            phase = new Phase(in.string("phase", 32), (int) in.varint("round"), in.signed("ticksLeft"));
        }
        if ((flags & 4) != 0) {
            List<Score> s = new ArrayList<>();
            for (long n = in.varint("scores"); n > 0; n--) {
                s.add(new Score((int) in.varint("player"), in.signed("points")));
            }
            scores = List.copyOf(s);
        }
        for (long sections = in.varint("sections"); sections > 0; sections--) {
            int kindIndex = (int) in.varint("kind");
            Kind kind = schema.kinds().get(kindIndex);
            Map<Integer, Entity> table = entities.get(kind.name());
            for (long ops = in.varint("ops"); ops > 0; ops--) {
                int id = (int) in.varint("id");
                int op = in.u8("op");
                if (op == Delta.OpCode.GONE.ordinal()) {
                    table.remove(id);
                    continue;
                }
                List<Field> fields;
                Entity e;
                if (op == Delta.OpCode.NEW.ordinal()) {
                    int owner = (int) in.varint("owner");
                    fields = visible.get(kindIndex).get(owner != 0 && owner == viewer.player() ? 1 : 0);
                    e = new Entity(owner, new LinkedHashMap<>());
                    table.put(id, e);
                } else {
                    byte[] mask = new byte[(kind.fields().size() + 7) / 8];
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = (byte) in.u8("mask");
                    }
                    List<Field> set = new ArrayList<>();
                    for (Field f : kind.fields()) {
                        if ((mask[f.index() / 8] & (1 << (f.index() % 8))) != 0) {
                            set.add(f);
                        }
                    }
                    fields = set;
                    e = table.get(id);
                }
                for (Field f : fields) {
                    Object v = in.value(f, f.name());
                    e.values().put(f.name(), f.type() instanceof FieldType.Choice c ? c.values().get((Integer) v) : v);
                }
            }
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException("bytes after the state frame");
        }
    }

    public void apply(String json) {
        JsonObject o;
        try (var reader = JSON.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        tick = o.getJsonNumber("tick").longValueExact();
        ack = o.containsKey("ack") ? o.getJsonNumber("ack").longValueExact() : -1;
        if (o.getBoolean("full")) {
            clear();
        }
        if (o.containsKey("phase")) {
            JsonObject p = o.getJsonObject("phase");
            phase = new Phase(p.getString("name"), p.getInt("round"), p.getJsonNumber("ticksLeft").longValueExact());
        }
        if (o.containsKey("scores")) {
            scores = o.getJsonArray("scores").getValuesAs(JsonObject.class).stream()
                    .map(s -> new Score(s.getInt("player"), s.getJsonNumber("points").longValueExact())).toList();
        }
        JsonObject all = o.getJsonObject("entities");
        for (String kindName : all.keySet()) {
            Kind kind = schema.kind(kindName);
            Map<Integer, Entity> table = entities.get(kindName);
            for (JsonObject op : all.getJsonArray(kindName).getValuesAs(JsonObject.class)) {
                int id = op.getInt("id");
                String code = op.getString("op");
                if (code.equals("gone")) {
                    table.remove(id);
                    continue;
                }
                Entity e = code.equals("new") ? new Entity(op.getInt("owner"), new LinkedHashMap<>()) : table.get(id);
                table.put(id, e);
                for (Field f : kind.fields()) {
                    JsonValue v = op.get(f.name());
                    if (v != null) {
                        e.values().put(f.name(), value(f.type(), v));
                    }
                }
            }
        }
    }

    static Object value(FieldType t, JsonValue v) {
        if (t instanceof FieldType.Decimal) {
            return ((JsonNumber) v).doubleValue();
        } else if (t instanceof FieldType.Bool) {
            return v == JsonValue.TRUE;
        } else if (t instanceof FieldType.Text || t instanceof FieldType.Choice) {
            return ((JsonString) v).getString();
        }
        return ((JsonNumber) v).longValueExact();
    }

    private void clear() {
        entities.clear();
        for (Kind k : schema.kinds()) {
            entities.put(k.name(), new LinkedHashMap<>());
        }
    }
}
