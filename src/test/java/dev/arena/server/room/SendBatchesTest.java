package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Rules;
import dev.arena.game.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.MessageRate;
import dev.arena.server.connection.Outbox;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import dev.arena.support.FakePeer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Senders that fall behind hold at most two batches per slot, the newest: no queue of stale snapshots grows. */
class SendBatchesTest {
    /** Sender threads that run nothing until told: a backlog on demand. */
    private static final class Backlog implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean refuse;

        @Override
        public void execute(Runnable task) {
            if (refuse) {
                throw new RejectedExecutionException("shutting down");
            }
            tasks.add(task);
        }

        void runAll() {
            for (Runnable t; (t = tasks.poll()) != null; ) {
                t.run();
            }
        }
    }

    private final Backlog senders = new Backlog();
    private final Room room = new Room("r", new World(Rules.DEFAULT, new SplittableRandom(3)),
            RoomSettings.of(Rules.DEFAULT, 1000, 15_000, 0), new Codec(),
            new RoomHost((c, code, reason) -> c.outbox().close(code, reason), () -> "t" + System.nanoTime() + "xxxxxxxxxxx",
                    new ArenaMetrics(new Metrics(new SimpleMeterRegistry()), 20), AddressQuota.NONE, senders));
    private final List<FakePeer> peers = new ArrayList<>();

    /** 300 players (three batches of 128, 128 and 44), joined, their first snapshots sent and forgotten. */
    private void joinPlayers() {
        for (int i = 0; i < 300; i++) {
            FakePeer peer = new FakePeer();
            Connection c = new Connection(new Outbox(peer, () -> 0), new MessageRate(10, 10, 0), null, 0);
            c.startJoining(room);
            room.enqueue(new Room.Join(c, "p" + i, null));
            peers.add(peer);
            if (i % 100 == 99) { // 100 a tick: each join is a playerJoined to everyone, and an outbox holds 256
                room.tick(0);
                senders.runAll();
            }
        }
        peers.forEach(FakePeer::clear);
    }

    @Test
    void ticksWhileTheSendersAreBehindReplaceTheOldestWaitingBatchAndEveryClientGetsTheNewest() {
        joinPlayers();
        assertThat(room.tick(50)).isZero();
        assertThat(senders.tasks).hasSize(3);
        assertThat(room.tick(100)).as("one tick late: nothing is lost").isZero();
        assertThat(senders.tasks).hasSize(6);
        for (int t = 3; t <= 7; t++) {
            assertThat(room.tick(50L * t)).as("tick %d: the oldest waiting offers of 300 clients make way", t)
                    .isEqualTo(300);
            assertThat(senders.tasks).as("still one task per waiting batch").hasSize(6);
        }
        senders.runAll();
        long newest = peers.get(0).last(ServerMessage.Snapshot.class).tick();
        for (FakePeer p : peers) {
            List<ServerMessage.Snapshot> got = p.messages(ServerMessage.Snapshot.class);
            assertThat(got).extracting(ServerMessage.Snapshot::tick).containsExactly(newest - 1, newest);
        }
        assertThat(room.tick(400)).isZero(); // the senders caught up: nothing replaced
        assertThat(senders.tasks).hasSize(3);
        senders.runAll();
        assertThat(peers.get(299).last(ServerMessage.Snapshot.class).tick()).isEqualTo(newest + 1);
    }

    @Test
    void sendersThatRefuseTasksAreDeliveredToOnTheTickThread() {
        joinPlayers();
        senders.refuse = true;
        room.tick(50);
        assertThat(senders.tasks).isEmpty();
        assertThat(peers).allSatisfy(p -> assertThat(p.messages(ServerMessage.Snapshot.class)).hasSize(1));
    }
}
