package dev.arena.spi;

import java.util.List;

/**
 * A declared message: an input a client sends (with a {@code seq}) or an event the game sends. Its fields are typed
 * like an entity's; the framework decodes inputs strictly against them ({@code invalid_field} naming the field) and
 * checks every event the game emits.
 */
public record MessageType(String name, List<Field> fields) {
    public MessageType {
        fields = List.copyOf(fields);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    /** Declares the fields of a message; visibility does not apply to messages (each goes to whom it is sent). */
    public static final class Builder extends Declaration<MessageType> {
        Builder(String name) {
            super(name);
        }

        public Field integer(String field, long min, long max) {
            return integer(field, min, max, Visibility.EVERYONE);
        }

        public Field decimal(String field, double min, double max, int scale) {
            return decimal(field, min, max, scale, Visibility.EVERYONE);
        }

        public Field bool(String field) {
            return bool(field, Visibility.EVERYONE);
        }

        public Field text(String field, int maxLength) {
            return text(field, maxLength, Visibility.EVERYONE);
        }

        public Field choice(String field, Class<? extends Enum<?>> values) {
            return choice(field, values, Visibility.EVERYONE);
        }

        @Override
        MessageType make(List<Field> declared) {
            return new MessageType(name, declared);
        }
    }
}
