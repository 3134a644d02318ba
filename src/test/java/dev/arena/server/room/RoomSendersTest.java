package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.metrics.ArenaMetrics;
import dev.arena.server.metrics.Metrics;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A room whose sender threads fall behind: the senders' queue holds at most one tick of the room's snapshots, the
 * ticks in between are skipped and counted, and the clients get the newest state when the senders catch up.
 */
class RoomSendersTest {
    /** Sender "threads" that run nothing until the test says so, as senders behind the tick would. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final Executor senders = queued::add;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Room room = new Room("r", new World(Rules.DEFAULT, 3),
            RoomSettings.of(Rules.DEFAULT, 300, 15_000, 0), new Codec(),
            new RoomHost((c, code, reason) -> c.outbox().close(code, reason), () -> "token-xxxxxxxxxxxxxxxxxxxxxx",
                    new ArenaMetrics(new Metrics(registry), 20), AddressQuota.NONE, senders));

    private FakePeer join(String name) {
        FakePeer peer = new FakePeer();
        Rooms.join(room, peer, name);
        return peer;
    }

    @Test
    void theSendersMayBeAFifthOfASecondBehindAndAtLeastTwoTicks() {
        assertThat(Delivery.maxTicksSending(20)).isEqualTo(4);
        assertThat(Delivery.maxTicksSending(50)).isEqualTo(10);
        assertThat(Delivery.maxTicksSending(5)).isEqualTo(2);
    }

    private double skipped() {
        return registry.get("arena.room.sends.skipped").tag("room", "r").counter().count();
    }

    private static long lastTick(FakePeer peer) {
        List<ServerMessage.Snapshot> got = peer.messages(ServerMessage.Snapshot.class);
        return got.isEmpty() ? -1 : got.get(got.size() - 1).tick();
    }

    private void runQueued() {
        for (Runnable r = queued.poll(); r != null; r = queued.poll()) {
            r.run();
        }
    }

    @Test
    void whileTheSendersHaveNotFinishedATickTheRoomQueuesNoMoreAndCountsTheSkippedTicks() {
        List<FakePeer> peers = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // two send tasks a tick (128 clients a task)
            peers.add(join("p" + i));
        }
        long now = 0;
        while (room.playerCount() < 200) { // joins take a few ticks (Room.MAX_JOINS_PER_TICK)
            room.tick(now += 50);
            runQueued();
        }
        int behind = Delivery.maxTicksSending(Rules.DEFAULT.tickRate());
        for (int t = 0; t < behind; t++) { // a sender a tick or two late loses nothing: these are all queued
            room.tick(now += 50);
        }
        assertThat(queued).hasSize(2 * behind);
        for (int t = behind; t < behind + 10; t++) { // ten more ticks while the senders are stuck
            assertThat(room.tick(now += 50)).as("tick %d: every client skips it", t).isEqualTo(200);
        }
        assertThat(queued).as("still %d ticks of two tasks, not %d", behind, behind + 10).hasSize(2 * behind);
        assertThat(skipped()).isEqualTo(10);
        runQueued();
        long newest = lastTick(peers.get(0));
        assertThat(peers).allSatisfy(p -> assertThat(lastTick(p)).isEqualTo(newest));

        room.tick(now + 50); // caught up: this tick goes out, with the newest state
        assertThat(queued).hasSize(2);
        runQueued();
        assertThat(peers).allSatisfy(p -> assertThat(lastTick(p)).isEqualTo(newest + 11));
        assertThat(skipped()).isEqualTo(10);
    }

    @Test
    void whenTheSendersCatchUpTheRoomSendsAgain() {
        join("Ada");
        for (int t = 0; t < Delivery.maxTicksSending(Rules.DEFAULT.tickRate()); t++) {
            room.tick(t * 50L);
        }
        room.tick(1000);
        assertThat(skipped()).isEqualTo(1);
        runQueued();
        room.tick(1050); // the senders caught up: the room hands out this tick again
        assertThat(queued).hasSize(1);
        assertThat(skipped()).isEqualTo(1);
    }
}
