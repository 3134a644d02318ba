package dev.arena.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ErrorCode;
import dev.arena.protocol.ProtocolException;
import dev.arena.server.ArenaConfig;
import dev.arena.server.GameWorld;
import dev.arena.server.connection.Connection;
import dev.arena.support.FakePeer;
import dev.arena.support.WorldHarness;
import org.junit.jupiter.api.Test;

/**
 * The server's metrics as Prometheus text ({@link PrometheusText}): names, labels and types as {@code /metrics} has
 * always served them, driven through GameWorld with fake peers and a fake clock.
 */
class PrometheusTextTest {
    private final GameWorld world = new WorldHarness(ArenaConfig.DEFAULT.withMaxPlayersPerRoom(2)).world();

    /** Sends a join and leaves the tick to the test (it counts them). */
    private Connection joined(FakePeer peer, String name, String room) {
        Connection c = world.connect(peer);
        world.receive(c, new ClientMessage.Join(name, room));
        return c;
    }

    private String scrape() {
        return PrometheusText.of(world.metrics().registry());
    }

    @Test
    void totalsAndPerRoomFiguresErrorsAndClosesByCode() {
        FakePeer a = new FakePeer();
        FakePeer b = new FakePeer();
        FakePeer c = new FakePeer();
        Connection ca = joined(a, "a", "red");
        joined(b, "b", "red");
        joined(c, "c", "blue");
        world.tick();
        world.receive(ca, new ClientMessage.Input(1L, 1, 0));
        world.reject(ca, new ProtocolException(ErrorCode.INVALID_FIELD, "bad"));
        world.tick();
        world.tick();
        String text = scrape();
        assertThat(text)
                .contains("arena_players 3.0")
                .contains("arena_rooms 2.0")
                .contains("arena_connections 3.0")
                .contains("arena_room_players{room=\"red\"} 2.0")
                .contains("arena_room_players{room=\"blue\"} 1.0")
                .contains("arena_tick_seconds_count 3")
                .contains("arena_room_tick_seconds_count{room=\"red\"} 3")
                .contains("arena_tick_seconds_bucket{le=\"+Inf\"} 3")
                .contains("arena_messages_received_total 4.0") // three joins and one input
                .contains("arena_room_messages_received_total{room=\"red\"} 3.0")
                .contains("arena_errors_total{code=\"invalid_field\"} 1.0")
                .containsPattern("arena_snapshot_bytes_total [1-9]")
                .containsPattern("arena_room_snapshot_bytes_total\\{room=\"red\"} [1-9]")
                .contains("jvm_memory_used_bytes");
        // snapshots: 3 ticks to a, b and c; control: welcomes, one playerJoined, one error
        assertThat(text).contains("arena_messages_sent_total 14.0");
    }

    @Test
    void aFullRoomCountsItsErrorAndARoomsMetersGoWithIt() {
        joined(new FakePeer(), "a", "small");
        joined(new FakePeer(), "b", "small");
        FakePeer late = new FakePeer();
        Connection third = joined(late, "c", "small");
        world.tick();
        assertThat(scrape()).contains("arena_errors_total{code=\"room_full\"} 1.0");

        world.closed(third, 1000);
        FakePeer solo = new FakePeer();
        Connection gone = joined(solo, "solo", "short-lived");
        world.tick();
        assertThat(scrape()).contains("room=\"short-lived\"");
        world.closed(gone, 1000);
        world.tick();
        world.tick();
        assertThat(scrape()).doesNotContain("room=\"short-lived\"").contains("room=\"small\"");
    }

    @Test
    void closesByTheServerAreCountedByCode() {
        FakePeer flooder = new FakePeer();
        Connection c = joined(flooder, "f", "r");
        for (int i = 0; i < CloseCodes.MAX_CONSECUTIVE_ERRORS; i++) {
            world.reject(c, new ProtocolException(ErrorCode.MALFORMED_JSON, "no"));
        }
        assertThat(scrape()).contains("arena_closes_total{code=\"4000\"} 1.0");
    }
}
