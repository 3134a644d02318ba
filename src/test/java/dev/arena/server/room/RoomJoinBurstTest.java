package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Input;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.connection.Connection;
import dev.arena.server.connection.Outbox;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A burst of joins landing in one tick (a reconnect storm): a tick takes {@link Room#MAX_JOINS_PER_TICK} of them, in
 * order, so no member gets more {@code playerJoined} at once than its outbox holds.
 */
class RoomJoinBurstTest {
    private static final int BURST = 300; // more than Outbox.MAX_PENDING_CONTROL
    private final Room room = new Room("r", new World(Rules.DEFAULT, 5),
            RoomSettings.of(Rules.DEFAULT, 1000, 15_000, 0), new Codec(),
            WorldHarness.roomHost((c, code, reason) -> c.outbox().close(code, reason)));

    private Connection join(FakePeer peer, String name) {
        return Rooms.join(room, peer, name);
    }

    @Test
    void aBurstBiggerThanAnOutboxJoinsOverSeveralTicksInOrderAndClosesNobody() {
        assertThat(BURST).isGreaterThan(Outbox.MAX_PENDING_CONTROL);
        FakePeer early = new FakePeer();
        join(early, "early");
        room.tick(0);
        early.holdSends(); // within a tick nothing drains: what one tick queues must fit
        List<FakePeer> burst = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            FakePeer p = new FakePeer();
            burst.add(p);
            connections.add(join(p, "p" + i));
        }
        Connection last = connections.get(BURST - 1);
        room.steer(last, 1, new Input(1, 0)); // behind its own join in the inbox: it must not overtake it

        room.tick(50);
        assertThat(room.playerCount()).isEqualTo(1 + Room.MAX_JOINS_PER_TICK);
        assertThat(early.closeCode()).as("the early member, its sends held for a tick").isEqualTo(-1);
        early.release();
        int ticks = 1;
        while (room.playerCount() < 1 + BURST && ticks < 100) {
            room.tick(50 + 50L * ++ticks);
        }
        assertThat(room.playerCount()).isEqualTo(1 + BURST);
        assertThat(ticks).isEqualTo((BURST + Room.MAX_JOINS_PER_TICK - 1) / Room.MAX_JOINS_PER_TICK);
        assertThat(early.closeCode()).isEqualTo(-1);
        assertThat(early.messages(ServerMessage.PlayerJoined.class)).hasSize(BURST);
        for (int i = 0; i < BURST; i++) {
            FakePeer p = burst.get(i);
            assertThat(p.closeCode()).isEqualTo(-1);
            assertThat(p.messages(ServerMessage.Welcome.class)).hasSize(1);
            assertThat(p.messages(ServerMessage.PlayerJoined.class)).as("p%d hears of everyone after it", i)
                    .hasSize(BURST - 1 - i);
        }
        int lastId = burst.get(BURST - 1).last(ServerMessage.Welcome.class).id();
        room.tick(5_000);
        ServerMessage.Snapshot s = burst.get(0).last(ServerMessage.Snapshot.class);
        assertThat(s.players()).filteredOn(p -> p.id() == lastId).singleElement()
                .satisfies(p -> assertThat(p.seq()).as("its input, applied after its join").isEqualTo(1));
    }
}
