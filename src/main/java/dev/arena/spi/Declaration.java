package dev.arena.spi;

import java.util.ArrayList;
import java.util.List;

/** The builder of the fields of a {@link Kind} or a {@link MessageType}: each call declares the next field. */
public abstract class Declaration<T> {
    /** Names the wire formats use around the fields: no field may take them. */
    public static final java.util.Set<String> RESERVED =
            java.util.Set.of("id", "owner", "op", "type", "event", "seq", "input", "tick");
    final String name;
    final List<Field> fields = new ArrayList<>();
    private boolean built;

    Declaration(String name) {
        if (!Field.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a name is 1-32 letters and digits, starting with a-z: '" + name + "'");
        }
        this.name = name;
    }

    public Field integer(String field, long min, long max, Visibility visibility) {
        return add(field, new FieldType.Int(min, max), visibility);
    }

    /** A number in {@code min..max}, sent in steps of {@code 1 / scale} (e.g. 100: hundredths). */
    public Field decimal(String field, double min, double max, int scale, Visibility visibility) {
        return add(field, new FieldType.Decimal(min, max, scale), visibility);
    }

    public Field bool(String field, Visibility visibility) {
        return add(field, new FieldType.Bool(), visibility);
    }

    public Field text(String field, int maxLength, Visibility visibility) {
        return add(field, new FieldType.Text(maxLength), visibility);
    }

    public Field choice(String field, Class<? extends Enum<?>> values, Visibility visibility) {
        return add(field, FieldType.Choice.of(values), visibility);
    }

    public Field add(String field, FieldType type, Visibility visibility) {
        if (built) {
            throw new IllegalStateException(name + " is built already");
        }
        if (fields.stream().anyMatch(f -> f.name().equals(field)) || RESERVED.contains(field)) {
            throw new IllegalArgumentException(name + ": field '" + field + "' is declared twice or reserved");
        }
        Field f = new Field(field, type, visibility, fields.size());
        fields.add(f);
        return f;
    }

    /** The declaration; no field can be added afterwards. */
    public final T build() {
        built = true;
        return make(List.copyOf(fields));
    }

    abstract T make(List<Field> declared);
}
