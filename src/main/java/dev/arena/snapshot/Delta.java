package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Score;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;

/**
 * What one client is sent of one tick's state (made by {@link ClientStream#next}), in either format: {@link #binary}
 * for connections on the compact subprotocol, {@link #json} for the others. Both say the same; docs/games.md
 * describes them, and {@link StateDecoder} (Java) and {@code webapp/js/state.js} (browser) read them.
 *
 * <p>Binary, integers as LEB128 varints, signed ones zigzag:
 * <pre>
 *   u8 0x21, tick, u8 flags (1: full, 2: phase follows, 4: scores follow)
 *   [phase: string name, round, signed ticksLeft]  [scores: count, count x (player, signed points)]
 *   section count, per section: kind index, op count, per op: id, u8 op (0 new, 1 set, 2 gone), then
 *     new: owner, the value of every field the viewer sees, in field order
 *     set: a bit mask of ceil(fields / 8) bytes (bit i of byte i / 8 for field i), then the values of those fields
 *   value: int and decimal signed (a decimal as round(v * scale)), bool u8, choice its index, text string
 *   string: byte length, UTF-8
 * </pre>
 * A full frame replaces everything the client knew; a delta changes only what it names.
 *
 * <p>JSON: {@code {"type":"state","tick":T,"full":true,"phase":{"name":"playing","round":1,"ticksLeft":1200},
 * "scores":[{"player":7,"points":3}],"entities":{"coin":[{"op":"new","id":4,"owner":0,"x":12.5,...},
 * {"op":"set","id":2,"x":3.25},{"op":"gone","id":1}]}}}; decimals as round(v * scale) / scale, choices by name.
 */
public record Delta(long tick, boolean full, Phase phase, List<Score> scores, List<Section> sections) {
    private static final JsonProvider JSON = JsonProvider.provider();

    public enum OpCode { NEW, SET, GONE }

    /** The ops on one kind's entities. */
    public record Section(int kindIndex, Kind kind, List<Op> ops) {}

    /** One entity op; {@code fields} are the indices of the values it carries ({@code q}, {@code texts} by index). */
    public record Op(OpCode code, int id, int owner, int[] fields, long[] q, String[] texts) {}

    /** Whether this delta says nothing (not full, nothing changed): a server may skip sending it. */
    public boolean isEmpty() {
        return !full && phase == null && scores == null && sections.isEmpty();
    }

    public byte[] binary() {
        Wire.Writer w = new Wire.Writer();
        w.u8(Wire.STATE).varint(tick).u8((full ? 1 : 0) | (phase != null ? 2 : 0) | (scores != null ? 4 : 0));
        if (phase != null) {
            w.string(phase.name()).varint(phase.round()).signed(phase.ticksLeft());
        }
        if (scores != null) {
            w.varint(scores.size());
            for (Score s : scores) {
                w.varint(s.player()).signed(s.points());
            }
        }
        w.varint(sections.size());
        for (Section s : sections) {
            List<Field> fields = s.kind().fields();
            w.varint(s.kindIndex()).varint(s.ops().size());
            for (Op op : s.ops()) {
                w.varint(op.id()).u8(op.code().ordinal());
                if (op.code() == OpCode.NEW) {
                    w.varint(op.owner());
                } else if (op.code() == OpCode.SET) {
                    byte[] mask = new byte[(fields.size() + 7) / 8];
                    for (int f : op.fields()) {
                        mask[f / 8] |= (byte) (1 << (f % 8));
                    }
                    for (byte b : mask) {
                        w.u8(b);
                    }
                }
                for (int f : op.fields()) {
                    w.value(fields.get(f).type(), op.q()[f], op.texts() == null ? null : op.texts()[f]);
                }
            }
        }
        return w.toByteArray();
    }

    public String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "state").write("tick", tick).write("full", full);
            if (phase != null) {
                g.writeStartObject("phase").write("name", phase.name()).write("round", phase.round())
                        .write("ticksLeft", phase.ticksLeft()).writeEnd();
            }
            if (scores != null) {
                g.writeStartArray("scores");
                for (Score s : scores) {
                    g.writeStartObject().write("player", s.player()).write("points", s.points()).writeEnd();
                }
                g.writeEnd();
            }
            g.writeStartObject("entities");
            for (Section s : sections) {
                g.writeStartArray(s.kind().name());
                for (Op op : s.ops()) {
                    g.writeStartObject().write("op", op.code().name().toLowerCase(java.util.Locale.ROOT))
                            .write("id", op.id());
                    if (op.code() == OpCode.NEW) {
                        g.write("owner", op.owner());
                    }
                    for (int f : op.fields()) {
                        Field field = s.kind().fields().get(f);
                        writeValue(g, field, op.q()[f], op.texts() == null ? null : op.texts()[f]);
                    }
                    g.writeEnd();
                }
                g.writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        return out.toString();
    }

    /** One value in JSON under its field's name (shared with events). */
    static void writeValue(JsonGenerator g, Field field, long q, String text) {
        FieldType t = field.type();
        if (t instanceof FieldType.Decimal d) {
            g.write(field.name(), q / (double) d.scale());
        } else if (t instanceof FieldType.Bool) {
            g.write(field.name(), q != 0);
        } else if (t instanceof FieldType.Choice c) {
            g.write(field.name(), c.values().get((int) q));
        } else if (t instanceof FieldType.Text) {
            g.write(field.name(), text);
        } else {
            g.write(field.name(), q);
        }
    }
}
