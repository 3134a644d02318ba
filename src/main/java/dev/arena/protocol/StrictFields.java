package dev.arena.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;

/**
 * The strict checks of {@link Codec#decode}, on a parsed JSON object: each field of the message's record has the
 * right JSON type ({@link #checkTypes}), the record is built from the parsed object ({@link #bind}), and each value is
 * in its range ({@link #checkRanges}); a field that fails is an {@code invalid_field} {@link ProtocolException}
 * naming it ({@code 'join.room' must be ...}). Stateless.
 */
final class StrictFields {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    private static final ClassValue<java.lang.reflect.Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Constructor<?> computeValue(Class<?> type) {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    private StrictFields() {}

    /** Every record component must be absent/null (only allowed for strings) or of the matching JSON type. */
    static void checkTypes(String type, Class<?> recordType, JsonObject object) throws ProtocolException {
        for (RecordComponent component : recordType.getRecordComponents()) {
            String field = component.getName();
            JsonValue value = object.get(field);
            Class<?> javaType = component.getType();
            boolean missing = value == null || value.getValueType() == JsonValue.ValueType.NULL;
            if (javaType == String.class) {
                if (!missing && value.getValueType() != JsonValue.ValueType.STRING) {
                    throw invalid(type, field, "must be a string");
                }
                continue;
            }
            if (missing) {
                throw invalid(type, field, "is required");
            }
            if (!(value instanceof JsonNumber number)) {
                throw invalid(type, field, "must be a number");
            }
            if (javaType == Long.class || javaType == Integer.class) {
                long min = javaType == Long.class ? Long.MIN_VALUE : Integer.MIN_VALUE;
                long max = javaType == Long.class ? Long.MAX_VALUE : Integer.MAX_VALUE;
                BigDecimal n = number.bigDecimalValue();
                if (!number.isIntegral()
                        || n.compareTo(BigDecimal.valueOf(min)) < 0
                        || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw invalid(type, field, "must be an integer");
                }
            } else if (!Double.isFinite(number.doubleValue())) {
                throw invalid(type, field, "must be a finite number");
            }
        }
    }

    /**
     * The record of a checked object, built from the object already parsed (binding the text again with JSON-B was
     * half of the cost of an input message), or null for a record with a component type this does not bind (then
     * JSON-B binds the text). {@link #checkTypes} has checked every component's JSON type and range.
     */
    static ClientMessage bind(Class<?> recordType, JsonObject object) {
        RecordComponent[] components = COMPONENTS.get(recordType);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            JsonValue value = object.get(components[i].getName());
            if (t == String.class) {
                args[i] = value instanceof jakarta.json.JsonString s ? s.getString() : null;
            } else if (t == Long.class) {
                args[i] = ((JsonNumber) value).longValueExact();
            } else if (t == Integer.class) {
                args[i] = ((JsonNumber) value).intValueExact();
            } else if (t == Double.class) {
                args[i] = ((JsonNumber) value).doubleValue();
            } else {
                return null;
            }
        }
        try {
            return (ClientMessage) CONSTRUCTORS.get(recordType).newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static void checkRanges(ClientMessage message) throws ProtocolException {
        if (message instanceof ClientMessage.Join join) {
            if (join.room() != null && !Codec.ROOM_NAME.matcher(join.room()).matches()) {
                throw invalid("join", "room", "must be 1-32 letters, digits, '-' or '_'");
            }
            if (join.name() != null && join.name().length() > 200) {
                throw invalid("join", "name", "must be at most 200 characters");
            }
            if (join.token() != null && !Codec.TOKEN.matcher(join.token()).matches()) {
                throw invalid("join", "token", "must be a token from 'welcome'");
            }
            if (Role.ofWireName(join.role()) == null) {
                throw invalid("join", "role", "must be 'player', 'controller', 'screen' or 'spectator'");
            }
            if (join.game() != null && !Codec.GAME_NAME.matcher(join.game()).matches()) {
                throw invalid("join", "game", "must be a game's name: 1-32 of a-z and 0-9, starting with a letter");
            }
            if (join.link() != null && !Codec.LINK.matcher(join.link()).matches()) {
                throw invalid("join", "link", "must be an http(s) URL without query or fragment, at most 308 characters");
            }
        } else if (message instanceof ClientMessage.Input input) {
            if (input.seq() < 1 || input.seq() > Codec.MAX_SEQ) {
                throw invalid("input", "seq", "must be 1.." + Codec.MAX_SEQ);
            }
            if (Math.abs(input.dx()) > 1) {
                throw invalid("input", "dx", "must be -1, 0 or 1");
            }
            if (Math.abs(input.dy()) > 1) {
                throw invalid("input", "dy", "must be -1, 0 or 1");
            }
        } else if (message instanceof ClientMessage.Chat chat) {
            if (chat.text() == null) {
                throw invalid("chat", "text", "is required");
            }
            if (chat.text().length() > Codec.MAX_CHAT_CHARS) {
                throw invalid("chat", "text", "must be at most " + Codec.MAX_CHAT_CHARS + " characters");
            }
        }
    }

    static ProtocolException invalid(String type, String field, String problem) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, "'" + type + "." + field + "' " + problem);
    }
}
