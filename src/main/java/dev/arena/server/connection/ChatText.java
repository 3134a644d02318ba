package dev.arena.server.connection;

import dev.arena.game.PlayerName;

/**
 * Room chat lines: plain text, cleaned like names (control and formatting characters dropped, white space folded,
 * trimmed) and cut to {@link #MAX_LENGTH} code points; and the per-connection chat limit, a token bucket of
 * {@link #BURST} lines refilled at {@link #PER_SECOND} a second (on top of the connection's message limit).
 */
public final class ChatText {
    public static final int MAX_LENGTH = 200;
    public static final int BURST = 5;
    public static final int PER_SECOND = 1;

    private ChatText() {}

    /** The line to relay, or null when nothing visible is left. */
    public static String clean(String text) {
        String cleaned = PlayerName.clean(text, "", MAX_LENGTH);
        return cleaned.isEmpty() ? null : cleaned;
    }

    public static MessageRate newLimit(long nowMillis) {
        return new MessageRate(PER_SECOND, BURST, nowMillis);
    }
}
