package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.party.Party;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import dev.arena.support.WorldHarness.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Reservations are resources (issue 12): rooms and seats, away ones included, count against the address that took
 * them, and code guesses against the address, not the connection. The default settings, fake peers, a hand-driven
 * tick and clock.
 */
class AddressQuotaTest {
    private final WorldHarness arena = new WorldHarness();
    private final AtomicLong clock = arena.clock();
    private final GameWorld world = arena.world();

    private Client join(String address, ClientMessage.Join join) {
        return arena.join(address, join);
    }

    private Client player(String address, String room) {
        return join(address, new ClientMessage.Join("p", room));
    }

    private Client controller(String address, String code) {
        return join(address, new ClientMessage.Join("p", code, null, "controller", null));
    }

    private void tickFor(Duration d) {
        arena.advance(d.toMillis(), 250);
    }

    @Test
    void oneAddressThatMakesRoomsAndDropsKeepsAtMostItsShareAndResumingDoesNotRaiseIt() {
        List<Client> held = new ArrayList<>();
        int made = 0;
        for (int i = 0; i < 1000; i++) {
            Client c = player("198.51.100.1", "hoard" + i);
            if (!c.welcomed()) {
                assertThat(c.lastError()).isEqualTo("too_many_rooms");
                world.disconnect(c.connection());
                continue;
            }
            made++;
            held.add(c);
            world.dropped(c.connection()); // TCP gone without a close: the player stays away, keeping its room
        }
        world.tick();
        assertThat(made).isEqualTo(ArenaConfig.DEFAULT.maxRoomsPerAddress());
        assertThat(world.stats().roomCount()).isEqualTo(16);
        assertThat(world.stats().awayCount()).isEqualTo(16);
        for (int round = 0; round < 3; round++) { // resume every token and drop again: nothing more is held
            for (Client c : held) {
                String room = c.peer().last(ServerMessage.Welcome.class).room();
                Client back = join("198.51.100.1", new ClientMessage.Join("p", room, c.welcome().token()));
                assertThat(back.peer().last(ServerMessage.Welcome.class).resumed()).isTrue();
                world.dropped(back.connection());
            }
            Client more = player("198.51.100.1", "more" + round);
            assertThat(more.lastError()).isEqualTo("too_many_rooms");
            world.disconnect(more.connection());
            tickFor(Duration.ofSeconds(5));
        }
        assertThat(world.stats().roomCount()).isEqualTo(16);
        assertThat(player("203.0.113.9", "newcomer").welcomed()).isTrue(); // another address is not affected
        tickFor(Duration.ofSeconds(16)); // grace over: the rooms go and the address may make rooms again
        assertThat(world.stats().roomCount()).isEqualTo(1);
        assertThat(world.quota().rooms("198.51.100.1")).isZero();
        assertThat(player("198.51.100.1", "again").welcomed()).isTrue();
    }

    @Test
    void anAddressMakesAtMostItsRoomsPerMinuteEvenWhenItLeavesEachAtOnce() {
        int made = 0;
        for (int i = 0; i < 100; i++) {
            Client c = player("198.51.100.2", "churn" + i);
            if (c.welcomed()) {
                made++;
            }
            world.disconnect(c.connection()); // leaves for good: the room goes at the next tick
            world.tick();
        }
        assertThat(made).isEqualTo(ArenaConfig.DEFAULT.roomsPerAddressPerMinute());
        assertThat(world.stats().roomCount()).isZero();
        tickFor(Duration.ofSeconds(4)); // the bucket refills: one room every 3 s
        assertThat(player("198.51.100.2", "later").welcomed()).isTrue();
    }

