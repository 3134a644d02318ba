package dev.arena.snapshot;

import dev.arena.spi.Field;
import dev.arena.spi.FieldType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of the generic binary formats: unsigned LEB128 varints, zigzag varints for signed numbers, strings as a
 * varint byte length and UTF-8, and one value of a declared field (see {@link #value}). Writers grow; readers throw
 * {@link Malformed} (with the position) on anything that is not a well-formed value.
 */
final class Wire {
    private Wire() {}

    /** Frame kinds (the first byte), apart from the dots snapshot format's 1. */
    static final int STATE = 0x21;
    static final int INPUT = 0x22;
    static final int EVENT = 0x23;

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A value as it travels: the wire form of a canonical Java value (decimals quantised). */
    static long quantised(FieldType type, Object canonical) {
        if (type instanceof FieldType.Decimal d) {
            return d.quantise((Double) canonical);
        } else if (type instanceof FieldType.Bool) {
            return (Boolean) canonical ? 1 : 0;
        } else if (type instanceof FieldType.Choice) {
            return (Integer) canonical;
        }
        return (Long) canonical;
    }

    static final class Writer {
        private byte[] bytes;
        private int size;

        Writer() {
            this(64);
        }

        Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Writer bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        Writer varint(long v) {
            ensure(10);
            while ((v & ~0x7fL) != 0) {
                bytes[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
            return this;
        }

        Writer signed(long v) {
            return varint(zigzag(v));
        }

        Writer u8(int v) {
            ensure(1);
            bytes[size++] = (byte) v;
            return this;
        }

        Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        /** One value of {@code type}: its quantised number ({@code q}) or, for text, the string. */
        Writer value(FieldType type, long q, String text) {
            if (type instanceof FieldType.Text) {
                return string(text);
            } else if (type instanceof FieldType.Bool) {
                return u8((int) q);
            } else if (type instanceof FieldType.Choice) {
                return varint(q);
            }
            return signed(q);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Something in a frame that is not a well-formed value; {@code what} names it. */
    static final class Malformed extends RuntimeException {
        Malformed(String what) {
            super(what, null, false, false);
        }
    }

    static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in.duplicate();
        }

        int remaining() {
            return in.remaining();
        }

        int u8(String what) {
            try {
                return in.get() & 0xff;
            } catch (BufferUnderflowException e) {
                throw new Malformed(what + " is cut short");
            }
        }

        long varint(String what) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8(what);
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new Malformed(what + " is not a varint");
        }

        long signed(String what) {
            return unzigzag(varint(what));
        }

        String string(String what, int maxChars) {
            long n = varint(what);
            if (n > in.remaining() || n > 4L * maxChars) {
                throw new Malformed(what + " is longer than " + maxChars + " characters or cut short");
            }
            byte[] b = new byte[(int) n];
            in.get(b);
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new Malformed(what + " is not UTF-8");
            }
        }

        /**
         * One value of a declared field in its canonical Java form (decimals: the quantised number divided by the
         * scale), checked against the field's type: {@link Malformed} naming {@code what} if it does not belong.
         */
        Object value(Field f, String what) {
            FieldType type = f.type();
            Object v;
            if (type instanceof FieldType.Text t) {
                v = string(what, t.maxLength());
            } else if (type instanceof FieldType.Bool) {
                int b = u8(what);
                if (b > 1) {
                    throw new Malformed(what + " must be " + type.describe());
                }
                v = b == 1;
            } else if (type instanceof FieldType.Choice) {
                long i = varint(what);
                v = i > Integer.MAX_VALUE ? -1 : (int) i;
            } else if (type instanceof FieldType.Decimal d) {
                v = signed(what) / (double) d.scale();
            } else {
                v = signed(what);
            }
            try {
                return type.normalise(v);
            } catch (IllegalArgumentException e) {
                throw new Malformed(what + " " + e.getMessage());
            }
        }
    }
}
