package dev.arena.spi;

import java.util.List;
import java.util.Locale;

/**
 * The type of one declared value: a field of an entity, of an input or of an event, or a game setting. Each type
 * says which values it takes and how a client receives them; the framework checks every value a game sets, every
 * value a client sends and every setting against it, and encodes it without the game's help.
 *
 * <p>In Java a value is held as: {@link Int} a {@code long}, {@link Decimal} a {@code double}, {@link Bool} a
 * {@code boolean}, {@link Text} a {@code String}, {@link Choice} an {@code int} (the index of one of its values).
 */
public sealed interface FieldType {
    /**
     * The largest magnitude of an {@link Int} bound and of a quantised {@link Decimal}: 2^51, so that a value's
     * zigzag varint stays below 2^53 and a browser decodes it exactly as a JavaScript number.
     */
    long MAX_MAGNITUDE = 1L << 51;

    /** What a value must be, for error messages: "must be " + this. */
    String describe();

    /**
     * Checks a value given as Java object and returns it in its canonical Java type ({@code Long}, {@code Double},
     * {@code Boolean}, {@code String}, {@code Integer} for a choice; a choice also accepts its value's name).
     *
     * @throws IllegalArgumentException "must be ..." when the value does not belong to the type
     */
    Object normalise(Object value);

    /** Parses a setting's text (trimmed). @throws IllegalArgumentException "must be ..." */
    Object parse(String text);

    /** Whole numbers in {@code min..max}. */
    record Int(long min, long max) implements FieldType {
        public Int {
            if (min > max || Math.abs(min) > MAX_MAGNITUDE || Math.abs(max) > MAX_MAGNITUDE) {
                throw new IllegalArgumentException("an int field needs -2^51 <= min <= max <= 2^51: " + min + ".." + max);
            }
        }

        /** Whether {@code v} is in {@code min..max}. */
        public boolean contains(long v) {
            return v >= min && v <= max;
        }

        @Override
        public String describe() {
            return "an integer in " + min + ".." + max;
        }

        @Override
        public Object normalise(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                long v = ((Number) value).longValue();
                if (contains(v)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("must be " + describe());
        }

        @Override
        public Object parse(String text) {
            try {
                return normalise(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be " + describe());
            }
        }
    }

    /**
     * Numbers in {@code min..max}, sent to clients in steps of {@code 1 / scale} (the value {@code v} travels as the
     * whole number {@code Math.round(v * scale)} and arrives as that number divided by {@code scale}). The game keeps
     * the exact double; a room's capture keeps it too. {@code scale} 0 means "not quantised" and is for settings
     * only.
     */
    record Decimal(double min, double max, int scale) implements FieldType {
        public Decimal {
            if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max) || scale < 0) {
                throw new IllegalArgumentException("a decimal field needs finite min <= max and scale >= 0");
            }
            if (scale > 0 && Math.max(Math.abs(min), Math.abs(max)) * scale > MAX_MAGNITUDE) {
                throw new IllegalArgumentException("max * scale must stay within 2^51: " + max + " * " + scale);
            }
        }

        /** Whether {@code v} is in {@code min..max} (never for NaN). */
        public boolean contains(double v) {
            return v >= min && v <= max;
        }

        @Override
        public String describe() {
            return "a number in " + num(min) + ".." + num(max);
        }

        @Override
        public Object normalise(Object value) {
            if (value instanceof Number n && !(value instanceof Float)) {
                double v = n.doubleValue();
                if (contains(v)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("must be " + describe());
        }

        @Override
        public Object parse(String text) {
            try {
                return normalise(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be " + describe());
            }
        }

        /** The whole number a value travels as. */
        public long quantise(double v) {
            return Math.round(v * scale);
        }

        private static String num(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool() implements FieldType {
        @Override
        public String describe() {
            return "true or false";
        }

        @Override
        public Object normalise(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            throw new IllegalArgumentException("must be " + describe());
        }

        @Override
        public Object parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            throw new IllegalArgumentException("must be " + describe());
        }
    }

    /** Strings of at most {@code maxLength} UTF-16 characters (JavaScript's {@code length}). */
    record Text(int maxLength) implements FieldType {
        public Text {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
            }
        }

        @Override
        public String describe() {
            return "a string of at most " + maxLength + " characters";
        }

        @Override
        public Object normalise(Object value) {
            if (value instanceof String s && s.length() <= maxLength) {
                return s;
            }
            throw new IllegalArgumentException("must be " + describe());
        }

        @Override
        public Object parse(String text) {
            return normalise(text.trim());
        }
    }

    /** One of a fixed list of names (an enum); travels as the index in binary and as the name in JSON. */
    record Choice(List<String> values) implements FieldType {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("a choice needs distinct values: " + values);
            }
        }

        /** The names of an enum's constants, in declaration order. */
        public static Choice of(Class<? extends Enum<?>> type) {
            return new Choice(java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }

        @Override
        public String describe() {
            return "one of " + values;
        }

        @Override
        public Object normalise(Object value) {
            if (value instanceof Integer i && i >= 0 && i < values.size()) {
                return i;
            }
            if (value instanceof Enum<?> e && e.ordinal() < values.size() && values.get(e.ordinal()).equals(e.name())) {
                return e.ordinal();
            }
            if (value instanceof String s && values.contains(s)) {
                return values.indexOf(s);
            }
            throw new IllegalArgumentException("must be " + describe());
        }

        @Override
        public Object parse(String text) {
            return normalise(text.trim());
        }
    }
}