    @Test
    void tooManyRoomsIsStillReachedByHonestLoadFromManyAddresses() {
        GameWorld small = new GameWorld(ArenaConfig.DEFAULT.withMaxRooms(100), clock::get, new SplittableRandom(1));
        int made = 0;
        ServerMessage.Error refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            FakePeer peer = new FakePeer();
            Connection c = small.connect(peer, "10.0.0." + i / 10); // ten rooms per address: within its limits
            small.receive(c, new ClientMessage.Join("p", "room" + i));
            small.tick();
            if (peer.messages(ServerMessage.Welcome.class).isEmpty()) {
                refused = peer.last(ServerMessage.Error.class);
            } else {
                made++;
            }
        }
        assertThat(made).isEqualTo(100);
        assertThat(refused.code()).isEqualTo("too_many_rooms");
        assertThat(refused.message()).contains("the server has 100 rooms");
    }

    @Test
    void awaySeatsCountAgainstTheirAddressAndRoomFullIsStillReachedByHonestLoad() {
        List<Client> mine = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Client c = player("198.51.100.3", "big");
            assertThat(c.welcomed()).isTrue();
            mine.add(c);
            world.dropped(c.connection());
        }
        world.tick();
        Client extra = player("198.51.100.3", "big");
        assertThat(extra.lastError()).isEqualTo("too_many_seats");
        assertThat(join("198.51.100.3", new ClientMessage.Join("s", "big", null, "spectator", null)).lastError())
                .isEqualTo("too_many_seats");
        // the others fill the room: 64 away + 136 from five more addresses = 200, then room_full
        int joined = 0;
        for (int a = 0; a < 5; a++) {
            for (int i = 0; i < 30 && joined < 136; i++) {
                assertThat(player("192.0.2." + a, "big").welcomed()).isTrue();
                joined++;
            }
        }
        assertThat(world.stats().playerCount()).isEqualTo(200);
        assertThat(player("192.0.2.99", "big").lastError()).isEqualTo("room_full");
        tickFor(Duration.ofSeconds(16)); // the away players leave: their seats come back
        assertThat(world.quota().seats("198.51.100.3")).isZero();
        assertThat(player("198.51.100.3", "big").welcomed()).isTrue();
    }

    @Test
    void reconnectingDoesNotResetTheCodeGuessBudgetAndTheWaitGrows() {
        int misses = 0;
        for (int i = 0; i < AddressQuota.FREE_MISSES; i++) { // each on a new connection
            assertThat(controller("198.51.100.4", "BBBB" + "BCDFGHJKMN".charAt(i)).lastError())
                    .isEqualTo("unknown_room");
            misses++;
        }
        assertThat(controller("198.51.100.4", "CCCCC").lastError()).isEqualTo("unknown_room"); // 11th: 1 s wait
        Client waiting = controller("198.51.100.4", "CCCCD");
        assertThat(waiting.lastError()).isEqualTo("too_many_guesses");
        assertThat(waiting.peer().last(ServerMessage.Error.class).message()).contains("try again in 1 s");
        assertThat(controller("203.0.113.5", "CCCCD").lastError()).as("another address").isEqualTo("unknown_room");
        Client screen = join("203.0.113.5", new ClientMessage.Join(null, null, null, "screen", null));
        String live = screen.peer().last(ServerMessage.Welcome.class).room();
        assertThat(controller("198.51.100.4", live).lastError()).as("even a right code waits")
                .isEqualTo("too_many_guesses");
        // a player naming a code is a lookup too: it cannot walk the codes by making rooms
        assertThat(player("198.51.100.4", "DDDDD").lastError()).isEqualTo("too_many_guesses");
        clock.addAndGet(1000);
        assertThat(controller("198.51.100.4", live).welcomed()).isTrue(); // a hit costs nothing
    }

    @Test
    void walkingTheCodesFromOneAddressFindsAtMostOneCodeEveryTwoMinutes() {
        long start = clock.get();
        int lookups = 0;
        for (int i = 0; i < 100_000 && clock.get() - start < Duration.ofHours(2).toMillis(); i++) {
            Client c = controller("198.51.100.5", Party.newCode(new SplittableRandom(i)));
            if ("unknown_room".equals(c.lastError())) {
                lookups++;
            }
            world.disconnect(c.connection());
            clock.addAndGet(200); // a new connection every 200 ms, whatever the answer
            if (i % 20 == 0) {
                world.tick();
            }
        }
        double perSecond = lookups / ((clock.get() - start) / 1000.0);
        System.out.printf("code walking: %d lookups in 2 h from one address (%.4f a second)%n", lookups, perSecond);
        // free misses, then 1+2+...+64 s, then one every 120 s: 10 + 7 + 55 = 72 in 2 h
        assertThat(lookups).isLessThanOrEqualTo(80);
        assertThat(perSecond).isLessThan(0.012);
    }

    @Test
    void addressesThatHoldAndOweNothingAreForgotten() {
        for (int i = 0; i < 200; i++) {
            Client c = player("10.1.0." + i, "r" + (i % 7));
            controller("10.1.0." + i, "BBBBB");
            world.disconnect(c.connection());
        }
        world.tick();
        assertThat(world.quota().addresses()).isEqualTo(200);
        tickFor(Duration.ofMinutes(3));
        assertThat(world.quota().addresses()).isZero();
        assertThat(world.stats().roomCount()).isZero();
    }
}
