package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.runtime.TickLoop;
import dev.arena.server.ArenaConfig;
import dev.arena.server.WorldStats;
import dev.arena.support.GameClient;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Churn: waves of clients connect, join rooms, play, and go (cleanly, by dropping, or by resuming first), while one
 * watcher plays throughout. Afterwards nothing is left behind (players, connections, rooms, addresses, threads) and
 * the tick takes as long as before. Bounded: {@code arena.churn.waves} waves (default 5) of
 * {@code arena.churn.clients} clients (default 60): 300 clients in about 20 s. The soak is the same test with more
 * waves: {@code mvn -B verify -Psoak}. Dev server only: test-only settings (no per-address limits, a 0.5 s grace) and
 * the leftovers are read from its {@code GameWorld}.
 */
class ChurnIT {
    private static final int WAVES = Integer.getInteger("arena.churn.waves", 5);
    private static final int CLIENTS = Integer.getInteger("arena.churn.clients", 60);
    private static final int ROOMS = 8;

    @Test
    void hundredsOfClientsComeAndGoAndLeaveNothingBehind() throws Exception {
        ArenaConfig config = ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(10_000)
                .withAddressQuota(0, 0, 0) // every client comes from 127.0.0.1
                .withResumeGrace(Duration.ofMillis(500));
        try (DevServer server = DevServer.startForTests(config);
                GameClient watcher = GameClient.join(server.gameUri(), "watcher", "watch")) {
            WorldStats world = server.world().stats();
            wave(server, 0, CLIENTS / 4); // warm-up: classes loaded, client threads started
            awaitTrue(() -> world.connectionCount() == 1 && world.playerCount() == 1, "warm-up gone");
            int threadsBefore = Thread.activeCount();
            double tickBefore = meanTick(server.tickLoop(), watcher);

            long started = System.nanoTime();
            int total = 0;
            for (int w = 1; w <= WAVES; w++) {
                total += wave(server, w, CLIENTS);
                watcher.await(ServerMessage.Snapshot.class); // the watcher plays on
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            awaitTrue(() -> world.connectionCount() == 1 && world.playerCount() == 1 && world.roomCount() == 1
                    && world.awayCount() == 0 && world.addressCount() == 1, "every churned client gone");
            awaitTrue(() -> Thread.activeCount() <= threadsBefore + 4, "threads back to " + threadsBefore);
            double tickAfter = meanTick(server.tickLoop(), watcher);

            System.out.printf("churn: %d clients in %d waves, %.1f s; mean tick %.3f ms before, %.3f ms after;"
                    + " threads %d before, %d after%n", total, WAVES, seconds, tickBefore, tickAfter, threadsBefore,
                    Thread.activeCount());
            assertThat(total).isEqualTo(WAVES * CLIENTS);
            assertThat(tickAfter).as("mean tick time after the churn (before: %.3f ms)", tickBefore)
                    .isLessThan(tickBefore * 3 + 1);
            assertThat(world.pendingChars()).isLessThan(10_000);
            assertThat(watcher.isOpen()).isTrue();
            ServerMessage.Snapshot last = watcher.await(ServerMessage.Snapshot.class);
            assertThat(last.players()).extracting(ServerMessage.PlayerPosition::id).containsExactly(watcher.id());
        }
    }

    /** One wave: {@code n} clients join, send inputs and a ping, then go in three ways. Returns how many played. */
    private static int wave(DevServer server, int wave, int n) throws Exception {
        List<GameClient> clients = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                clients.add(GameClient.join(server.gameUri(), "w" + wave + "c" + i, "churn" + (i % ROOMS)));
            }
            for (GameClient c : clients) {
                c.hold(1, 0);
                c.hold(0, 1);
                c.send(new ClientMessage.Ping(1.0));
            }
            for (GameClient c : clients) {
                c.await(ServerMessage.Pong.class);
            }
        } finally {
            for (int i = 0; i < clients.size(); i++) {
                GameClient c = clients.get(i);
                switch (i % 3) {
                    case 0 -> c.close(); // leaves
                    case 1 -> c.close(CloseReason.CloseCodes.GOING_AWAY); // dropped: away until the grace ends
                    default -> { // dropped, then resumed, then leaves
                        c.close(CloseReason.CloseCodes.GOING_AWAY);
                        try (GameClient back = GameClient.resume(server.gameUri(), "x", "churn" + (i % ROOMS),
                                c.welcome().token())) {
                            assertThat(back.welcome().resumed()).isTrue();
                        }
                    }
                }
            }
        }
        return clients.size();
    }

    private static double meanTick(TickLoop loop, GameClient watcher) throws InterruptedException {
        TickLoop.Stats start = loop.stats();
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            watcher.await(ServerMessage.Snapshot.class);
        }
        return loop.stats().meanMillisSince(start);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
