package dev.arena.server.connection;

import dev.arena.protocol.CloseCodes;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything waiting to be sent to one client, written by one sender at a time. Control messages (welcome, joins,
 * leaves, pongs, errors) are all delivered, in order, before any snapshot. Snapshots are latest-wins: at most one
 * waits, and a newer one replaces it, so a slow client costs one pending snapshot, never a growing queue, and the tick
 * never waits for it ({@link ControlQueue}, {@link LatestSnapshot}). A client that lets {@link #MAX_PENDING_CONTROL}
 * control messages pile up is closed with {@link CloseCodes#SLOW_CONSUMER}; so is one whose current send has been in flight for too long (see
 * {@link #inFlightSince()}, checked by {@link Connections}). What an outbox holds is bounded: one frame in flight,
 * one waiting snapshot and at most {@link #MAX_PENDING_CONTROL} control messages.
 */
public final class Outbox {
    public static final int MAX_PENDING_CONTROL = 256;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Peer peer;
    private final LongSupplier clockMillis;
    private final ControlQueue control = new ControlQueue(MAX_PENDING_CONTROL);
    private final LatestSnapshot snapshot = new LatestSnapshot();
    private final Traffic traffic;
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile PendingClose closing;
    private volatile long sendStartedAt = -1;
    private volatile int inFlightChars;
    private volatile boolean closed;
    private volatile int closeCode = -1;

    /** Told of every frame as it starts going out: for metrics. */
    public interface Traffic {
        Traffic NONE = (size, snapshot) -> {};

        /** A frame of {@code size} bytes (characters for text) is being sent; {@code snapshot}: it is a snapshot. */
        void sent(int size, boolean snapshot);
    }

    /**
     * A snapshot whose frame is made when it is sent, not when it is offered: what it sends (a delta or the full
     * state) depends on what this client received last, which is only known once the older offers were sent or
     * dropped. {@link #render} is called at most once, by the outbox's one sender; an offer replaced by a newer one
     * is never rendered.
     */
    public interface SnapshotOffer {
        /** The frame to send now: a {@link String} (text frame) or a {@link ByteBuffer} (binary frame). */
        Object render();

        /** About how many bytes the frame will have (for {@link #pendingChars}). */
        int sizeHint();

        /** The tick of the snapshot: an offer never replaces a newer one (offers may come from several threads). */
        long tick();
    }

    /** An outbox whose send times are read from {@code clockMillis}. */
    public Outbox(Peer peer, LongSupplier clockMillis) {
        this(peer, clockMillis, Traffic.NONE);
    }

    /** An outbox whose send times are read from {@code clockMillis}, reporting every frame to {@code traffic}. */
    public Outbox(Peer peer, LongSupplier clockMillis, Traffic traffic) {
        this.peer = peer;
        this.clockMillis = clockMillis;
        this.traffic = traffic;
    }

    /** An outbox on the system clock. */
    public Outbox(Peer peer) {
        this(peer, System::currentTimeMillis);
    }

    /** Queues a message that must arrive, and starts sending it if nothing is being sent. */
    public void control(String text) {
        if (enqueue(text)) {
            pump();
        }
    }

    /**
     * Queues a message that must arrive without starting a send: it goes out with the next {@link #control},
     * {@link #snapshot} or {@link #flush}, before any snapshot. For the tick thread, which offers every member of a
     * room its snapshot in the same tick: the room's events (a burst of joins, each a {@code playerJoined} to everyone)
     * are then written on the sender threads with the snapshots instead of one by one on the tick thread.
     */
    public void queue(String text) {
        enqueue(text);
    }

    /** Like {@link #queue(String)}, for a binary frame (a game's event on the compact subprotocol). */
    public void queue(ByteBuffer frame) {
        enqueue(frame);
    }

    /** Starts sending what {@link #queue} left waiting, if nothing is being sent. */
    public void flush() {
        pump();
    }

    private boolean enqueue(Object text) {
        if (closed || closing != null) {
            return false;
        }
        if (!control.add(text)) {
            close(CloseCodes.SLOW_CONSUMER, "not reading");
            return false;
        }
        return true;
    }

    /**
     * Offers the newest snapshot. Returns {@code true} when an older snapshot was still waiting and has been dropped
     * in favour of this one.
     */
    public boolean snapshot(String text) {
        return offer(text);
    }

    /** Like {@link #snapshot(String)}, for a snapshot made when it is sent (see {@link SnapshotOffer}). */
    public boolean snapshot(SnapshotOffer offer) {
        return offer(offer);
    }

    private boolean offer(Object next) {
        if (closed || closing != null) {
            return false;
        }
        boolean dropped = snapshot.put(next);
        pump();
        return dropped;
    }

    /**
     * Starts a close that lets the control messages already queued (such as the error that explains it) go out
     * first: from now on nothing new is taken and the waiting snapshot is dropped. The close itself comes from
     * {@link #finishClose}, which the caller invokes once {@link #drained()} (and, in {@link Connections}, once the client
     * has stopped sending, so that closing the socket does not reset a connection that still has unread input and
     * lose these very messages). A client that does not read them is closed anyway, by the caller's time limit.
     */
    public void closeAfterPending(int code, String reason) {
        if (closed || closing != null) {
            return;
        }
        closing = new PendingClose(code, reason);
        snapshot.clear();
        pump();
    }

    /** A close was started with {@link #closeAfterPending} and everything queued before it has been sent. */
    public boolean drained() {
        return closing != null && !sending.get() && control.isEmpty();
    }

    /** Completes a close started with {@link #closeAfterPending}, with its code (whatever is still unsent is dropped). */
    public void finishClose() {
        PendingClose pending = closing;
        if (pending != null) {
            close(pending.code(), pending.reason());
        }
    }

    public void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeCode = code;
        clear();
        try {
            peer.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing " + peer.remote() + " failed", e);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** The close code this outbox closed its peer with, or -1. */
    public int closeCode() {
        return closeCode;
    }

    /** Marks the outbox closed without closing the peer (the peer is already gone). */
    public void discard() {
        closed = true;
        clear();
    }

    /** When the send now in flight started (clock milliseconds), or -1 when nothing is being sent. */
    public long inFlightSince() {
        return sendStartedAt;
    }

    /** Characters held for this client: queued control messages, the waiting snapshot and the frame in flight. */
    public long pendingChars() {
        return control.chars() + sizeOf(snapshot.peek()) + (sendStartedAt >= 0 ? inFlightChars : 0);
    }

    static int sizeOf(Object frame) {
        if (frame instanceof String text) {
            return text.length();
        }
        if (frame instanceof SnapshotOffer offer) {
            return offer.sizeHint();
        }
        return frame instanceof ByteBuffer bytes ? bytes.remaining() : 0;
    }

    private void clear() {
        control.clear();
        snapshot.clear();
    }

    public Peer peer() {
        return peer;
    }

    private void pump() {
        while (!closed && sending.compareAndSet(false, true)) {
            Object next = control.poll();
            boolean isSnapshot = false;
            if (next == null) {
                next = snapshot.take();
                isSnapshot = true;
                if (closing != null) {
                    next = null; // closing: no more snapshots
                }
                if (next instanceof SnapshotOffer offer) {
                    next = render(offer);
                }
            }
            if (next == null) {
                sending.set(false);
                if (control.isEmpty() && (closing != null || snapshot.peek() == null)) {
                    return;
                }
                continue; // something arrived between our look and the release: go again
            }
            int size = sizeOf(next);
            inFlightChars = size;
            sendStartedAt = clockMillis.getAsLong();
            traffic.sent(size, isSnapshot);
            try {
                if (next instanceof ByteBuffer bytes) {
                    peer.send(bytes, this::sent);
                } else {
                    peer.send((String) next, this::sent);
                }
            } catch (RuntimeException e) {
                sent(e);
            }
            return;
        }
    }

    /** The offer's frame, or null (nothing to send) when making it failed: that snapshot is skipped. */
    private Object render(SnapshotOffer offer) {
        try {
            return offer.render();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "making a snapshot for " + peer.remote() + " failed; skipped", e);
            return null;
        }
    }

    private void sent(Throwable failure) {
        sendStartedAt = -1;
        sending.set(false);
        if (failure != null) {
            LOG.log(Level.FINE, "send to " + peer.remote() + " failed: " + failure);
            discard();
            return;
        }
        pump();
    }

    private record PendingClose(int code, String reason) {}
}
