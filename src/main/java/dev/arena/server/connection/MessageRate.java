package dev.arena.server.connection;

/**
 * The incoming message budget of one connection: a token bucket of {@code burst} messages, refilled at
 * {@code perSecond}. A message that finds the bucket empty is refused. Refusals run in episodes: an episode starts
 * with the first refusal ({@link Verdict#WARN}: answer it with {@code rate_limited}), goes on with silent refusals
 * ({@link Verdict#DROP}), and ends when the bucket is full again. When one episode has refused more than
 * {@code perSecond} messages (a whole second's worth over the limit) the verdict is {@link Verdict#CLOSE}.
 * Time is passed in (milliseconds). Thread-safe.
 */
public final class MessageRate {
    public enum Verdict { ACCEPT, WARN, DROP, CLOSE }

    private final double perMilli;
    private final int perSecond;
    private final int burst;
    private double tokens;
    private long last;
    private int refused;

    public MessageRate(int perSecond, int burst, long nowMillis) {
        this.perSecond = perSecond;
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowMillis;
    }

    public synchronized Verdict admit(long nowMillis) {
        if (nowMillis > last) {
            tokens = Math.min(burst, tokens + (nowMillis - last) * perMilli);
            last = nowMillis;
        }
        if (tokens >= burst) {
            refused = 0; // a full bucket ends an episode
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        refused++;
        if (refused > perSecond) {
            return Verdict.CLOSE;
        }
        return refused == 1 ? Verdict.WARN : Verdict.DROP;
    }
}
