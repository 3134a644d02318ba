package dev.arena.game;

/** Display names: plain text, trimmed, at most {@link #MAX_LENGTH} characters. */
public final class PlayerName {
    public static final int MAX_LENGTH = 20;
    /**
     * The most UTF-16 units a cleaned name has: {@link #MAX_LENGTH} code points, each one or two units (an emoji is
     * two). What a game's name field must hold ({@code Kind.Builder.text} counts units).
     */
    public static final int MAX_UNITS = 2 * MAX_LENGTH;

    private PlayerName() {}

    /**
     * Cleans a name a client asked for: control and formatting characters are dropped, runs of white space become one
     * space, the ends are trimmed and the rest is cut to {@link #MAX_LENGTH} code points. Returns {@code fallback}
     * when nothing is left. The result is plain text; clients must still render it as text, never as HTML.
     */
    public static String clean(String requested, String fallback) {
        return clean(requested, fallback, MAX_LENGTH);
    }

    /** {@link #clean(String, String)} keeping at most {@code maxLength} code points (for chat lines). */
    public static String clean(String requested, String fallback, int maxLength) {
        if (requested == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < requested.length() && count < maxLength; ) {
            int cp = requested.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                count++;
                pendingSpace = false;
                if (count >= maxLength) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            count++;
        }
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
