package dev.arena.server.connection;

import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link Outbox}'s one waiting snapshot, latest-wins: a snapshot put while another waits replaces it, except that
 * an {@link Outbox.SnapshotOffer} never replaces one of a newer tick (offers may come from several threads). Holds a
 * {@link String} (made when offered) or a {@code SnapshotOffer} (made when sent). Lock-free.
 */
final class LatestSnapshot {
    private final AtomicReference<Object> waiting = new AtomicReference<>();

    /** Puts {@code next} in place of the waiting one; true when a snapshot was dropped (the waiting one or this). */
    boolean put(Object next) {
        Object previous;
        do {
            previous = waiting.get();
            if (previous instanceof Outbox.SnapshotOffer older && next instanceof Outbox.SnapshotOffer newer
                    && older.tick() > newer.tick()) {
                return true; // a newer one is already waiting: this one is dropped
            }
        } while (!waiting.compareAndSet(previous, next));
        return previous != null;
    }

    /** The waiting snapshot, taken; null when none waits. */
    Object take() {
        return waiting.getAndSet(null);
    }

    /** The waiting snapshot, left waiting; null when none waits. */
    Object peek() {
        return waiting.get();
    }

    void clear() {
        waiting.set(null);
    }
}
