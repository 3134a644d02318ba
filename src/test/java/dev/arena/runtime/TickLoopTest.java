package dev.arena.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickLoopTest {
    @Test
    void aTickThatThrowsIsLoggedAndTheNextTickRuns() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch fiveTicks = new CountDownLatch(5);
        GameWorld world = new GameWorld(ArenaConfig.DEFAULT, () -> 0, new SplittableRandom(1)) {
            @Override
            public void tick() {
                fiveTicks.countDown();
                if (calls.incrementAndGet() <= 2) {
                    throw new IllegalStateException("tick " + calls.get() + " fails");
                }
            }
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            TickLoop loop = new TickLoop(world, executor, "plain");
            loop.start();
            assertThat(fiveTicks.await(5, TimeUnit.SECONDS)).as("ticks after two failures").isTrue();
            assertThat(loop.isRunning()).isTrue();
            loop.stop();
            assertThat(loop.isRunning()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
