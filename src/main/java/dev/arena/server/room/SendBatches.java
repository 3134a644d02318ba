package dev.arena.server.room;

import dev.arena.server.connection.Outbox;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A room's snapshots on their way to the sender threads, latest-wins per batch, as an outbox is latest-wins per
 * client. Each tick cuts the room's clients into batches of {@link #PER_BATCH}; batch {@code i} goes into slot
 * {@code i}, and a task is handed to the senders only when the slot was empty. When the senders fall behind (a
 * loaded machine, a burst), the slot still holds the last tick's batch, not yet started: it is replaced by this
 * tick's, and its clients get this tick's snapshot instead (the replaced one counts as dropped for each of them).
 * So at most one batch per slot waits, whatever the backlog: without this, every tick queued new tasks behind the
 * unsent ones, and at 1,000 clients on a loaded machine 130 ticks of snapshots (the frames and every client's offer)
 * were held in the executor's queue, seconds old when they went out. Overload degrades (older snapshots skipped),
 * never amplifies (no growing queue, no stale burst).
 *
 * <p>{@link #handOut} runs on the room's tick thread only; the tasks run on the senders.
 */
final class SendBatches {
    /** Clients per sender task. */
    static final int PER_BATCH = 128;

    private record Batch(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int from, int to) {
        int deliver() {
            return SendBatches.deliver(outboxes, offers, from, to);
        }
    }

    private final Executor senders;
    private final AtomicInteger droppedBySenders = new AtomicInteger();
    @SuppressWarnings("unchecked")
    private AtomicReference<Batch>[] slots = new AtomicReference[0]; // the array: tick thread only

    SendBatches(Executor senders) {
        this.senders = senders;
    }

    /**
     * Hands the first {@code n} clients' offers to the senders (or delivers them here when there are none, or when
     * they refuse: shutting down). Returns the snapshots dropped that are known now: replaced batches, those dropped
     * by deliveries made here, and those the senders counted since the last call.
     */
    int handOut(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int n) {
        int dropped = droppedBySenders.getAndSet(0);
        if (senders == null) { // small rooms too: 100 rooms of 10 must not write 1,000 frames on the tick thread
            return dropped + deliver(outboxes, offers, 0, n);
        }
        int count = (n + PER_BATCH - 1) / PER_BATCH;
        if (count > slots.length) {
            int old = slots.length;
            slots = Arrays.copyOf(slots, count);
            for (int i = old; i < count; i++) {
                slots[i] = new AtomicReference<>();
            }
        }
        for (int i = 0; i < count; i++) {
            Batch batch = new Batch(outboxes, offers, i * PER_BATCH, Math.min(n, (i + 1) * PER_BATCH));
            AtomicReference<Batch> slot = slots[i];
            Batch replaced = slot.getAndSet(batch);
            if (replaced != null) { // its task has not started yet: it will take this batch instead
                dropped += replaced.to() - replaced.from();
                continue;
            }
            try {
                senders.execute(() -> {
                    Batch newest = slot.getAndSet(null);
                    if (newest != null) {
                        droppedBySenders.addAndGet(newest.deliver());
                    }
                });
            } catch (RejectedExecutionException e) { // the senders are shutting down: deliver here
                Batch mine = slot.getAndSet(null);
                if (mine != null) {
                    dropped += mine.deliver();
                }
            }
        }
        return dropped;
    }

    /**
     * Offers each client its snapshot; an outbox that is free starts sending at once, on this thread (the socket
     * write). Returns how many older snapshots were dropped.
     */
    static int deliver(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int from, int to) {
        int dropped = 0;
        for (int i = from; i < to; i++) {
            if (outboxes[i].snapshot(offers[i])) {
                dropped++;
            }
        }
        return dropped;
    }
}
