package dev.arena.server;

import dev.arena.protocol.CloseCodes;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything waiting to be sent to one client, written by one sender at a time. Control messages (welcome, joins,
 * leaves, pongs, errors) are all delivered, in order, before any snapshot. Snapshots are latest-wins: at most one
 * waits, and a newer one replaces it, so a slow client costs one pending snapshot, never a growing queue, and the tick
 * never waits for it. A client that lets {@link #MAX_PENDING_CONTROL} control messages pile up is closed with
 * {@link CloseCodes#SLOW_CONSUMER}.
 */
public final class Outbox {
    static final int MAX_PENDING_CONTROL = 256;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Peer peer;
    private final Queue<String> control = new ConcurrentLinkedQueue<>();
    private final AtomicInteger controlSize = new AtomicInteger();
    private final AtomicReference<String> snapshot = new AtomicReference<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean closed;

    public Outbox(Peer peer) {
        this.peer = peer;
    }

    /** Queues a message that must arrive. */
    public void control(String text) {
        if (closed) {
            return;
        }
        if (controlSize.incrementAndGet() > MAX_PENDING_CONTROL) {
            close(CloseCodes.SLOW_CONSUMER, "not reading");
            return;
        }
        control.add(text);
        pump();
    }

    /**
     * Offers the newest snapshot. Returns {@code true} when an older snapshot was still waiting and has been dropped
     * in favour of this one.
     */
    public boolean snapshot(String text) {
        if (closed) {
            return false;
        }
        boolean dropped = snapshot.getAndSet(text) != null;
        pump();
        return dropped;
    }

    public void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        control.clear();
        snapshot.set(null);
        try {
            peer.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing " + peer.remote() + " failed", e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Marks the outbox closed without closing the peer (the peer is already gone). */
    void discard() {
        closed = true;
        control.clear();
        snapshot.set(null);
    }

    Peer peer() {
        return peer;
    }

    private void pump() {
        while (!closed && sending.compareAndSet(false, true)) {
            String next = control.poll();
            if (next != null) {
                controlSize.decrementAndGet();
            } else {
                next = snapshot.getAndSet(null);
            }
            if (next == null) {
                sending.set(false);
                if (control.isEmpty() && snapshot.get() == null) {
                    return;
                }
                continue; // something arrived between our look and the release: go again
            }
            try {
                peer.send(next, this::sent);
            } catch (RuntimeException e) {
                sent(e);
            }
            return;
        }
    }

    private void sent(Throwable failure) {
        sending.set(false);
        if (failure != null) {
            LOG.log(Level.FINE, "send to " + peer.remote() + " failed: " + failure);
            discard();
            return;
        }
        pump();
    }
}
