package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.runtime.TickLoop;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Bots;
import dev.arena.support.GameClient;
import dev.arena.support.StalledClient;
import dev.arena.support.TcpTable;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that never read must not delay anyone else's snapshots or the tick, must not make the server buffer more
 * and more for them, and are disconnected as slow consumers after {@code slowConsumerTimeout}, their sockets cut at once.
 * Dev server only: test-only settings (a fast tick, a short slow-consumer timeout) and the dev server's drop counts.
 */
class SlowClientIT {
    /*
     * The kernel buffers up to 4 MiB for a socket whose reader stalls (tcp_wmem autotuning), so the room must send
     * a lot before the server sees the stall: 100 players (4-5 KB snapshots) at 50 Hz fill it in about fifteen
     * seconds. (With 150, this test's own crowd kept a 2-core machine so busy that the watcher missed a quarter of its
     * snapshots before any client stalled.)
     */
    private static final Rules FAST = new Rules(500, 500, 50, 200, 10);
    private static final int BOTS = 100;
    private static final int STALLED = 3;
    /*
     * From the first dropped snapshot to the close is about this long; in it the test sees the sockets stuck (a
     * second or so) and measures for two seconds, with room to spare on a loaded machine.
     */
    private static final Duration SLOW = Duration.ofSeconds(9);
    private static final InetAddress STALLED_ADDRESS = loopback("127.0.0.2");

