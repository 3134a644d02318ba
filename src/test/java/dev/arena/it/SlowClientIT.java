package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Bots;
import dev.arena.support.GameClient;
import dev.arena.support.StalledClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client that never reads must not delay anyone else's snapshots. */
class SlowClientIT {
    /*
     * The kernel buffers up to 4 MiB for a socket whose reader stalls (tcp_wmem autotuning), so the room must send
     * a lot before the server sees the stall: 150 players (6-7 KB snapshots) at 50 Hz fill it in about ten seconds.
     */
    private static final Rules FAST = new Rules(500, 500, 50, 200, 10);
    private static final int BOTS = 150;

    @Test
    void clientThatNeverReadsDoesNotDelayTheSnapshotsOfTheOthers() throws Exception {
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(FAST));
                Bots crowd = new Bots(server.gameUri(), "slow", BOTS);
                StalledClient stalled = new StalledClient(server.gameUri());
                GameClient watcher = GameClient.join(server.gameUri(), "watcher", "slow")) {
            stalled.sendText("{\"type\":\"join\",\"room\":\"slow\"}");
            // wait until the stalled client's socket is full: the server starts dropping its snapshots
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (server.world().droppedSnapshots() < 10 && System.nanoTime() < deadline) {
                watcher.await(ServerMessage.Snapshot.class);
            }
            assertThat(server.world().droppedSnapshots()).as("snapshots dropped for the stalled client")
                    .isGreaterThanOrEqualTo(10);
            watcher.drain();
            long dropsBefore = server.world().droppedSnapshots();
            long start = System.nanoTime();
            ServerMessage.Snapshot first = watcher.await(ServerMessage.Snapshot.class);
            ServerMessage.Snapshot last = first;
            int received = 0;
            while (System.nanoTime() - start < 2_000_000_000L) {
                last = watcher.await(ServerMessage.Snapshot.class);
                received++;
            }
            long ticks = last.tick() - first.tick();
            assertThat(ticks).as("ticks in 2 s at 50 Hz").isGreaterThanOrEqualTo(80);
            assertThat(received).as("snapshots the watcher got of " + ticks + " ticks").isGreaterThanOrEqualTo((int) (ticks * 0.9));
            assertThat(server.world().droppedSnapshots() - dropsBefore).as("the stalled client keeps dropping")
                    .isGreaterThan(20);
            assertThat(server.world().playerCount()).isEqualTo(BOTS + 2);
        }
    }
}
