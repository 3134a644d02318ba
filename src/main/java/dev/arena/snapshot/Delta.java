package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import dev.arena.spi.Kind;
import dev.arena.spi.Phase;
import dev.arena.spi.Score;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * A full frame replaces everything the client knew; a delta changes only what it names. Sections and ops apply in
 * order, and a kind may have more than one section: the ones a viewer shares with its group
 * ({@link ClientStream}), encoded once for all of them, then the viewer's own (its owner-only fields, its own
 * entities out of the group's view). A {@code new} op of an entity that is already known replaces it.
 *
 * <p>JSON: {@code {"type":"state","tick":T,"full":true,"phase":{"name":"playing","round":1,"ticksLeft":1200},
 * "scores":[{"player":7,"points":3}],"entities":{"coin":[{"op":"new","id":4,"owner":0,"x":12.5,...},
 * {"op":"set","id":2,"x":3.25},{"op":"gone","id":1}]}}}; decimals as round(v * scale) / scale, choices by name;
 * a kind's shared and own ops in one array, in that order.
 */
public final class Delta {
    private static final JsonProvider JSON = JsonProvider.provider();

    private final long tick;
    private final boolean full;
    private final Phase phase;
    private final List<Score> scores;
    private final Shared shared;
    private final List<Section> own;

    public enum OpCode { NEW, SET, GONE }

    /** The ops on one kind's entities. */
    public record Section(int kindIndex, Kind kind, List<Op> ops) {}

    /** One entity op; {@code fields} are the indices of the values it carries ({@code q}, {@code texts} by index). */
    public record Op(OpCode code, int id, int owner, int[] fields, long[] q, String[] texts) {}

    /** One section and its bytes, encoded once. */
    record Part(Section section, byte[] binary) {
        /** Says nothing (a cache holds no null). */
        static final Part EMPTY = new Part(null, new byte[0]);

        /** The part of these ops, or null when there are none. */
        static Part of(int kindIndex, Kind kind, List<Op> ops) {
            if (ops.isEmpty()) {
                return null;
            }
            Section s = new Section(kindIndex, kind, ops);
            Wire.Writer w = new Wire.Writer();
            write(w, s);
            return new Part(s, w.toByteArray());
        }
    }

    /**
     * Sections made once and sent to every viewer of a group (see {@link ClientStream}): the sections and their
     * binary form, encoded once. Immutable.
     */
    static final class Shared {
        static final Shared NONE = new Shared(List.of());
        final List<Section> sections;
        final byte[] binary;

        Shared(List<Part> parts) {
            List<Section> all = new ArrayList<>(parts.size());
            int size = 0;
            for (Part p : parts) {
                all.add(p.section());
                size += p.binary().length;
            }
            this.sections = List.copyOf(all);
            Wire.Writer w = new Wire.Writer(size);
            for (Part p : parts) {
                w.bytes(p.binary());
            }
            this.binary = w.toByteArray();
        }
    }

    /** A delta of these sections, none of them shared. */
    public Delta(long tick, boolean full, Phase phase, List<Score> scores, List<Section> sections) {
        this(tick, full, phase, scores, Shared.NONE, sections);
    }

    /** The {@code shared} sections, then the viewer's {@code own} (which may name the same kinds again). */
    Delta(long tick, boolean full, Phase phase, List<Score> scores, Shared shared, List<Section> own) {
        this.tick = tick;
        this.full = full;
        this.phase = phase;
        this.scores = scores == null ? null : List.copyOf(scores);
        this.shared = shared;
        this.own = List.copyOf(own);
    }

    public long tick() {
        return tick;
    }

    /** The part made once for the viewer's group (for tests: which deltas shared it). */
    Shared shared() {
        return shared;
    }

    /** Whether this delta replaces everything the client knew. */
    public boolean full() {
        return full;
    }

    /** The phase, when it changed (or the delta is full); else null. */
    public Phase phase() {
        return phase;
    }

    /** The scores, when they changed (or the delta is full); else null. */
    public List<Score> scores() {
        return scores;
    }

    /** Every section, in the order they travel: the shared ones, then the viewer's own. */
    public List<Section> sections() {
        if (own.isEmpty()) {
            return shared.sections;
        }
        List<Section> all = new ArrayList<>(shared.sections);
        all.addAll(own);
        return all;
    }

    /** Whether this delta says nothing (not full, nothing changed): a server may skip sending it. */
    public boolean isEmpty() {
        return !full && phase == null && scores == null && shared.sections.isEmpty() && own.isEmpty();
    }

    public byte[] binary() {
        Wire.Writer w = new Wire.Writer(24 + shared.binary.length + 32 * own.size());
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
        w.varint(shared.sections.size() + own.size());
        w.bytes(shared.binary);
        for (Section s : own) {
            write(w, s);
        }
        return w.toByteArray();
    }

    private static void write(Wire.Writer w, Section s) {
        w.varint(s.kindIndex()).varint(s.ops().size());
        for (Op op : s.ops()) {
            writeOp(w, s.kind(), op);
        }
    }

    /** One op of a section of {@code kind}. */
    static void writeOp(Wire.Writer w, Kind kind, Op op) {
        List<Field> fields = kind.fields();
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
            List<Section> all = sections();
            Set<Integer> done = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                Section s = all.get(i);
                if (!done.add(s.kindIndex())) {
                    continue;
                }
                g.writeStartArray(s.kind().name());
                for (int j = i; j < all.size(); j++) { // the viewer's own sections may name the kind again
                    if (all.get(j).kindIndex() == s.kindIndex()) {
                        writeOps(g, all.get(j));
                    }
                }
                g.writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        return out.toString();
    }

    private static void writeOps(JsonGenerator g, Section s) {
        for (Op op : s.ops()) {
            g.writeStartObject().write("op", op.code().name().toLowerCase(java.util.Locale.ROOT)).write("id", op.id());
            if (op.code() == OpCode.NEW) {
                g.write("owner", op.owner());
            }
            for (int f : op.fields()) {
                Field field = s.kind().fields().get(f);
                writeValue(g, field, op.q()[f], op.texts() == null ? null : op.texts()[f]);
            }
            g.writeEnd();
        }
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
