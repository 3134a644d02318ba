package dev.arena.server.room;

import dev.arena.server.connection.Outbox;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A room's snapshots on their way to the sender threads, bounded and latest-wins per batch, as an outbox is per
 * client. Each tick cuts the room's clients into batches of {@link #PER_BATCH}; batch {@code i} joins slot
 * {@code i}'s queue of at most {@link #DEPTH} batches, with one sender task per batch. A sender that is a tick late
 * (a loaded machine, a burst, a collection) loses nothing: the next tick's batch waits behind it. When the senders
 * are {@code DEPTH} ticks behind, the oldest waiting batch of the slot is replaced by this tick's (its clients get the
 * newer snapshot instead; the replaced one counts as dropped for each of them) and no task is added. So at most
 * {@code DEPTH} batches per slot wait, whatever the backlog: before, every tick queued new tasks behind the unsent
 * ones, and at 1,000 clients on a loaded machine 130 ticks of snapshots (the frames and every client's offer) were
 * held in the executor's queue, seconds old when they went out. Overload degrades (stale snapshots skipped), never
 * amplifies (no growing queue, no stale burst).
 *
 * <p>{@link #handOut} runs on the room's tick thread only; the tasks run on the senders.
 */
final class SendBatches {
    /** Clients per sender task. */
    static final int PER_BATCH = 128;
    /** Batches a slot holds while its senders are behind: two ticks of lateness cost nothing. */
    static final int DEPTH = 2;

    private record Batch(Outbox[] outboxes, Outbox.SnapshotOffer[] offers, int from, int to) {
        int deliver() {
            return SendBatches.deliver(outboxes, offers, from, to);
        }
    }

    private final Executor senders;
    private final AtomicInteger droppedBySenders = new AtomicInteger();
    @SuppressWarnings("unchecked")
    private ArrayBlockingQueue<Batch>[] slots = new ArrayBlockingQueue[0]; // the array: tick thread only

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
                slots[i] = new ArrayBlockingQueue<>(DEPTH);
            }
        }
        for (int i = 0; i < count; i++) {
            Batch batch = new Batch(outboxes, offers, i * PER_BATCH, Math.min(n, (i + 1) * PER_BATCH));
            ArrayBlockingQueue<Batch> slot = slots[i];
            if (!slot.offer(batch)) { // DEPTH batches wait already, each with its task: the oldest makes way
                Batch replaced = slot.poll();
                slot.add(batch); // only this thread adds: there is room now
                if (replaced != null) {
                    dropped += replaced.to() - replaced.from();
                    continue; // its task takes a newer batch
                } // the tasks took them all meanwhile: this batch needs a task of its own
            }
            try {
                senders.execute(() -> {
                    Batch next = slot.poll();
                    if (next != null) {
                        droppedBySenders.addAndGet(next.deliver());
                    }
                });
            } catch (RejectedExecutionException e) { // the senders are shutting down: deliver here
                for (Batch b; (b = slot.poll()) != null; ) {
                    dropped += b.deliver();
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
