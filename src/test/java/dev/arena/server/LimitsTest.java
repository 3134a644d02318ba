package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.ClosingConnections;
import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import dev.arena.support.WorldHarness.Client;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits GameWorld enforces at the edge, with fake peers, a fake clock and a hand-driven tick. */
class LimitsTest {
    private final ArenaConfig config = ArenaConfig.DEFAULT
            .withRateLimit(10, 20)
            .withIdleTimeout(Duration.ofSeconds(30))
            .withSlowConsumerTimeout(Duration.ofSeconds(10))
            .withMaxConnectionsPerAddress(2)
            .withResumeGrace(Duration.ofSeconds(15));
    private final WorldHarness arena = new WorldHarness(config);
    private final AtomicLong clock = arena.clock();
    private final GameWorld world = arena.world();

    /** A player in room "r" from {@code address}. */
    private Client joined(String name, String address) {
        return arena.join(address, new ClientMessage.Join(name, "r"));
    }

    private void advance(long millis) {
        arena.advance(millis, WorldHarness.TICK_MILLIS);
    }

    @Test
    void floodingGetsOneRateLimitedErrorThenTheConnectionIsClosedAndThePlayerLeavesAtOnce() {
        Client watcher = joined("w", "10.0.0.1");
        Client flood = joined("f", "10.0.0.2");
        int floodId = flood.peer().last(ServerMessage.Welcome.class).id();
        flood.peer().clear();
        for (int i = 1; i <= 100; i++) {
            world.receive(flood.connection(), new ClientMessage.Input((long) i, 1, 0));
        }
        assertThat(flood.peer().messages(ServerMessage.Error.class)).extracting(ServerMessage.Error::code)
                .containsExactly(ErrorCode.RATE_LIMITED.wireName());
        // 20 accepted (the bucket; the join took one), 11 refused, then closing: the other 69 are ignored
        assertThat(world.stats().refusedMessages()).isEqualTo(11);
        assertThat(world.stats().closedWith(CloseCodes.RATE_LIMITED)).isEqualTo(1);
        world.tick();
        assertThat(watcher.peer().last(ServerMessage.PlayerLeft.class).id()).isEqualTo(floodId);
        assertThat(world.stats().connectionCount()).isEqualTo(1);
        assertThat(flood.peer().closeCode()).as("closed only once the flood has stopped").isEqualTo(-1);
        advance(ClosingConnections.QUIET_MILLIS);
        assertThat(flood.peer().closeCode()).isEqualTo(CloseCodes.RATE_LIMITED);
        assertThat(flood.peer().messages(ServerMessage.Snapshot.class)).as("no snapshots while closing").isEmpty();
    }

    @Test
    void aClientThatKeepsSendingWhileBeingClosedIsClosedAfterTheLongestWaitAnyway() {
        Client flood = joined("f", "10.0.0.2");
        for (int i = 1; i <= 40; i++) {
            world.receive(flood.connection(), new ClientMessage.Ping(1.0));
        }
        long kicked = clock.get();
        while (flood.peer().closeCode() < 0 && clock.get() - kicked < 10_000) {
            world.receive(flood.connection(), new ClientMessage.Ping(1.0)); // never quiet
            clock.addAndGet(50);
            world.tick();
        }
        assertThat(flood.peer().closeCode()).isEqualTo(CloseCodes.RATE_LIMITED);
        assertThat(clock.get() - kicked).isBetween(ClosingConnections.MAX_MILLIS, ClosingConnections.MAX_MILLIS + 50);
    }

    @Test
    void aKickedPlayerLeavesAtOnceAlsoWhenTheContainerReportsTheCloseFromWithinTheCloseCall() {
        Client watcher = joined("w", "10.0.0.1");
        Connection[] self = new Connection[1];
        FakePeer reporting = new FakePeer() {
            @Override
            public synchronized void close(int code, String reason) {
                super.close(code, reason);
                world.closed(self[0], code); // as Tyrus does: @OnClose on the closing thread
            }
        };
        self[0] = world.connect(reporting, "10.0.0.2");
        world.receive(self[0], new ClientMessage.Join("f", "r"));
        world.tick();
        for (int i = 1; i <= 100; i++) {
            world.receive(self[0], new ClientMessage.Input((long) i, 1, 0));
        }
        advance(ClosingConnections.QUIET_MILLIS);
        assertThat(reporting.closeCode()).isEqualTo(CloseCodes.RATE_LIMITED);
        world.tick();
        assertThat(watcher.peer().messages(ServerMessage.PlayerLeft.class)).hasSize(1);
        assertThat(world.stats().awayCount()).isZero();
    }

