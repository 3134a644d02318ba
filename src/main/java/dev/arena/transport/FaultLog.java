package dev.arena.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging of what goes wrong on connections, bounded whatever clients send (issue 12: one client once wrote 24 MB of
 * stack traces a second). A client's fault (a frame the container refused, a lost connection) is logged at
 * {@code FINE}, one line without a stack trace. An unexpected error, which may be Arena's bug, is logged at
 * {@code WARNING} with its stack trace at most once per {@link #INTERVAL_MILLIS} for the whole server; the lines
 * left out meanwhile are counted and the next one says how many. So the log grows by at most one stack trace a
 * minute, however many connections fail. Thread-safe.
 */
final class FaultLog {
    /** At most one logged unexpected error per this many milliseconds, server-wide. */
    static final long INTERVAL_MILLIS = 60_000;

    private final Logger log;
    private final LongSupplier clock;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    FaultLog(Logger log, LongSupplier clockMillis) {
        this.log = log;
        this.clock = clockMillis;
    }

    /** The client did something the protocol or the container does not allow, or went away: one FINE line. */
    void clientFault(String connection, Throwable what) {
        if (log.isLoggable(Level.FINE)) {
            log.fine("connection " + connection + ": " + oneLine(what));
        }
    }

    /**
     * Something failed that should not have: logged with its stack trace unless one was logged less than an interval
     * ago (then counted). Returns whether it was logged.
     */
    boolean unexpected(String connection, Throwable failure) {
        long now = clock.getAsLong();
        long allowed = nextAllowed.get();
        if (now < allowed || !nextAllowed.compareAndSet(allowed, now + INTERVAL_MILLIS)) {
            suppressed.incrementAndGet();
            return false;
        }
        long more = suppressed.getAndSet(0);
        log.log(Level.WARNING, "closing connection " + connection + " after an unexpected error"
                + (more == 0 ? "" : " (" + more + " more such errors in the last interval were not logged)"), failure);
        return true;
    }

    /** Class and message of a throwable, cut to 200 characters: no stack, no dump of a session. */
    static String oneLine(Throwable t) {
        String s = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        s = s.replaceAll("[\\r\\n]+", " ");
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
