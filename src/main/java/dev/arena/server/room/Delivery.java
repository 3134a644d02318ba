package dev.arena.server.room;

import dev.arena.server.connection.Outbox;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a room's snapshot offers of one tick to their outboxes: on the sender threads in tasks of
 * {@link #CLIENTS_PER_SEND_TASK} clients (an outbox that is free starts sending at once, on the thread that offers:
 * the socket write), or on the tick thread when there are none. Counts the older snapshots the offers replaced
 * (dropped); those counted on the sender threads are reported with the next tick.
 */
final class Delivery {
    /** Clients per task when snapshots are handed out on the sender threads. */
    static final int CLIENTS_PER_SEND_TASK = 128;

    private final Executor senders;
    private final AtomicInteger droppedBySenders = new AtomicInteger();

    /** {@code senders}: null, the tick thread delivers. */
    Delivery(Executor senders) {
        this.senders = senders;
    }

    /** The drops the sender threads counted since the last call. */
    int droppedMeanwhile() {
        return droppedBySenders.getAndSet(0);
    }

    /** Offers {@code offers[0..n)}; returns {@code dropped} plus the drops counted here. */
    int send(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int n, int dropped) {
        if (senders == null) { // small rooms too: 100 rooms of 10 must not write 1,000 frames on the tick thread
            return dropped + deliver(outboxes, offers, 0, n);
        }
        for (int from = 0; from < n; from += CLIENTS_PER_SEND_TASK) {
            int start = from;
            int end = Math.min(n, from + CLIENTS_PER_SEND_TASK);
            try {
                senders.execute(() -> droppedBySenders.addAndGet(deliver(outboxes, offers, start, end)));
            } catch (RejectedExecutionException e) { // the senders are shutting down: deliver here
                dropped += deliver(outboxes, offers, start, end);
            }
        }
        return dropped;
    }

    private static int deliver(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int from, int to) {
        int dropped = 0;
        for (int i = from; i < to; i++) {
            if (outboxes[i].snapshot(offers[i])) {
                dropped++;
            }
        }
        return dropped;
    }
}
