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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** GameWorld with fake peers and a hand-driven tick and clock: no sockets, no executor, no sleeps. */
class GameWorldTest {
    private WorldHarness arena = new WorldHarness();
    private AtomicLong clock = arena.clock();
    private GameWorld world = arena.world();

    /** Starts over with a world of {@code config}. */
    private void use(ArenaConfig config) {
        arena = new WorldHarness(config);
        clock = arena.clock();
        world = arena.world();
    }

    @Test
    void joiningPlayerReceivesWelcomeWithFullStateBeforeAnySnapshot() {
        Client ada = arena.joined("Ada", "r");
        Client bob = arena.joined("Bob", "r");
        ServerMessage first = bob.peer().messages().get(0);
        assertThat(first).isInstanceOfSatisfying(ServerMessage.Welcome.class, w -> {
            assertThat(w.room()).isEqualTo("r");
            assertThat(w.width()).isEqualTo(500);
            assertThat(w.tickRate()).isEqualTo(20);
            assertThat(w.speed()).isEqualTo(200.0);
            assertThat(w.players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Ada", "Bob");
            assertThat(w.id()).isEqualTo(w.players().get(1).id());
        });
        assertThat(bob.peer().messages().get(1)).isInstanceOf(ServerMessage.Snapshot.class);
        assertThat(ada.peer().last(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
    }

    @Test
    void snapshotIsEncodedOnceAndTheSameTextGoesToEveryPlayer() {
        Client a = arena.joined("a", "r");
        Client b = arena.joined("b", "r");
        a.peer().clear();
        b.peer().clear();
        clock.set(2_000_000);
        world.tick();
        assertThat(a.peer().texts()).hasSize(1);
        assertThat(a.peer().texts().get(0)).isSameAs(b.peer().texts().get(0));
        ServerMessage.Snapshot s = a.peer().last(ServerMessage.Snapshot.class);
        assertThat(s.time()).isEqualTo(2_000_000);
        assertThat(s.players()).hasSize(2);
    }

    @Test
    void inputMovesThePlayerAtTheNextTickAndIsAcknowledgedBySeq() {
        Client a = arena.joined("a", "r");
        ServerMessage.PlayerInfo start = a.peer().last(ServerMessage.Welcome.class).players().get(0);
        world.receive(a.connection(), new ClientMessage.Input(7L, 0, 1));
        world.tick();
        ServerMessage.PlayerPosition p = a.peer().last(ServerMessage.Snapshot.class).players().get(0);
        assertThat(p.seq()).isEqualTo(7);
        assertThat(p.y()).isEqualTo(Math.min(490, start.y() + 10), org.assertj.core.data.Offset.offset(0.011));
    }

    @Test
    void roomsAreIsolated() {
        Client a = arena.joined("a", "one");
        Client b = arena.joined("b", "two");
        world.receive(a.connection(), new ClientMessage.Input(1L, 1, 0));
        world.tick();
        assertThat(a.peer().messages(ServerMessage.PlayerJoined.class)).isEmpty();
        assertThat(b.peer().messages(ServerMessage.PlayerJoined.class)).isEmpty();
        assertThat(a.peer().last(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                .containsExactly(a.peer().last(ServerMessage.Welcome.class).id());
        assertThat(world.stats().roomCount()).isEqualTo(2);
    }

    @Test
    void defaultRoomIsLobby() {
        Client a = arena.joined(null, null);
        ServerMessage.Welcome w = a.peer().last(ServerMessage.Welcome.class);
        assertThat(w.room()).isEqualTo("lobby");
        assertThat(w.players().get(0).name()).isEqualTo("Player 1");
    }

    @Test
    void disconnectRemovesThePlayerForTheOthersAndEmptyRoomsDisappear() {
        Client a = arena.joined("a", "r");
        Client b = arena.joined("b", "r");
        int bId = b.peer().last(ServerMessage.Welcome.class).id();
        world.disconnect(b.connection());
        world.tick();
        assertThat(a.peer().last(ServerMessage.PlayerLeft.class).id()).isEqualTo(bId);
        assertThat(a.peer().last(ServerMessage.Snapshot.class).players()).hasSize(1);
        world.disconnect(a.connection());
        world.tick();
        assertThat(world.stats().roomCount()).isZero();
        assertThat(world.stats().playerCount()).isZero();
        assertThat(world.stats().connectionCount()).isZero();
    }

    @Test
    void clientThatLeavesBeforeItsJoinIsProcessedLeavesNoPlayerBehind() {
        Client a = arena.joined("a", "r");
        Client ghost = arena.connect();
        world.receive(ghost.connection(), new ClientMessage.Join("ghost", "r"));
        world.disconnect(ghost.connection());
        world.tick();
        assertThat(a.peer().last(ServerMessage.Snapshot.class).players()).hasSize(1);
        assertThat(a.peer().messages(ServerMessage.PlayerJoined.class)).isEmpty();
        assertThat(ghost.peer().texts()).isEmpty();
    }

    @Test
    void inputBeforeJoinAndSecondJoinAreRefused() {
        Client c = arena.connect();
        world.receive(c.connection(), new ClientMessage.Input(1L, 1, 0));
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo("not_joined");
        world.receive(c.connection(), new ClientMessage.Join("a", "r"));
        world.receive(c.connection(), new ClientMessage.Join("a", "r"));
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo("already_joined");
        world.tick();
        world.receive(c.connection(), new ClientMessage.Join("a", "other"));
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo("already_joined");
        assertThat(world.stats().playerCount()).isEqualTo(1);
    }

    @Test
    void fullRoomRefusesTheJoinAndTheClientMayJoinAnotherRoom() {
        use(ArenaConfig.DEFAULT.withMaxPlayersPerRoom(2));
        arena.joined("a", "r");
        arena.joined("b", "r");
        Client c = arena.joined("c", "r");
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo(ErrorCode.ROOM_FULL.wireName());
        assertThat(c.peer().messages(ServerMessage.Welcome.class)).isEmpty();
        world.receive(c.connection(), new ClientMessage.Join("c", "s"));
        world.tick();
        assertThat(c.peer().last(ServerMessage.Welcome.class).room()).isEqualTo("s");
    }

    @Test
    void tooManyRoomsIsRefused() {
        use(ArenaConfig.DEFAULT.withMaxRooms(1));
        arena.joined("a", "r");
        Client b = arena.joined("b", "s");
        assertThat(b.peer().last(ServerMessage.Error.class).code()).isEqualTo("too_many_rooms");
        Client c = arena.joined("c", "r");
        assertThat(c.peer().last(ServerMessage.Welcome.class).players()).hasSize(2);
    }

    @Test
    void pingIsAnsweredAtOnceWithClientTimeAndServerTime() {
        Client c = arena.connect();
        clock.set(5_000);
        world.receive(c.connection(), new ClientMessage.Ping(12.5));
        assertThat(c.peer().last(ServerMessage.Pong.class)).as("of %s", c.peer().texts())
                .isEqualTo(new ServerMessage.Pong(12.5, 5_000));
    }

    @Test
    void invalidMessagesGetErrorsAndTooManyInARowCloseTheConnection() {
        Client c = arena.joined("a", "r");
        ProtocolException bad = new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid JSON");
        for (int i = 1; i < CloseCodes.MAX_CONSECUTIVE_ERRORS; i++) {
            world.reject(c.connection(), bad);
            world.receive(c.connection(), new ClientMessage.Ping(1.0)); // a valid message resets the count
        }
        assertThat(c.peer().closeCode()).isEqualTo(-1);
        for (int i = 1; i < CloseCodes.MAX_CONSECUTIVE_ERRORS; i++) {
            world.reject(c.connection(), bad);
        }
        assertThat(c.peer().last(ServerMessage.Error.class).code()).isEqualTo("malformed_json");
        assertThat(c.peer().closeCode()).isEqualTo(-1);
        world.reject(c.connection(), bad);
        world.reject(c.connection(), bad); // ignored: closing
        assertThat(c.peer().messages(ServerMessage.Error.class)).hasSize(2 * (CloseCodes.MAX_CONSECUTIVE_ERRORS - 1));
        assertThat(c.peer().closeCode()).as("closed once the client is quiet").isEqualTo(-1);
        clock.addAndGet(ClosingConnections.QUIET_MILLIS);
        world.tick();
        assertThat(c.peer().closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void aFailingRoomIsLoggedAndTheOtherRoomsTickOnAndSoDoesItOnceTheFaultIsGone() {
        Client healthy = arena.joined("a", "good");
        Client victim = arena.joined("b", "bad");
        // A peer whose send fails with an Error (not caught by the outbox) breaks the "bad" room's tick mid-way.
        FakePeer faulty = new FakePeer() {
            @Override
            public synchronized void send(String text, java.util.function.Consumer<Throwable> done) {
                if (text.contains("\"snapshot\"")) {
                    throw new StackOverflowError("deep send path");
                }
                super.send(text, done);
            }
        };
        Connection thrower = world.connect(faulty);
        world.receive(thrower, new ClientMessage.Join("t", "bad"));
        world.tick();
        healthy.peer().clear();
        victim.peer().clear();
        world.tick();
        world.tick();
        assertThat(healthy.peer().messages(ServerMessage.Snapshot.class)).hasSize(2);
        world.disconnect(thrower);
        world.tick();
        world.tick();
        assertThat(victim.peer().last(ServerMessage.PlayerLeft.class).id())
                .isEqualTo(faulty.last(ServerMessage.Welcome.class).id());
        assertThat(victim.peer().messages(ServerMessage.Snapshot.class)).isNotEmpty();
        assertThat(healthy.peer().messages(ServerMessage.Snapshot.class)).hasSize(4);
    }

    @Test
    void shutdownClosesEveryClientWithGoingAway() {
        Client a = arena.joined("a", "r");
        Client b = arena.connect();
        world.shutdown();
        assertThat(a.peer().closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
        assertThat(b.peer().closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
    }

    @Test
    void healthSaysWhetherTheTickRunsAndWhatRunsIt() {
        assertThat(world.health().ticking()).isFalse();
        world.tickedBy("plain");
        arena.joined("a", "r");
        Health h = world.health();
        assertThat(h.ticking()).isTrue();
        assertThat(h.tickExecutor()).isEqualTo("plain");
        assertThat(h.tickThread()).isEqualTo(Thread.currentThread().getName());
        assertThat(h.players()).isEqualTo(1);
        assertThat(h.rooms()).isEqualTo(1);
        assertThat(h.connections()).isEqualTo(1);
        clock.addAndGet(1001);
        assertThat(world.health().ticking()).as("no tick for over a second").isFalse();
        world.tick();
        assertThat(world.health().ticking()).isTrue();
    }

    @Test
    void aClientThatConnectsDuringShutdownIsClosedWithGoingAwayToo() {
        world.shutdown();
        Client late = arena.connect();
        assertThat(late.peer().closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
    }
}