    @Test
    void clientsThatNeverReadCostBoundedMemoryDoNotDelayTheOthersAndAreClosedAsSlowConsumers() throws Exception {
        ArenaConfig config = ArenaConfig.DEFAULT.withRules(FAST).withoutAddressLimits()
                .withSlowConsumerTimeout(SLOW);
        List<StalledClient> stalled = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(config);
                Bots crowd = new Bots(server.gameUri(), "slow", BOTS);
                GameClient watcher = GameClient.join(server.gameUri(), "watcher", "slow")) {
            // the rate and tick time of a room without stalled clients
            Measured before = measure(server, watcher);

            for (int i = 0; i < STALLED; i++) {
                StalledClient s = new StalledClient(server.gameUri(), null, STALLED_ADDRESS);
                stalled.add(s);
                s.sendText("{\"type\":\"join\",\"room\":\"slow\"}");
            }
            // wait until the stalled clients' sockets are full and the server drops their snapshots: in the kernel's
            // table, for half a second, neither each one's receive queue nor its server end's send queue moved, and
            // the drops ran at 8 in half a second for each of them. The drops alone do not tell: a bot that falls
            // behind on a loaded machine drops some too.
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            long windowStart = System.nanoTime();
            long dropsAtWindowStart = server.world().stats().droppedSnapshots();
            List<long[]> queuedAtWindowStart = queued(stalled);
            while (System.nanoTime() < deadline) {
                watcher.await(ServerMessage.Snapshot.class);
                if (System.nanoTime() - windowStart >= 500_000_000L) {
                    long drops = server.world().stats().droppedSnapshots();
                    List<long[]> queued = queued(stalled);
                    if (stuck(queuedAtWindowStart, queued) && drops >= 10
                            && drops - dropsAtWindowStart >= 8L * STALLED) {
                        break;
                    }
                    windowStart = System.nanoTime();
                    dropsAtWindowStart = drops;
                    queuedAtWindowStart = queued;
                }
            }
            assertThat(stuck(queuedAtWindowStart, queued(stalled)))
                    .as("the stalled clients' sockets stuck within 40 s").isTrue();
            assertThat(server.world().stats().droppedSnapshots()).as("snapshots dropped for the stalled clients")
                    .isGreaterThanOrEqualTo(10);
            assertThat(server.world().stats().closedWith(CloseCodes.SLOW_CONSUMER))
                    .as("stalled clients already closed when their drops were seen (the timeout is too short for "
                            + "this machine)").isZero();
            long dropsBefore = server.world().stats().droppedSnapshots();
            Measured during = measure(server, watcher);
            long closedDuring = server.world().stats().closedWith(CloseCodes.SLOW_CONSUMER);
            System.out.printf("slow clients: before %s%n  during %s%n", before, during);

            // ticks run or, when the machine kept the tick thread waiting past a due time, skipped and counted
            // (TickLoop never runs missed ticks back to back); the tick time below shows they are not slower
            assertThat(during.ticks + during.missed).as("ticks in 2 s at 50 Hz, %d of them missed", during.missed)
                    .isGreaterThanOrEqualTo(80);
            assertThat(during.received).as("snapshots the watcher got of " + during.ticks + " ticks")
                    .isGreaterThanOrEqualTo((int) (during.ticks * 0.9));
            assertThat(during.meanTickMillis).as("mean tick time with stalled clients (before: %.3f ms)",
                    before.meanTickMillis).isLessThan(before.meanTickMillis * 3 + 2);
            assertThat(server.world().stats().droppedSnapshots() - dropsBefore)
                    .as("the stalled clients keep dropping (%d of them closed by the end of the measurement)",
                            closedDuring).isGreaterThan(20);
            // what the server holds for all clients: a frame in flight and a snapshot waiting each, at most
            long snapshotChars = 80L * (BOTS + STALLED + 1);
            assertThat(during.maxPendingChars).as("outgoing characters held by the server")
                    .isLessThan((BOTS + STALLED + 1) * 2 * snapshotChars);
            assertThat(server.world().stats().playerCount()).isEqualTo(BOTS + 1 + STALLED);

            // stuck on one send for longer than the timeout: closed as slow consumers, the others go on
            long waitUntil = System.nanoTime() + SLOW.plusSeconds(10).toNanos();
            while (server.world().stats().closedWith(CloseCodes.SLOW_CONSUMER) < STALLED
                    && System.nanoTime() < waitUntil) {
                watcher.await(ServerMessage.Snapshot.class);
            }
            assertThat(server.world().stats().closedWith(CloseCodes.SLOW_CONSUMER)).isEqualTo(STALLED);
            assertThat(server.world().stats().connectionCount()).isEqualTo(BOTS + 1);
            assertThat(server.world().stats().pendingChars()).isLessThan((BOTS + 1) * 2 * snapshotChars);
            // and their sockets are gone at once, with what was queued for them: they would never read it, nor the
            // close frame behind it (the kernel's table, as `ss -tn` shows it; without reading from them)
            long cutBy = System.nanoTime() + 1_000_000_000L;
            List<String> states = socketStates(stalled);
            while (!states.stream().allMatch(SlowClientIT::serverClosed) && System.nanoTime() < cutBy) {
                Thread.sleep(20);
                states = socketStates(stalled);
            }
            assertThat(states).as("the stalled clients' sockets (client side; server side) 1 s after their 4001")
                    .allMatch(SlowClientIT::serverClosed);
            assertThat(server.socketsNotOpen(STALLED_ADDRESS.getHostAddress())).isZero();
            assertThat(stalled.get(0).readUntilClose(2_000)).as("no close frame: cut").isEqualTo(-1);
            assertThat(watcher.isOpen()).isTrue();
        } finally {
            for (StalledClient s : stalled) {
                s.close();
            }
        }
    }

    /** Per stalled client: {the bytes its server end holds unsent or unacknowledged, the bytes it has not read}. */
    private static List<long[]> queued(List<StalledClient> clients) throws java.io.IOException {
        List<long[]> queued = new ArrayList<>();
        for (StalledClient c : clients) {
            long[] server = TcpTable.queued(c.remote(), c.local());
            long[] client = TcpTable.queued(c.local(), c.remote());
            queued.add(new long[] {server == null ? 0 : server[0], client == null ? 0 : client[1]});
        }
        return queued;
    }

    /**
     * Every client's socket is stuck between the two readings: its unread bytes stayed the same (its window is
     * closed) and so did what its server end holds (the server's send buffer is full too: until then the kernel
     * takes the server's writes, which complete, and nothing is dropped).
     */
    private static boolean stuck(List<long[]> before, List<long[]> after) {
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i)[0] == 0 || after.get(i)[1] == 0 || after.get(i)[0] != before.get(i)[0]
                    || after.get(i)[1] != before.get(i)[1]) {
                return false;
            }
        }
        return !after.isEmpty();
    }

    private static List<String> socketStates(List<StalledClient> clients) throws java.io.IOException {
        List<String> states = new ArrayList<>();
        for (StalledClient c : clients) {
            states.add(TcpTable.state(c.local(), c.remote()) + "; " + TcpTable.state(c.remote(), c.local()));
        }
        return states;
    }

    /** The server side is gone (reset) or has at least sent its FIN: not established on either side. */
    private static boolean serverClosed(String clientAndServerState) {
        return !clientAndServerState.contains("ESTABLISHED") && !clientAndServerState.contains("FIN_WAIT1");
    }

    private static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Measured(long ticks, long missed, int received, double meanTickMillis, long maxPendingChars) {}

    /** Two seconds of the watcher's snapshots, the tick time and the largest outgoing buffer seen. */
    private static Measured measure(DevServer server, GameClient watcher) throws InterruptedException {
        watcher.drain();
        TickLoop.Stats start = server.tickLoop().stats();
        long missedBefore = server.tickLoop().missedTicks();
        long began = System.nanoTime();
        ServerMessage.Snapshot first = watcher.await(ServerMessage.Snapshot.class);
        ServerMessage.Snapshot last = first;
        int received = 0;
        long maxPending = 0;
        while (System.nanoTime() - began < 2_000_000_000L) {
            last = watcher.await(ServerMessage.Snapshot.class);
            received++;
            maxPending = Math.max(maxPending, server.world().stats().pendingChars());
        }
        return new Measured(last.tick() - first.tick(), server.tickLoop().missedTicks() - missedBefore, received,
                server.tickLoop().stats().meanMillisSince(start), maxPending);
    }
}
