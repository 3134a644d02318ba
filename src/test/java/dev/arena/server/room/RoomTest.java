package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Rules;
import dev.arena.game.World;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A room whose world fails on demand: one player's failing event is contained. */
class RoomTest {
    /** Random numbers for the world, failing while {@link #broken} is set (as a bug in the rules would). */
    private static final class FlakyRandom implements RandomGenerator {
        private final SplittableRandom random = new SplittableRandom(7);
        boolean broken;

        @Override
        public long nextLong() {
            if (broken) {
                throw new IllegalStateException("injected fault");
            }
            return random.nextLong();
        }
    }

    private record Kick(Connection connection, int code) {}

    private final FlakyRandom random = new FlakyRandom();
    private final List<Kick> kicks = new ArrayList<>();
    private final Room room = new Room("r", new World(Rules.DEFAULT, random),
            RoomSettings.of(Rules.DEFAULT, 10, 15_000, 0), new Codec(), WorldHarness.roomHost((c, code, reason) -> {
                kicks.add(new Kick(c, code));
                c.outbox().close(code, reason);
            }));

    private Connection join(FakePeer peer, String name) {
        return Rooms.join(room, peer, name);
    }

    @Test
    void anEventThatThrowsClosesOnlyItsConnectionWithInternalErrorAndTheRoomGoesOn() {
        FakePeer ada = new FakePeer();
        join(ada, "Ada");
        room.tick(0);
        random.broken = true;
        FakePeer bob = new FakePeer();
        Connection bobs = join(bob, "Bob");
        FakePeer cat = new FakePeer();
        room.tick(50); // Bob's join throws inside the rules
        random.broken = false;
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
    }
}
