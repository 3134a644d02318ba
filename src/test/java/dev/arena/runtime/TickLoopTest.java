package dev.arena.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.support.FakePeer;
import dev.arena.transport.PrometheusText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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

    /**
     * A room that falls behind: its first {@value #SLOW_TICKS} ticks take three periods each (150 ms at 20 Hz), then
     * it is fast again. A fixed-rate loop would then run the ticks it missed back to back, a burst of snapshots just
     * when the server is behind. Bounds that hold however slow the machine is: ticks start at distinct due times, each
     * due after the previous tick ended, so any one-second window holds at most tickRate + 2 ticks and snapshots;
     * every slow tick ends at least two due times late, and those are counted as missed.
     */
    @Test
    void aRoomPastItsBudgetNeverRunsMissedTicksBackToBackAndCountsThem() throws Exception {
        ArenaConfig config = ArenaConfig.DEFAULT;
        int tickRate = config.rules().tickRate();
        long period = TimeUnit.SECONDS.toNanos(1) / tickRate;
        List<Long> tickStarts = Collections.synchronizedList(new ArrayList<>());
        GameWorld world = new GameWorld(config, System::currentTimeMillis, new SplittableRandom(7)) {
            @Override
            public void tick() {
                tickStarts.add(System.nanoTime());
                super.tick();
                if (tickStarts.size() <= SLOW_TICKS) {
                    long end = System.nanoTime() + 3 * period;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        List<Long> snapshotTimes = Collections.synchronizedList(new ArrayList<>());
        FakePeer peer = new FakePeer() {
            @Override
            public synchronized void send(String text, Consumer<Throwable> done) {
                if (text.contains("\"type\":\"snapshot\"")) {
                    snapshotTimes.add(System.nanoTime());
                }
                super.send(text, done);
            }
        };
        world.receive(world.connect(peer), new ClientMessage.Join("slow", "r"));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        TickLoop loop = new TickLoop(world, executor, "plain");
        try {
            loop.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (tickStarts.size() < SLOW_TICKS + 2 * tickRate && System.nanoTime() < deadline) {
                Thread.sleep(20); // the slow stretch, then two seconds' worth of fast ticks
            }
        } finally {
            loop.stop(); // a tick under way finishes, then no more
            executor.shutdownNow();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tickStarts).hasSizeGreaterThan(SLOW_TICKS + tickRate);
        assertThat(snapshotTimes).hasSizeGreaterThan(SLOW_TICKS).hasSizeLessThanOrEqualTo(tickStarts.size());
        assertThat(mostInOneSecond(tickStarts)).as("ticks in any one second").isLessThanOrEqualTo(tickRate + 2);
        assertThat(mostInOneSecond(snapshotTimes)).as("snapshots in any one second").isLessThanOrEqualTo(tickRate + 2);
        assertThat(loop.missedTicks()).as("missed ticks").isGreaterThanOrEqualTo(2L * SLOW_TICKS);
        assertThat(world.metrics().missedTicks()).isEqualTo(loop.missedTicks());
        assertThat(PrometheusText.of(world.metrics().registry()))
                .contains("arena_tick_missed_total " + (double) loop.missedTicks());
    }

    private static final int SLOW_TICKS = 10;

    /** The largest number of these times (nanoseconds) within one second of each other. */
    private static int mostInOneSecond(List<Long> times) {
        List<Long> sorted;
        synchronized (times) {
            sorted = new ArrayList<>(times);
        }
        Collections.sort(sorted);
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= TimeUnit.SECONDS.toNanos(1)) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }
}
