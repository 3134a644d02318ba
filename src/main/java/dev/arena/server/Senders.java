package dev.arena.server;

import java.util.concurrent.Executor;

/**
 * Where the rooms hand snapshots to clients: the executor given to {@link GameWorld#sendWith}, or the calling (tick)
 * thread when there is none. An outbox that is free writes to its socket on the thread that offers it the snapshot:
 * with thousands of clients those writes are most of a tick's work, and spread over a few threads they use every core
 * while the tick goes on. In a container, this is its managed executor.
 */
final class Senders implements Executor {
    private volatile Executor executor;

    void use(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        Executor e = executor;
        if (e == null) {
            task.run();
        } else {
            e.execute(task);
        }
    }
}
