package dev.arena.dev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every TCP connection of the dev server, in one of three states, counted per remote address: the rules of the
 * connection edge below WebSocket, apart from Grizzly so that they can be tested with a fake clock.
 *
 * <ul>
 *   <li>{@code HTTP}: accepted, no WebSocket yet (a handshake under way, or plain HTTP). It must complete a request
 *       within {@link #HANDSHAKE_MILLIS} of being accepted or of its last complete request or response, or it is cut
 *       (slowloris). An address may have at most {@code maxPerAddress} connections that are not open WebSockets; a
 *       further one is cut at accept.
 *   <li>{@code OPEN}: upgraded. The game's own per-address limit (4005) applies.
 *   <li>{@code CLOSING}: the server sent a close frame (or a refused handshake's answer). It counts against the
 *       address again until it is gone, and is cut after {@link #CLOSE_MILLIS} at the latest.
 * </ul>
 * Time is in milliseconds. Thread-safe: changes take the ledger's lock; {@link #state} does not.
 *
 * @param <C> the connection type
 */
final class SocketLedger<C> {
    /** How long a connection may take to send a complete request (the upgrade request, or any HTTP request). */
    static final long HANDSHAKE_MILLIS = 10_000;
    /** How long a connection may stay open after the server has closed it (sent its close frame or answer). */
    static final long CLOSE_MILLIS = 5_000;

    enum State { HTTP, OPEN, CLOSING }

    private static final class Entry {
        final String address;
        volatile State state = State.HTTP; // written under the ledger's lock, read without it
        long since;

        Entry(String address, long since) {
            this.address = address;
            this.since = since;
        }
    }

    private final int maxPerAddress;
    private final LongSupplier clock;
    // concurrent: state() is asked on every frame read and written, by every I/O and sender thread, without the lock
    private final Map<C, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Integer> notOpen = new HashMap<>();

    /** {@code maxPerAddress} 0: no limit per address. */
    SocketLedger(int maxPerAddress, LongSupplier clock) {
        this.maxPerAddress = maxPerAddress;
        this.clock = clock;
    }

    /** A new connection from {@code address}: false when it must be cut at once (not recorded then). */
    synchronized boolean accepted(C c, String address) {
        int count = notOpen.getOrDefault(address, 0);
        if (maxPerAddress > 0 && count >= maxPerAddress) {
            return false;
        }
        entries.put(c, new Entry(address, clock.getAsLong()));
        notOpen.put(address, count + 1);
        return true;
    }

    /** A complete HTTP request was read, or a response written: the connection's time starts again. */
    synchronized void active(C c) {
        Entry e = entries.get(c);
        if (e != null && e.state == State.HTTP) {
            e.since = clock.getAsLong();
        }
    }

    /** The upgrade succeeded (101 written): the connection no longer counts here. */
    synchronized void upgraded(C c) {
        Entry e = entries.get(c);
        if (e != null && e.state == State.HTTP) {
            e.state = State.OPEN;
            release(e.address);
        }
    }

    /** The server closed {@code c} (close frame or refusal written): it counts again until {@link #closed}. */
    synchronized void closing(C c) {
        Entry e = entries.get(c);
        if (e == null || e.state == State.CLOSING) {
            return;
        }
        if (e.state == State.OPEN) {
            notOpen.merge(e.address, 1, Integer::sum);
        }
        e.state = State.CLOSING;
        e.since = clock.getAsLong();
    }

    /** Lock-free: on the path of every frame (mutations of an entry happen under the lock, its state is volatile). */
    State state(C c) {
        Entry e = entries.get(c);
        return e == null ? null : e.state;
    }

    /** The connection is gone. */
    synchronized void closed(C c) {
        Entry e = entries.remove(c);
        if (e != null && e.state != State.OPEN) {
            release(e.address);
        }
    }

    /** Connections past their time: an unfinished request after {@link #HANDSHAKE_MILLIS}, a close after {@link #CLOSE_MILLIS}. */
    synchronized List<C> expired() {
        long now = clock.getAsLong();
        List<C> out = new ArrayList<>();
        entries.forEach((c, e) -> {
            if ((e.state == State.HTTP && now - e.since >= HANDSHAKE_MILLIS)
                    || (e.state == State.CLOSING && now - e.since >= CLOSE_MILLIS)) {
                out.add(c);
            }
        });
        return out;
    }

    /** Connections from {@code address} that are not open WebSockets (under way, or closing). */
    synchronized int notOpen(String address) {
        return notOpen.getOrDefault(address, 0);
    }

    /** Every connection, in any state. */
    synchronized int size() {
        return entries.size();
    }

    private void release(String address) {
        notOpen.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
