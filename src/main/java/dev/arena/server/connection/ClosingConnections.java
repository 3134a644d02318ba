package dev.arena.server.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections the server is closing for misbehaving (4000 protocol error, 4002 rate limited): what they were told is
 * still going out, and what they send is ignored. The close frame goes once their outbox has {@linkplain
 * Outbox#drained() drained} and they have been quiet for {@link #QUIET_MILLIS}, or after {@link #MAX_MILLIS} at the
 * latest.
 *
 * <p>Why wait for quiet: a container closes the TCP connection right after the close frame; if the client's input
 * is still unread at that moment (a flood does not stop on cue), the kernel answers with a reset instead of a normal
 * end, and the client's kernel then discards what it had not read yet: the error that explained the close and the
 * close frame itself, which the client sees as 1006. Closing once the input has stopped is the WebSocket version of
 * the web servers' "lingering close". Time is passed in (milliseconds).
 */
public final class ClosingConnections {
    /** How long a client being closed must have sent nothing before the close frame goes. */
    public static final long QUIET_MILLIS = 250;
    /** The longest a close waits for the client to go quiet and for the messages before it to be sent. */
    public static final long MAX_MILLIS = 2_000;

    private final Map<Connection, Long> since = new ConcurrentHashMap<>();

    /** Starts closing {@code c}: its queued messages go first, then the close with {@code code}. */
    void start(Connection c, int code, String reason, long nowMillis) {
        since.put(c, nowMillis);
        c.outbox().closeAfterPending(code, reason);
    }

    /** True when {@code c} is being closed: whatever it sends now is dropped (and only keeps the close waiting). */
    boolean contains(Connection c) {
        return since.containsKey(c);
    }

    /** {@code c} is gone (the client closed it, or the network dropped it): nothing left to do for it. */
    void remove(Connection c) {
        since.remove(c);
    }

    int size() {
        return since.size();
    }

    /** Sends the close frame to each connection that is drained and quiet, or has waited {@link #MAX_MILLIS}. */
    void check(long nowMillis) {
        since.forEach((c, started) -> {
            Outbox outbox = c.outbox();
            if (outbox.isClosed()) {
                since.remove(c);
            } else if ((outbox.drained() && nowMillis - c.lastHeard() >= QUIET_MILLIS)
                    || nowMillis - started >= MAX_MILLIS) {
                since.remove(c);
                outbox.finishClose();
            }
        });
    }

    /** Closes them all now (server shutdown), each with the code it was being closed with. */
    void closeAll() {
        since.keySet().forEach(c -> {
            since.remove(c);
            c.outbox().finishClose();
        });
    }
}