    @Test
    void invalidMessagesCountAgainstTheBudgetToo() {
        Client c = arena.connect("10.0.0.1");
        ProtocolException bad = new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid JSON");
        for (int i = 0; i < 19; i++) {
            world.reject(c.connection(), bad);
            world.receive(c.connection(), new ClientMessage.Ping(1.0)); // keeps the error streak short
        }
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.RATE_LIMITED.wireName());
    }

    @Test
    void aClientAtTheSustainedRateIsNeverLimited() {
        Client c = joined("steady", "10.0.0.1");
        for (int i = 1; i <= 200; i++) {
            clock.addAndGet(100); // 10 a second, the limit
            world.receive(c.connection(), new ClientMessage.Input((long) i, 1, 0));
            world.tick();
        }
        assertThat(c.peer().messages(ServerMessage.Error.class)).isEmpty();
        assertThat(c.peer().closeCode()).isEqualTo(-1);
    }

    @Test
    void aSilentConnectionIsPingedThenClosedAfterTheIdleTimeoutAndItsPlayerMayResume() {
        Client quiet = joined("q", "10.0.0.1");
        Client talker = joined("t", "10.0.0.2");
        for (int s = 0; s < 29; s++) {
            advance(1_000);
            world.receive(talker.connection(), new ClientMessage.Ping((double) s));
        }
        assertThat(quiet.peer().pings()).as("heartbeat pings at a third of the timeout").isBetween(2, 3);
        assertThat(talker.peer().pings()).isZero();
        assertThat(quiet.peer().closeCode()).isEqualTo(-1);
        advance(1_100);
        assertThat(quiet.peer().closeCode()).isEqualTo(CloseCodes.IDLE_TIMEOUT);
        assertThat(talker.peer().closeCode()).isEqualTo(-1);
        assertThat(world.stats().connectionCount()).isEqualTo(1);
        assertThat(world.stats().awayCount()).as("an idle player may come back within the grace period").isEqualTo(1);
        assertThat(talker.peer().messages(ServerMessage.PlayerLeft.class)).isEmpty();
    }

    @Test
    void aPongKeepsAConnectionAlive() {
        Client c = joined("p", "10.0.0.1");
        for (int s = 0; s < 120; s++) {
            advance(1_000);
            if (c.peer().pings() > 0) {
                world.heard(c.connection()); // the browser answers the ping by itself
            }
        }
        assertThat(c.peer().closeCode()).isEqualTo(-1);
    }

    @Test
    void aClientStuckOnOneSendIsClosedAsASlowConsumerAndTheOthersGoOn() {
        Client slow = joined("s", "10.0.0.1");
        Client fine = joined("f", "10.0.0.2");
        slow.peer().holdSends();
        for (int s = 0; s < 9; s++) {
            advance(1_000);
            world.receive(slow.connection(), new ClientMessage.Ping(1.0)); // it sends, but does not read
            world.receive(fine.connection(), new ClientMessage.Ping(1.0));
        }
        assertThat(slow.peer().closeCode()).isEqualTo(-1);
        assertThat(slow.connection().outbox().pendingChars()).as("one frame in flight, one snapshot waiting")
                .isLessThan(2_000);
        advance(1_100);
        assertThat(slow.peer().closeCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
        fine.peer().clear();
        advance(500);
        assertThat(fine.peer().messages(ServerMessage.Snapshot.class)).hasSize(10);
        assertThat(fine.peer().closeCode()).isEqualTo(-1);
    }

    @Test
    void connectionsPerAddressAreLimitedAndCountedBackDown() {
        Client a = arena.connect("10.0.0.1");
        Client b = arena.connect("10.0.0.1");
        Client c = arena.connect("10.0.0.1");
        assertThat(c.peer().closeCode()).isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
        world.receive(c.connection(), new ClientMessage.Join("c", "r")); // ignored: that connection is closed
        world.tick();
        assertThat(world.stats().playerCount()).isZero();
        assertThat(arena.connect("10.0.0.2").peer().closeCode()).isEqualTo(-1);
        assertThat(arena.connect(null).peer().closeCode()).as("unknown address: not counted").isEqualTo(-1);
        world.disconnect(c.connection()); // the container reports the close of the refused one: not counted
        world.disconnect(a.connection());
        assertThat(arena.connect("10.0.0.1").peer().closeCode()).isEqualTo(-1);
        assertThat(world.stats().connectionCount()).isEqualTo(4);
        assertThat(world.stats().addressCount()).isEqualTo(2);
        world.disconnect(b.connection());
        assertThat(world.stats().addressCount()).isEqualTo(2);
    }

    @Test
    void connectionsPerAddressCanBeUnlimited() {
        GameWorld open = new GameWorld(config.withMaxConnectionsPerAddress(0), clock::get, new SplittableRandom(1));
        for (int i = 0; i < 100; i++) {
            FakePeer p = new FakePeer();
            open.connect(p, "10.0.0.1");
            assertThat(p.closeCode()).isEqualTo(-1);
        }
        assertThat(open.stats().addressCount()).isZero();
    }
}
