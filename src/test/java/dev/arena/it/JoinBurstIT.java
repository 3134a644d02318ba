package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.client.ArenaClient;
import dev.arena.dev.DevServer;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Joins at scale: {@code arena.burst.clients} clients (default 1,000) join one room of the dev server within about
 * 10 s (batches of 100, one every second), over real WebSockets on loopback with the Java client (compact
 * snapshots). Every join sends {@code playerJoined} to everyone already in the room (half a million messages for
 * 1,000). Afterwards the room is healthy: nobody was closed, every client got exactly the {@code playerJoined} of
 * everyone who joined after it, and every client keeps receiving snapshots of the ticks after the burst. Bounds that
 * hold on a slow machine: the joins themselves may take up to 60 s (the time is printed), the checks wait up to 60 s.
 * Dev server only: test-only settings (no per-address limit, 100,000 players a room) and its {@code GameWorld}'s counts.
 */
class JoinBurstIT {
    private static final int CLIENTS = Integer.getInteger("arena.burst.clients", 1000);
    private static final int BATCH = 100;

    private static final class Counter implements ArenaClient.Listener {
        final AtomicInteger joined = new AtomicInteger();
        final AtomicLong lastTick = new AtomicLong(-1);
        volatile int closed = -1;
        volatile int welcomed = -1;

        @Override
        public void welcome(ServerMessage.Welcome welcome) {
            welcomed = welcome.players().size();
        }

        @Override
        public void frame(long tick, long ack, int bytes) {
            lastTick.accumulateAndGet(tick, Math::max);
        }

        @Override
        public void message(ServerMessage message) {
            if (message instanceof ServerMessage.PlayerJoined) {
                joined.incrementAndGet();
            }
        }

        @Override
        public void closed(int code, String reason) {
            closed = code;
        }
    }

    @Test
    void aThousandJoinsInTenSecondsLeaveTheRoomHealthy() throws Exception {
        ArenaConfig config = ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(0).withMaxPlayersPerRoom(100_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ArenaClient> clients = new ArrayList<>();
        List<Counter> counters = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(config)) {
            HttpClient http = HttpClient.newBuilder().executor(pool).build();
            ArenaClient.Options options = ArenaClient.Options.DEFAULT.withTrackPlayers(false).withHttp(http);
            long start = System.nanoTime();
            for (int from = 0; from < CLIENTS; from += BATCH) {
                long batchStart = System.nanoTime();
                List<CompletableFuture<ArenaClient>> joining = new ArrayList<>();
                for (int i = from; i < Math.min(CLIENTS, from + BATCH); i++) {
                    Counter counter = new Counter();
                    counters.add(counter);
                    String name = "p" + i;
                    joining.add(ArenaClient.connect(server.gameUri(), counter, options)
                            .thenCompose(c -> c.join(name, "burst").thenApply(w -> c)));
                }
                for (CompletableFuture<ArenaClient> f : joining) {
                    clients.add(f.get(60, TimeUnit.SECONDS)); // in order: client i joined before client i + BATCH
                }
                long rest = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - batchStart);
                if (rest > 0 && from + BATCH < CLIENTS) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long burstTick = server.world().stats().ticks();
            System.out.printf("join burst: %d clients joined one room in %.1f s%n", CLIENTS, seconds);
            assertThat(seconds).as("seconds for %d joins", CLIENTS).isLessThan(60);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !settled(counters, burstTick)) {
                Thread.sleep(100);
            }
            for (int i = 0; i < CLIENTS; i++) {
                Counter c = counters.get(i);
                assertThat(c.closed).as("client %d closed", i).isEqualTo(-1);
                assertThat(c.welcomed).as("players in client %d's welcome", i).isGreaterThanOrEqualTo(i / BATCH * BATCH + 1);
                // it hears of every player that joined after it, once: the ones its welcome did not list
                assertThat(c.joined.get()).as("playerJoined received by client %d", i).isEqualTo(CLIENTS - c.welcomed);
            }
            assertThat(counters).as("every client gets snapshots after the burst (tick %d)", burstTick)
                    .allMatch(c -> c.lastTick.get() > burstTick + 20);
            assertThat(server.world().stats().playerCount()).isEqualTo(CLIENTS);
        } finally {
            clients.forEach(ArenaClient::close);
            pool.shutdownNow();
        }
    }

    private static boolean settled(List<Counter> counters, long burstTick) {
        for (Counter c : counters) {
            if (c.lastTick.get() <= burstTick + 20 || c.joined.get() < CLIENTS - c.welcomed) {
                return false;
            }
        }
        return true;
    }
}
