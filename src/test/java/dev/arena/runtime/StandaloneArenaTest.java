package dev.arena.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.StandaloneWorld;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one wiring of Tomcat and the dev server: the world installed, ticking on its own threads, all gone on close. */
class StandaloneArenaTest {
    @Test
    void wiresTheWorldToPlainThreadsTicksAndLeavesNothingBehind() {
        GameWorld world = new GameWorld(ArenaConfig.DEFAULT, System::currentTimeMillis, new SplittableRandom(3));
        StandaloneArena arena = StandaloneArena.of(world);
        try {
            assertThat(StandaloneWorld.get()).containsSame(world);
            assertThat(world.stats().ticks()).as("not ticking before start").isZero();
            arena.start();
            await(() -> world.stats().ticks() >= 3);
            assertThat(world.health().tickExecutor()).isEqualTo("plain");
            assertThat(world.health().tickThread()).isEqualTo("arena-tick");
            assertThat(arenaThreads()).as("the tick and the senders").isGreaterThanOrEqualTo(1 + ArenaThreads.SENDERS);
        } finally {
            arena.close();
        }
        long ticks = world.stats().ticks();
        assertThat(StandaloneWorld.get()).isEmpty();
        assertThat(arenaThreads()).as("threads left after close").isZero();
        assertThat(world.stats().ticks()).as("no tick after close").isEqualTo(ticks);
    }

    private static long arenaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().equals("arena-tick") || t.getName().startsWith("arena-send-")))
                .count();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
