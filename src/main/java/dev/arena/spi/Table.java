package dev.arena.spi;

import com.carrotsearch.hppc.IntObjectHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The entities of one {@link Kind} in a room's {@link State}, in the order they were added. A game adds, changes and
 * removes them through the field handles of its kind; every value is checked against its field's type when it is
 * set, so the state never holds what cannot be encoded (a game bug is an {@link IllegalArgumentException} at the
 * line that made it). Owned by the room's tick thread; not thread-safe.
 */
public final class Table {
    private final Kind kind;
    /** The rows in the order they were added: for the walks ({@link #forEach}, {@link #ids}, the encoder). */
    private final Map<Integer, Row> rows = new LinkedHashMap<>();
    /**
     * The same rows by id, for the field accesses: an int-keyed map (no boxed key per lookup, the keys in one flat
     * array), since a game looks entities up by id on every input and step (dots: two per input, several per player
     * per tick).
     */
    private final IntObjectHashMap<Row> byId = new IntObjectHashMap<>();
    private final boolean hasText;
    private int lastId;
    /** The row looked up last: a game reads and writes several fields of one entity in a row (one probe for all). */
    private Row recent;

    /** One entity: values of non-text fields as longs (decimals as their raw double bits), texts apart. */
    static final class Row {
        final int id;
        final int owner;
        final long[] values;
        final String[] texts;

        Row(int id, int owner, int fields, boolean hasText) {
            this.id = id;
            this.owner = owner;
            this.values = new long[fields];
            this.texts = hasText ? new String[fields] : null;
        }
    }

    Table(Kind kind) {
        this.kind = kind;
        this.hasText = kind.fields().stream().anyMatch(f -> f.type() instanceof FieldType.Text);
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(int id) {
        Row r = recent;
        return r != null && r.id == id || byId.containsKey(id);
    }

    /** The ids, in the order the entities were added (a copy: the table may change while you walk it). */
    public int[] ids() {
        int[] out = new int[rows.size()];
        int i = 0;
        for (Integer id : rows.keySet()) {
            out[i++] = id;
        }
        return out;
    }

    /**
     * Calls {@code action} with each id, in the order the entities were added, with that entity looked up already:
     * the field accesses of the id it is called with cost no lookup, so a step that visits every entity is a walk
     * of the rows. The action must not add or remove entities of this table (walk a copy of {@link #ids()} for
     * that): doing so throws {@link java.util.ConcurrentModificationException}.
     */
    public void forEach(IntConsumer action) {
        for (Row r : rows.values()) {
            recent = r;
            action.accept(r.id);
        }
    }

    /** Adds an entity with a new id (one more than the largest this table ever gave or was given). */
    public int spawn(int owner) {
        int id = lastId + 1;
        add(id, owner);
        return id;
    }

    /**
     * Adds an entity with the given id (e.g. a player's id) and owner; every field starts at its type's zero:
     * 0 (or the bound nearest to it), false, "", the first choice.
     */
    public void add(int id, int owner) {
        if (id <= 0 || owner < 0 || byId.containsKey(id)) {
            throw new IllegalArgumentException(kind.name() + ": id must be positive and new, owner >= 0: " + id);
        }
        Row row = new Row(id, owner, kind.fields().size(), hasText);
        for (Field f : kind.fields()) {
            if (f.type() instanceof FieldType.Int t) {
                row.values[f.index()] = Math.max(t.min(), Math.min(t.max(), 0));
            } else if (f.type() instanceof FieldType.Decimal d) {
                row.values[f.index()] = Double.doubleToRawLongBits(Math.max(d.min(), Math.min(d.max(), 0.0)));
            } else if (f.type() instanceof FieldType.Text) {
                row.texts[f.index()] = "";
            }
        }
        rows.put(id, row);
        byId.put(id, row);
        lastId = Math.max(lastId, id);
    }

    public boolean remove(int id) {
        if (recent != null && recent.id == id) {
            recent = null;
        }
        if (byId.remove(id) == null) {
            return false;
        }
        rows.remove(id);
        return true;
    }

    public int owner(int id) {
        return row(id).owner;
    }

    public long integer(int id, Field f) {
        check(f, FieldType.Int.class);
        return row(id).values[f.index()];
    }

    public double decimal(int id, Field f) {
        check(f, FieldType.Decimal.class);
        return Double.longBitsToDouble(row(id).values[f.index()]);
    }

    public boolean bool(int id, Field f) {
        check(f, FieldType.Bool.class);
        return row(id).values[f.index()] != 0;
    }

    public String text(int id, Field f) {
        check(f, FieldType.Text.class);
        return row(id).texts[f.index()];
    }

    public int choice(int id, Field f) {
        check(f, FieldType.Choice.class);
        return (int) row(id).values[f.index()];
    }

    public void setInteger(int id, Field f, long v) {
        check(f, FieldType.Int.class);
        if (!((FieldType.Int) f.type()).contains(v)) {
            normalise(f, v); // throws, naming the field (checked here first: no boxing on the tick's hot path)
        }
        row(id).values[f.index()] = v;
    }

    public void setDecimal(int id, Field f, double v) {
        check(f, FieldType.Decimal.class);
        if (!((FieldType.Decimal) f.type()).contains(v)) {
            normalise(f, v); // throws (NaN too), naming the field
        }
        row(id).values[f.index()] = Double.doubleToRawLongBits(v);
    }

    public void setBool(int id, Field f, boolean v) {
        check(f, FieldType.Bool.class);
        row(id).values[f.index()] = v ? 1 : 0;
    }

    public void setText(int id, Field f, String v) {
        check(f, FieldType.Text.class);
        row(id).texts[f.index()] = (String) normalise(f, v);
    }

    /** Sets a choice by its index, its name or an enum constant of the same name. */
    public void setChoice(int id, Field f, Object v) {
        check(f, FieldType.Choice.class);
        row(id).values[f.index()] = (Integer) normalise(f, v);
    }

    // ---- for the framework ------------------------------------------------------------------------------------

    Iterable<Row> rows() {
        return rows.values();
    }

    int lastId() {
        return lastId;
    }

    void restore(int last, Row row) {
        recent = null;
        if (row != null) {
            rows.put(row.id, row);
            byId.put(row.id, row);
        }
        lastId = last;
    }

    private Row row(int id) {
        Row r = recent;
        if (r != null && r.id == id) {
            return r;
        }
        r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException(kind.name() + " " + id + " does not exist");
        }
        recent = r;
        return r;
    }

    private void check(Field f, Class<? extends FieldType> type) {
        if (f.index() >= kind.fields().size() || kind.fields().get(f.index()) != f || !type.isInstance(f.type())) {
            throw new IllegalArgumentException(f.name() + " is not a " + type.getSimpleName() + " field of "
                    + kind.name());
        }
    }

    private Object normalise(Field f, Object v) {
        try {
            return f.type().normalise(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind.name() + "." + f.name() + " " + e.getMessage() + ": " + v, e);
        }
    }
}
