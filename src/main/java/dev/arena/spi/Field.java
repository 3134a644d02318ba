package dev.arena.spi;

/**
 * One declared field of an entity {@link Kind} or of a {@link MessageType}: its name (unique in its declaration,
 * {@code [a-z][A-Za-z0-9]*}), type, who sees it, and its index in the declaration (for the framework's arrays and
 * the order on the wire). Made by the builders of {@link Kind} and {@link MessageType}, which a game keeps as
 * constants and uses as handles to read and write values.
 */
public record Field(String name, FieldType type, Visibility visibility, int index) {
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][A-Za-z0-9]{0,31}");

    public Field {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a name is 1-32 letters and digits, starting with a-z: '" + name + "'");
        }
        if (type instanceof FieldType.Decimal d && d.scale() == 0) {
            throw new IllegalArgumentException(name + ": a field's decimal needs a scale of at least 1");
        }
    }
}
