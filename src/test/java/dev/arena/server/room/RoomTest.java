package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.AddressQuota;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.MessageRate;
import dev.arena.server.connection.Outbox;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A room whose join fails on demand: one player's failing event is contained. */
class RoomTest {
    private static final String ADDRESS = "192.0.2.7";
    private final AtomicBoolean broken = new AtomicBoolean();
    private final AtomicLong tokens = new AtomicLong();
    private final AddressQuota quota = new AddressQuota(0, 0, 10, () -> 0L);

    private record Kick(Connection connection, int code) {}

    private final List<Kick> kicks = new ArrayList<>();
    private final Room room = new Room("r", new World(Rules.DEFAULT, 7),
            RoomSettings.of(Rules.DEFAULT, 10, 15_000, 0), new Codec(), withTokens(WorldHarness.roomHost((c, code, r) -> {
                kicks.add(new Kick(c, code));
                c.outbox().close(code, r);
            })));

    /** The host, with resume tokens that fail while {@link #broken} is set (as a bug in a join would). */
    private RoomHost withTokens(RoomHost h) {
        return new RoomHost(h.kicker(), () -> {
            if (broken.get()) {
                throw new IllegalStateException("injected fault");
            }
            return "token-" + tokens.incrementAndGet() + "-xxxxxxxxxxxxxxxx";
        }, h.metrics(), quota, h.senders());
    }

    /** {@code peer} joins from one address (so the room's seats count against it). */
    private Connection join(FakePeer peer, String name) {
        Connection c = new Connection(new Outbox(peer, () -> 0), new MessageRate(10, 10, 0), ADDRESS, 0);
        c.startJoining(room);
        room.enqueue(new Room.Join(c, name, null));
        return c;
    }

    @Test
    void anEventThatThrowsClosesOnlyItsConnectionWithInternalErrorAndTheRoomGoesOn() {
        FakePeer ada = new FakePeer();
        join(ada, "Ada");
        room.tick(0);
        broken.set(true);
        FakePeer bob = new FakePeer();
        Connection bobs = join(bob, "Bob");
        FakePeer cat = new FakePeer();
        room.tick(50); // Bob's join throws
        broken.set(false);
        Connection cats = join(cat, "Cat");
        room.tick(100);
        room.tick(150);
        assertThat(kicks).containsExactly(new Kick(bobs, CloseCodes.INTERNAL_ERROR));
        assertThat(bob.closeCode()).isEqualTo(CloseCodes.INTERNAL_ERROR);
        assertThat(cats.player()).isNotNull();
        assertThat(ada.messages(ServerMessage.Snapshot.class)).hasSize(4);
        assertThat(ada.last(ServerMessage.Snapshot.class).players()).hasSize(2);
        assertThat(ada.last(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Cat");
        assertThat(room.playerCount()).isEqualTo(2);
        assertThat(quota.seats(ADDRESS)).as("Bob's failed join holds no seat of the address").isEqualTo(2);
    }
}
