package dev.arena.server.room;

import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.RoomMetrics;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a room's snapshot offers of one tick to their outboxes: on the sender threads in tasks of
 * {@link #CLIENTS_PER_SEND_TASK} clients (an outbox that is free starts sending at once, on the thread that offers:
 * the socket write), or on the tick thread when there are none. Counts the older snapshots the offers replaced
 * (dropped); those counted on the sender threads are reported with the next tick.
 *
 * <p>The sender threads may be at most {@link #MAX_SEND_LAG_MILLIS} behind the room: past that, a tick's offers are
 * not handed out at all (every client of the room skips that tick, counted as dropped and in
 * {@code arena_room_sends_skipped_total}), so the senders' queue holds a bounded number of ticks per room instead
 * of growing with every tick they fall behind. Offers are rendered when sent, so one never handed out changes no
 * client's stream: the next snapshot is complete for what the client has.
 */
final class Delivery {
    /** Clients per task when snapshots are handed out on the sender threads. */
    static final int CLIENTS_PER_SEND_TASK = 128;

    /**
     * How far the sender threads may be behind a room before it skips a tick: senders late by a collection or a busy
     * machine lose nothing; further behind, the snapshots would be stale on arrival and the backlog would only grow.
     */
    static final long MAX_SEND_LAG_MILLIS = 200;

    private final Executor senders;
    private final RoomMetrics metrics;
    private final int maxTicksSending;
    private final AtomicInteger droppedBySenders = new AtomicInteger();
    /** Ticks whose offers the senders have not all handed out yet. */
    private final AtomicInteger ticksSending = new AtomicInteger();

    /** {@code senders}: null, the tick thread delivers. */
    Delivery(Executor senders, int tickRate, RoomMetrics metrics) {
        this.senders = senders;
        this.metrics = metrics;
        this.maxTicksSending = maxTicksSending(tickRate);
    }

    /** {@link #MAX_SEND_LAG_MILLIS} in ticks, at least 2. */
    static int maxTicksSending(int tickRate) {
        return (int) Math.max(2, MAX_SEND_LAG_MILLIS * tickRate / 1000);
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
        if (n == 0) {
            return dropped;
        }
        if (ticksSending.get() >= maxTicksSending) { // the server is past what it can send: skip this tick
            metrics.sendSkipped();
            return dropped + n;
        }
        AtomicInteger tasksLeft = new AtomicInteger((n + CLIENTS_PER_SEND_TASK - 1) / CLIENTS_PER_SEND_TASK);
        ticksSending.incrementAndGet();
        for (int from = 0; from < n; from += CLIENTS_PER_SEND_TASK) {
            int start = from;
            int end = Math.min(n, from + CLIENTS_PER_SEND_TASK);
            Runnable task = () -> {
                try {
                    droppedBySenders.addAndGet(deliver(outboxes, offers, start, end));
                } finally {
                    if (tasksLeft.decrementAndGet() == 0) {
                        ticksSending.decrementAndGet();
                    }
                }
            };
            try {
                senders.execute(task);
            } catch (RejectedExecutionException e) { // the senders are shutting down: deliver here
                task.run();
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
