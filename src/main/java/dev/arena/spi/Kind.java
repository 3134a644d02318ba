package dev.arena.spi;

import java.util.List;

/**
 * A kind of entity, declared once by a game: its fields, who sees the kind at all, and, for interest management,
 * which two decimal fields are its position on the map (entities without a position are seen from everywhere).
 * Every entity of a kind has an id (positive, unique in its kind) and an owner (a player id, or 0); the owner is
 * what {@link Visibility#OWNER} compares with the viewer.
 */
public record Kind(String name, List<Field> fields, Visibility visibility, Field x, Field y) {
    public Kind {
        fields = List.copyOf(fields);
        if ((x == null) != (y == null)) {
            throw new IllegalArgumentException(name + ": a position needs both x and y");
        }
        for (Field f : x == null ? List.<Field>of() : List.of(x, y)) {
            if (!(f.type() instanceof FieldType.Decimal) || !fields.contains(f)) {
                throw new IllegalArgumentException(name + ": a position is two decimal fields of the kind: " + f.name());
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public boolean hasPosition() {
        return x != null;
    }

    public Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    /** Declares a kind: fields first (each call returns the handle), then {@link #position} and {@link #build}. */
    public static final class Builder extends Declaration<Kind> {
        private Visibility visibility = Visibility.EVERYONE;
        private Field x;
        private Field y;

        Builder(String name) {
            super(name);
        }

        /** Who sees entities of this kind at all (default everyone). */
        public Builder visibleTo(Visibility v) {
            this.visibility = v;
            return this;
        }

        /** The entity's position, for interest management. */
        public Builder position(Field x, Field y) {
            this.x = x;
            this.y = y;
            return this;
        }

        @Override
        Kind make(List<Field> declared) {
            return new Kind(name, declared, visibility, x, y);
        }
    }
}
