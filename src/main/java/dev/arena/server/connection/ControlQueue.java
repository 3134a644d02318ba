package dev.arena.server.connection;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Outbox}'s control messages (text as {@link String}, binary as {@link java.nio.ByteBuffer}): every one is
 * delivered, in order, and at most {@code limit} wait; {@link #add} refuses one more (the outbox then closes its
 * client as a slow consumer). Counts the characters waiting, for {@link Outbox#pendingChars}. Safe for one consumer
 * (the outbox's sender) and any number of producers.
 */
final class ControlQueue {
    private final int limit;
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong chars = new AtomicLong();

    ControlQueue(int limit) {
        this.limit = limit;
    }

    /** Queues {@code frame}; false (and not queued) when {@code limit} frames are waiting already. */
    boolean add(Object frame) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        chars.addAndGet(Outbox.sizeOf(frame));
        frames.add(frame);
        return true;
    }

    /** The oldest frame, taken off the queue; null when none waits. */
    Object poll() {
        Object next = frames.poll();
        if (next != null) {
            size.decrementAndGet();
            chars.addAndGet(-Outbox.sizeOf(next));
        }
        return next;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    /** Characters (bytes of binary frames) waiting. */
    long chars() {
        return chars.get();
    }

    /** Drops every waiting frame (the outbox closed). */
    void clear() {
        frames.clear();
        size.set(0);
        chars.set(0);
    }
}
