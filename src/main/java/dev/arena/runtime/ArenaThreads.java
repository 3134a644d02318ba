package dev.arena.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Arena runs on: one tick thread and {@link #SENDERS} sender threads (the socket writes of snapshots,
 * see {@code GameWorld#sendWith}), all made by one {@link ThreadFactory} and started at once. In a Jakarta EE
 * container the factory is the container's {@code ManagedThreadFactory}: the application's context is set up once
 * per thread, when it starts, instead of once per task as a managed executor does (on Payara that capture is a
 * class-path search for every task: see docs/benchmarks.md). Elsewhere (Tomcat, the dev server) plain threads.
 * {@link #stop} ends them and waits until every thread has ended, so that none outlives an undeployment.
 */
final class ArenaThreads {
    /** Sender threads: one per core, at least two. */
    static final int SENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor tick;
    private final ThreadPoolExecutor senders;

    /** {@code prefix}: the threads' names start with it ("arena-tick", "arena-send-1"...). */
    ArenaThreads(ThreadFactory factory, String prefix) {
        tick = new ScheduledThreadPoolExecutor(1, named(factory, prefix + "-tick", false));
        tick.setRemoveOnCancelPolicy(true);
        senders = new ThreadPoolExecutor(SENDERS, SENDERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(factory, prefix + "-send", true));
        tick.prestartAllCoreThreads();
        senders.prestartAllCoreThreads();
    }

    ScheduledExecutorService tick() {
        return tick;
    }

    ExecutorService senders() {
        return senders;
    }

    /** Stops both pools and waits up to 2 s for their threads to end; false if one did not. */
    boolean stop() throws InterruptedException {
        tick.shutdownNow();
        senders.shutdownNow();
        boolean ended = tick.awaitTermination(2, TimeUnit.SECONDS) & senders.awaitTermination(2, TimeUnit.SECONDS);
        for (Thread t : threads) {
            // a pool counts as terminated a moment before its thread has ended: wait for the thread itself, or
            // Tomcat, checking right after undeployment, reports it as a leaked thread
            t.join(2000);
            ended &= !t.isAlive();
        }
        return ended;
    }

    private ThreadFactory named(ThreadFactory factory, String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = factory.newThread(r);
            t.setName(numbered ? name + "-" + n.incrementAndGet() : name);
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
    }
}
