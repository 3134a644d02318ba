package dev.arena.server.connection;

import dev.arena.protocol.Assembler;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.server.metrics.ArenaMetrics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's open connections and the limits at their edge, enforced before any rule runs: connections per remote
 * address, a message budget per connection ({@link MessageRate}), and on every tick ({@link #check}) an idle timeout
 * with heartbeat pings and a bound on how long one send to a client may take. It closes connections with their codes
 * (and counts them), and tells a closed connection's room ({@link Destination#left}) whether its seat may wait to be
 * resumed ({@link #mayResumeAfter}). The transport's threads call it; {@link #check} runs on the tick thread.
 */
public final class Connections {
    private static final Logger LOG = Logger.getLogger(Connections.class.getName());

    private final Limits limits;
    private final LongSupplier clockMillis;
    private final ArenaMetrics metrics;
    private final Codec codec;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ClosingConnections closing = new ClosingConnections();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private final AtomicLong refusedMessages = new AtomicLong();
    private volatile boolean shutDown;

    public Connections(Limits limits, LongSupplier clockMillis, ArenaMetrics metrics, Codec codec) {
        this.limits = limits;
        this.clockMillis = clockMillis;
        this.metrics = metrics;
        this.codec = codec;
    }

    /**
     * A client connected from {@code address} (null: unknown, not counted). When the address has
     * {@link Limits#maxConnectionsPerAddress} connections already, the new one is closed at once with
     * {@link CloseCodes#TOO_MANY_CONNECTIONS}; the calls on it are then ignored.
     */
    public Connection connect(Peer peer, String address) {
        long now = clockMillis.getAsLong();
        Outbox outbox = new Outbox(peer, clockMillis, metrics::sent);
        MessageRate rate = new MessageRate(limits.maxMessagesPerSecond(), limits.messageBurst(), now);
        int max = limits.maxConnectionsPerAddress();
        if (address != null && max > 0) {
            boolean[] admitted = {false};
            perAddress.compute(address, (a, n) -> {
                int count = n == null ? 0 : n;
                admitted[0] = count < max;
                return admitted[0] ? count + 1 : n;
            });
            if (!admitted[0]) {
                Connection refused = new Connection(outbox, rate, null, now);
                refused.close();
                closeWith(outbox, CloseCodes.TOO_MANY_CONNECTIONS, "too many connections from your address");
                return refused;
            }
        } else {
            address = null;
        }
        boolean binary = SnapshotFormat.SUBPROTOCOL.equals(peer.subprotocol());
        Connection c = new Connection(outbox, rate, address, now, binary);
        open.add(c);
        if (shutDown) { // opened while the server shuts down: shutdown() may have missed it
            closeWith(outbox, CloseCodes.GOING_AWAY, "server shutting down");
        }
        return c;
    }

    /** Something arrived from {@code c} (a message or a pong): the client is alive. */
    public void heard(Connection c) {
        c.heard(clockMillis.getAsLong());
    }

    /** Counts a message against the connection's budget; false: drop it (and maybe warn or close). */
    public boolean admit(Connection c) {
        long now = clockMillis.getAsLong();
        c.heard(now);
        if (closing.contains(c)) {
            return false; // being closed: ignored (it only delays the close until the client is quiet)
        }
        MessageRate.Verdict verdict = c.rate().admit(now);
        if (verdict == MessageRate.Verdict.ACCEPT) {
            return true;
        }
        refusedMessages.incrementAndGet();
        if (verdict == MessageRate.Verdict.WARN) {
            error(c, ErrorCode.RATE_LIMITED, "too many messages: at most " + limits.maxMessagesPerSecond()
                    + " a second; messages are dropped until you slow down");
        } else if (verdict == MessageRate.Verdict.CLOSE) {
            kick(c, CloseCodes.RATE_LIMITED, "too many messages");
        }
        return false;
    }

    /** A message that could not be decoded: answered with its error; too many in a row close the connection. */
    public void invalid(Connection c, ErrorCode code, String message) {
        if (!admit(c)) {
            return;
        }
        if (c.countError() >= CloseCodes.MAX_CONSECUTIVE_ERRORS) {
            kick(c, CloseCodes.PROTOCOL_ERROR, "too many invalid messages");
            return;
        }
        error(c, code, message);
    }

    /**
     * A frame of a kind Arena's clients never send (binary): the connection is closed with
     * {@link CloseCodes#UNSUPPORTED_DATA} once the client is quiet, and its seat goes at once.
     */
    public void unsupported(Connection c) {
        if (admit(c)) {
            kick(c, CloseCodes.UNSUPPORTED_DATA, "binary frames are not accepted");
        }
    }

    /** Handling this connection's traffic failed unexpectedly: closed with 1011, its seat goes at once. */
    public void failed(Connection c) {
        kick(c, CloseCodes.INTERNAL_ERROR, "internal error");
    }

    /** An {@code error} message to {@code c}, counted by code. */
    public void error(Connection c, ErrorCode code, String message) {
        metrics.error(code.wireName());
        c.outbox().control(codec.encode(Assembler.error(code, message)));
    }

    /** The client closed cleanly (1000): it left, its seat goes at the next tick. */
    public void disconnect(Connection c) {
        forget(c, false, true);
    }

    /**
     * The connection closed with {@code code} (as the container reports it). 1000 (the client closed cleanly: it
     * left) and the codes of misbehaviour or failure make its seat go at the next tick; any other code keeps it for
     * the resume grace period. Connections the server closed itself were forgotten already, with their own rule.
     */
    public void closed(Connection c, int code) {
        closing.remove(c);
        forget(c, code != 1000 && mayResumeAfter(code), true);
    }

    /**
     * Closes a connection from the server's side with {@code code} and forgets it at once. It is forgotten first:
     * a container may report the close back ({@link #closed}) from within the close call. A client closed for
     * misbehaving (4000, 4002, 1003) gets the errors queued before the close first, and the close frame once it has
     * stopped sending ({@link ClosingConnections}).
     */
    public void kick(Connection c, int code, String reason) {
        forget(c, mayResumeAfter(code), false);
        if (code == CloseCodes.RATE_LIMITED || code == CloseCodes.PROTOCOL_ERROR
                || code == CloseCodes.UNSUPPORTED_DATA) {
            count(c.outbox(), code);
            closing.start(c, code, reason, clockMillis.getAsLong()); // the errors that explain it arrive first
        } else {
            closeWith(c.outbox(), code, reason);
        }
    }

    /**
     * Closed for misbehaving, by Arena (4000, 4002, 1003) or by the container (1002 a broken frame, 1007 text that is
     * not UTF-8, 1008, 1009), or after an internal error on this connection (1011, which resuming would meet again):
     * the seat goes at once. Otherwise (1001, 1006, 4001, 4004...) it may come back.
     */
    public static boolean mayResumeAfter(int code) {
        return switch (code) {
            case CloseCodes.PROTOCOL_ERROR, CloseCodes.RATE_LIMITED, CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_BIG,
                    CloseCodes.UNSUPPORTED_DATA, CloseCodes.INTERNAL_ERROR, 1002, 1007 -> false;
            default -> true;
        };
    }

    /**
     * On the tick: closes the connections idle for too long or stuck on one send for too long, pings those that
     * have been quiet for a while, and sends the close frames of those being closed that are ready for it.
     */
    public void check(long now) {
        long idle = limits.idleTimeout().toMillis();
        long pingEvery = Math.max(1, idle / 3);
        long slow = limits.slowConsumerTimeout().toMillis();
        for (Connection c : open) {
            Outbox outbox = c.outbox();
            if (outbox.isClosed()) { // closed from within (control overflow, failed send): the container may not tell
                forget(c, mayResumeAfter(outbox.closeCode()), true);
                continue;
            }
            long sendingSince = outbox.inFlightSince();
            if (sendingSince >= 0 && now - sendingSince >= slow) {
                kick(c, CloseCodes.SLOW_CONSUMER, "not reading");
            } else if (now - c.lastHeard() >= idle) {
                kick(c, CloseCodes.IDLE_TIMEOUT, "nothing received for " + idle / 1000.0 + " s");
            } else if (now - c.lastHeard() >= pingEvery && now - c.lastPing() >= pingEvery && sendingSince < 0) {
                c.pinged(now);
                try {
                    outbox.peer().ping();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "ping to " + outbox.peer().remote() + " failed", e);
                }
            }
        }
        closing.check(now);
    }

    /** Closes every connection with "going away"; connections opened later are closed at once. */
    public void shutdown() {
        shutDown = true;
        for (Connection c : open) {
            closeWith(c.outbox(), CloseCodes.GOING_AWAY, "server shutting down");
        }
        closing.closeAll();
    }

    public int size() {
        return open.size();
    }

    /** Remote addresses with at least one open connection. */
    public int addresses() {
        return perAddress.size();
    }

    /** Characters waiting to be sent (or being sent) to all clients: the server's outgoing buffer. */
    public long pendingChars() {
        long sum = 0;
        for (Connection c : open) {
            sum += c.outbox().pendingChars();
        }
        return sum;
    }

    /** Messages refused by the rate limit. */
    public long refusedMessages() {
        return refusedMessages.get();
    }

    /** How many connections the server closed with {@code code}. */
    public long closedWith(int code) {
        AtomicLong n = closes.get(code);
        return n == null ? 0 : n.get();
    }

    private void closeWith(Outbox outbox, int code, String reason) {
        count(outbox, code);
        outbox.close(code, reason);
    }

    private void count(Outbox outbox, int code) {
        if (!outbox.isClosed()) {
            closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
            metrics.closed(code);
        }
    }

    /** {@code discard}: the peer is gone, drop what waits for it (otherwise the caller closes the outbox). */
    private void forget(Connection c, boolean mayResume, boolean discard) {
        if (!open.remove(c)) {
            return; // forgotten already (kicked, or refused at connect)
        }
        String address = c.address();
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        if (discard) {
            c.outbox().discard();
        }
        Destination room = c.close();
        if (room != null) {
            room.left(c, mayResume, clockMillis.getAsLong());
        }
    }
}
