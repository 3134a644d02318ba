package dev.arena.spi;

import java.util.List;

/**
 * One input of a player, decoded and checked against its {@link MessageType}: {@code seq} numbers the player's
 * inputs (1, 2, ...; the framework passes on only inputs newer than the newest it passed on) and {@code values}
 * holds one canonical value per field (see {@link FieldType#normalise}).
 */
public record PlayerInput(MessageType type, long seq, List<Object> values) {
    public PlayerInput {
        values = List.copyOf(values);
        if (values.size() != type.fields().size()) {
            throw new IllegalArgumentException(type.name() + " has " + type.fields().size() + " fields");
        }
        for (Field f : type.fields()) {
            if (!f.type().normalise(values.get(f.index())).equals(values.get(f.index()))) {
                throw new IllegalArgumentException(type.name() + "." + f.name() + " is not canonical");
            }
        }
    }

    /** An input from loose values (each normalised by its field's type). */
    public static PlayerInput of(MessageType type, long seq, Object... values) {
        if (values.length != type.fields().size()) {
            throw new IllegalArgumentException(type.name() + " has " + type.fields().size() + " fields");
        }
        Object[] canonical = new Object[values.length];
        for (Field f : type.fields()) {
            canonical[f.index()] = f.type().normalise(values[f.index()]);
        }
        return new PlayerInput(type, seq, List.of(canonical));
    }

    public long integer(Field f) {
        return (Long) value(f);
    }

    public double decimal(Field f) {
        return (Double) value(f);
    }

    public boolean bool(Field f) {
        return (Boolean) value(f);
    }

    public String text(Field f) {
        return (String) value(f);
    }

    public int choice(Field f) {
        return (Integer) value(f);
    }

    private Object value(Field f) {
        if (f.index() >= type.fields().size() || type.fields().get(f.index()) != f) {
            throw new IllegalArgumentException(f.name() + " is not a field of input " + type.name());
        }
        return values.get(f.index());
    }
}
