package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import dev.arena.support.WorldHarness.Client;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Resume tokens and the grace period, with fake peers, a fake clock and a hand-driven tick. */
class ResumeTest {
    private final WorldHarness arena = new WorldHarness(ArenaConfig.DEFAULT.withResumeGrace(Duration.ofSeconds(15)));
    private final AtomicLong clock = arena.clock();
    private final GameWorld world = arena.world();

    private Client join(String name, String room, String token) {
        return arena.join(new ClientMessage.Join(name, room, token));
    }

    @Test
    void welcomeCarriesAnUnguessableTokenThatIsNewForEveryPlayer() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ServerMessage.Welcome w = join("p" + i, "r", null).welcome();
            assertThat(w.resumed()).isFalse();
            assertThat(w.token()).matches("[A-Za-z0-9_-]{22}"); // 16 random bytes, base64url: 128 bits
            tokens.add(w.token());
        }
        assertThat(tokens).hasSize(50);
    }

    @Test
    void aConnectionThatBrokeTheProtocolOrFailedIsNotKeptForResume() {
        Client ada = join("Ada", "r", null);
        Client binary = join("Binary", "r", null);
        Client failing = join("Failing", "r", null);
        Client broken = join("Broken", "r", null);
        world.unsupported(binary.connection()); // a binary frame: 1003 once the client is quiet
        world.failed(failing.connection()); // an unexpected error on its connection: 1011
        world.closed(broken.connection(), 1007); // the container refused its text (not UTF-8)
        arena.advance(Duration.ofSeconds(3));
        assertThat(binary.peer().closeCode()).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
        assertThat(failing.peer().closeCode()).isEqualTo(CloseCodes.INTERNAL_ERROR);
        assertThat(world.stats().awayCount()).isZero();
        assertThat(ada.peer().messages(ServerMessage.PlayerLeft.class)).extracting(ServerMessage.PlayerLeft::id)
                .containsExactlyInAnyOrder(binary.welcome().id(), failing.welcome().id(), broken.welcome().id());
        assertThat(join("again", "r", failing.welcome().token()).welcome().resumed()).isFalse();
    }

    @Test
    void aDroppedPlayerComesBackWithItsTokenAsItWasAndTheOthersNeverSeeItLeave() {
        Client ada = join("Ada", "r", null);
        Client bob = join("Bob", "r", null);
        world.receive(bob.connection(), new ClientMessage.Input(5L, 1, 0));
        world.tick();
        ServerMessage.Welcome first = bob.welcome();
        world.dropped(bob.connection());
        arena.advance(Duration.ofSeconds(10));
        ServerMessage.PlayerPosition away = position(ada, first.id());
        arena.advance(Duration.ofSeconds(2));
        assertThat(position(ada, first.id())).as("an away player stands still").isEqualTo(away);

        Client back = join("ignored", "r", first.token());
        ServerMessage.Welcome again = back.welcome();
        assertThat(again.resumed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.room()).isEqualTo("r");
        ServerMessage.PlayerInfo me = again.players().stream().filter(p -> p.id() == first.id()).findFirst()
                .orElseThrow();
        ServerMessage.PlayerInfo before = first.players().stream().filter(p -> p.id() == first.id()).findFirst()
                .orElseThrow();
        assertThat(me.name()).isEqualTo("Bob");
        assertThat(me.color()).isEqualTo(before.color());
        assertThat(me.x()).isEqualTo(away.x());
        assertThat(me.y()).isEqualTo(away.y());
        assertThat(ada.peer().messages(ServerMessage.PlayerLeft.class)).isEmpty();
        assertThat(ada.peer().messages(ServerMessage.PlayerJoined.class)).hasSize(1); // Bob's first join only
        assertThat(world.stats().playerCount()).isEqualTo(2);
        assertThat(world.stats().awayCount()).isZero();

        // the new connection numbers its inputs afresh: seq 1 is applied although 5 was before
        world.receive(back.connection(), new ClientMessage.Input(1L, 0, 1));
        world.tick();
        assertThat(position(ada, first.id()).seq()).isEqualTo(1);
        assertThat(position(ada, first.id()).y()).isGreaterThan(away.y());
    }

    @Test
    void afterTheGracePeriodThePlayerLeavesForRealAndItsTokenIsWorthNothing() {
        Client ada = join("Ada", "r", null);
        Client bob = join("Bob", "r", null);
        ServerMessage.Welcome first = bob.welcome();
        world.dropped(bob.connection());
        arena.advance(Duration.ofMillis(14_900));
        assertThat(ada.peer().messages(ServerMessage.PlayerLeft.class)).isEmpty();
        assertThat(world.stats().awayCount()).isEqualTo(1);
        arena.advance(Duration.ofMillis(200));
        assertThat(ada.peer().last(ServerMessage.PlayerLeft.class).id()).isEqualTo(first.id());
        assertThat(world.stats().awayCount()).isZero();

        ServerMessage.Welcome fresh = join("Bob", "r", first.token()).welcome();
        assertThat(fresh.resumed()).isFalse();
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(fresh.token()).isNotEqualTo(first.token());
    }

    @Test
    void theGracePeriodCountsFromTheDropNotFromTheTickThatNoticesIt() {
        Client ada = join("Ada", "r", null);
        Client bob = join("Bob", "r", null);
        world.dropped(bob.connection());
        clock.addAndGet(15_000);
        world.tick();
        assertThat(ada.peer().last(ServerMessage.PlayerLeft.class).id()).isEqualTo(bob.welcome().id());
    }

    @Test
    void aCleanCloseLeavesAtOnce() {
        Client ada = join("Ada", "r", null);
        Client bob = join("Bob", "r", null);
        world.disconnect(bob.connection());
        world.tick();
        assertThat(ada.peer().last(ServerMessage.PlayerLeft.class).id()).isEqualTo(bob.welcome().id());
        assertThat(join("Bob", "r", bob.welcome().token()).welcome().resumed()).isFalse();
    }

    @Test
    void theNewerConnectionWinsAndTheOlderIsClosedWithReplaced() {
        Client ada = join("Ada", "r", null);
        Client bob = join("Bob", "r", null);
        Client twin = join("Bob", "r", bob.welcome().token()); // bob's connection is still open
        assertThat(twin.welcome().resumed()).isTrue();
        assertThat(twin.welcome().id()).isEqualTo(bob.welcome().id());
        assertThat(bob.peer().closeCode()).isEqualTo(CloseCodes.REPLACED);
        assertThat(world.stats().connectionCount()).isEqualTo(2);
        world.dropped(bob.connection()); // the container reports the close of the old one: no effect
        world.receive(bob.connection(), new ClientMessage.Input(9L, 1, 0)); // late input of the old one: ignored
        world.tick();
        world.tick();
        assertThat(ada.peer().messages(ServerMessage.PlayerLeft.class)).isEmpty();
        assertThat(position(ada, bob.welcome().id()).seq()).isZero();
        assertThat(world.stats().awayCount()).isZero();
    }

    @Test
    void aTokenResumesOnlyInItsOwnRoom() {
        Client bob = join("Bob", "r", null);
        world.dropped(bob.connection());
        world.tick();
        ServerMessage.Welcome elsewhere = join("Bob", "other", bob.welcome().token()).welcome();
        assertThat(elsewhere.resumed()).isFalse();
        assertThat(elsewhere.room()).isEqualTo("other");
        assertThat(world.stats().playerCount()).isEqualTo(2); // the away Bob in "r" until its grace ends
    }

    @Test
    void resumingIntoAFullRoomWorksBecauseThePlayerNeverLeft() {
        GameWorld small = new GameWorld(ArenaConfig.DEFAULT.withMaxPlayersPerRoom(1), clock::get,
                new SplittableRandom(2));
        FakePeer p1 = new FakePeer();
        Connection c1 = small.connect(p1);
        small.receive(c1, new ClientMessage.Join("a", "r"));
        small.tick();
        String token = p1.last(ServerMessage.Welcome.class).token();
        small.dropped(c1);
        small.tick();
        FakePeer other = new FakePeer();
        small.receive(small.connect(other), new ClientMessage.Join("b", "r"));
        FakePeer p2 = new FakePeer();
        small.receive(small.connect(p2), new ClientMessage.Join("a", "r", token));
        small.tick();
        assertThat(other.last(ServerMessage.Error.class).code()).isEqualTo("room_full");
        assertThat(p2.last(ServerMessage.Welcome.class).resumed()).isTrue();
    }

    @Test
    void withNoGracePeriodADroppedPlayerLeavesAtOnce() {
        GameWorld strict = new GameWorld(ArenaConfig.DEFAULT.withResumeGrace(Duration.ZERO), clock::get,
                new SplittableRandom(3));
        FakePeer p = new FakePeer();
        Connection c = strict.connect(p);
        strict.receive(c, new ClientMessage.Join("a", "r"));
        strict.tick();
        strict.dropped(c);
        strict.tick();
        assertThat(strict.stats().playerCount()).isZero();
        assertThat(strict.stats().roomCount()).isZero();
    }

    private static ServerMessage.PlayerPosition position(Client observer, int id) {
        return observer.peer().last(ServerMessage.Snapshot.class).players().stream().filter(p -> p.id() == id)
                .findFirst().orElseThrow();
    }
}
