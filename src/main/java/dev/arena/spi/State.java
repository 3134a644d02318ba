package dev.arena.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A room's game state: one {@link Table} per declared {@link Kind}. The framework owns it and hands it to the
 * simulation at creation; the simulation keeps all of its room's state here (what clients must not see in
 * {@link Visibility#HIDDEN} fields), which is what makes a room capturable: {@link #capture} writes every value
 * exactly (decimals as their bits), {@link #restore} makes the same state again. Owned by the room's tick thread.
 */
public final class State {
    private static final int FORMAT = 1;
    private final Schema schema;
    private final Table[] tables;

    public State(Schema schema) {
        this.schema = schema;
        List<Kind> kinds = schema.kinds();
        this.tables = new Table[kinds.size()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new Table(kinds.get(i));
        }
    }

    public Schema schema() {
        return schema;
    }

    public Table table(Kind kind) {
        return tables[schema.indexOf(kind)];
    }

    /** The table of the kind with this index in the schema. */
    public Table table(int kindIndex) {
        return tables[kindIndex];
    }

    /** Every value, losslessly; the same state always gives the same bytes. */
    public byte[] capture() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(tables.length);
            for (Table t : tables) {
                out.writeUTF(t.kind().name());
                out.writeInt(t.lastId());
                out.writeInt(t.size());
                for (Table.Row r : t.rows()) {
                    out.writeInt(r.id);
                    out.writeInt(r.owner);
                    for (Field f : t.kind().fields()) {
                        if (f.type() instanceof FieldType.Text) {
                            byte[] s = r.texts[f.index()].getBytes(StandardCharsets.UTF_8);
                            out.writeInt(s.length);
                            out.write(s);
                        } else {
                            out.writeLong(r.values[f.index()]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The state {@link #capture} wrote, for the same schema. */
    public static State restore(Schema schema, byte[] captured) {
        State state = new State(schema);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(captured))) {
            if (in.readInt() != FORMAT || in.readInt() != state.tables.length) {
                throw new IllegalArgumentException("not a capture of this schema");
            }
            for (Table t : state.tables) {
                if (!in.readUTF().equals(t.kind().name())) {
                    throw new IllegalArgumentException("not a capture of this schema: kinds differ");
                }
                int last = in.readInt();
                int n = in.readInt();
                boolean hasText = t.kind().fields().stream().anyMatch(f -> f.type() instanceof FieldType.Text);
                for (int i = 0; i < n; i++) {
                    Table.Row r = new Table.Row(in.readInt(), in.readInt(), t.kind().fields().size(), hasText);
                    for (Field f : t.kind().fields()) {
                        if (f.type() instanceof FieldType.Text) {
                            r.texts[f.index()] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                        } else {
                            r.values[f.index()] = in.readLong();
                        }
                    }
                    t.restore(last, r);
                }
                if (n == 0) {
                    t.restore(last, null);
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("a capture has bytes after its state");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a capture is cut short", e);
        }
        return state;
    }
}
