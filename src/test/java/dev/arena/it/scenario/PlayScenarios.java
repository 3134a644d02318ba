package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.support.DeflateOffer;
import dev.arena.support.GameClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playing: rooms, moves, leaves, the tick rate, binary inputs, and no compression (the real endpoint, real clients). */
public interface PlayScenarios extends OnTarget {
    @Test
    default void twoPlayersInOneRoomSeeEachOtherAndInputMovesAPlayer() throws Exception {
        String room = room("two");
        try (GameClient ada = GameClient.join(target().game(), "Ada", room);
                GameClient bob = GameClient.join(target().game(), "Bob", room)) {
            assertThat(ada.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
            assertThat(bob.welcome().players()).extracting(ServerMessage.PlayerInfo::name).contains("Ada", "Bob");
            ServerMessage.Snapshot seenByAda = ada.await(ServerMessage.Snapshot.class, s -> s.players().size() == 2,
                    Duration.ofSeconds(3));
            assertThat(seenByAda.players()).extracting(ServerMessage.PlayerPosition::id)
                    .containsExactlyInAnyOrder(ada.id(), bob.id());
            ServerMessage.PlayerInfo start = bob.welcome().players().stream()
                    .filter(p -> p.id() == bob.id()).findFirst().orElseThrow();
            long seq = bob.hold(start.x() > bob.welcome().width() / 2.0 ? -1 : 1, 0);
            ServerMessage.Snapshot moved = ada.await(ServerMessage.Snapshot.class, s -> s.players().stream()
                    .anyMatch(p -> p.id() == bob.id() && p.seq() == seq && p.x() != start.x()), Duration.ofSeconds(5));
            assertThat(moved.players()).hasSize(2);
        }
    }

    @Test
    default void twoRoomsAreIsolated() throws Exception {
        try (GameClient a = GameClient.join(target().game(), "a", room("isolated"));
                GameClient b = GameClient.join(target().game(), "b", room("isolated"))) {
            a.hold(1, 0);
            for (int i = 0; i < 5; i++) {
                assertThat(a.await(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                        .containsExactly(a.id());
                assertThat(b.await(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                        .containsExactly(b.id());
            }
        }
    }

    @Test
    default void disconnectRemovesThePlayerForTheOthers() throws Exception {
        String room = room("leave");
        try (GameClient stays = GameClient.join(target().game(), "stays", room)) {
            GameClient goes = GameClient.join(target().game(), "goes", room);
            stays.await(ServerMessage.Snapshot.class, s -> s.players().size() == 2, Duration.ofSeconds(3));
            goes.close();
            assertThat(stays.await(ServerMessage.PlayerLeft.class).id()).isEqualTo(goes.id());
            stays.await(ServerMessage.Snapshot.class, s -> s.players().size() == 1, Duration.ofSeconds(3));
        }
    }

    /**
     * The rate on the server's clock (each snapshot's time): how late a frame reached this client on a busy machine
     * does not count. A tick that ends late skips the due times it missed (never runs them back to back) and counts
     * them in {@code arena_tick_missed_total}: ticks run plus ticks missed keep the rate, whatever else runs here.
     */
    @Test
    default void snapshotsArriveAtTheTickRate() throws Exception {
        try (GameClient c = GameClient.join(target().game(), "counter", room("rate"))) {
            int tickRate = c.welcome().tickRate();
            // a freshly deployed WAR settles first (JIT, class loading); the dev server has run since the build
            long settleNanos = target().isDev() ? 0 : 1_000_000_000L;
            long windowNanos = target().isDev() ? 2_000_000_000L : 3_000_000_000L;
            long settle = System.nanoTime();
            while (System.nanoTime() - settle < settleNanos) {
                c.await(ServerMessage.Snapshot.class);
            }
            double missedBefore = target().metric("arena_tick_missed_total");
            ServerMessage.Snapshot first = c.await(ServerMessage.Snapshot.class);
            long start = System.nanoTime();
            ServerMessage.Snapshot last = first;
            int received = 0;
            while (System.nanoTime() - start < windowNanos) {
                ServerMessage.Snapshot s = c.await(ServerMessage.Snapshot.class);
                assertThat(s.tick()).as("ticks only go forward").isGreaterThan(last.tick());
                last = s;
                received++;
            }
            double seconds = (last.time() - first.time()) / 1e3;
            long ticks = last.tick() - first.tick();
            double missed = target().metric("arena_tick_missed_total") - missedBefore;
            assertThat((ticks + missed) / seconds).as("ticks per second, %.0f missed", missed)
                    .isBetween(tickRate * 0.9, tickRate * 1.1);
            assertThat(ticks / seconds).as("ticks per second").isLessThanOrEqualTo(tickRate * 1.1);
            assertThat(received).as("snapshots received of " + ticks + " ticks").isGreaterThanOrEqualTo((int) (ticks * 0.9));
        }
    }

    /** Compression is refused on every target alike (Tomcat would negotiate it): docs/benchmarks.md, "Compression". */
    @Test
    default void permessageDeflateOfferedAsByABrowserIsNotNegotiated() throws Exception {
        List<String> response = DeflateOffer.offerDeflate(target().game());
        assertThat(response.get(0)).as(response.toString()).startsWith("HTTP/1.1 101"); // Tomcat sends no reason phrase
        assertThat(DeflateOffer.extensions(response)).as(response.toString()).noneMatch(e -> e.contains("deflate"));
    }

    /**
     * Binary inputs on the compact subprotocol (docs/protocol.md): a malformed one is answered with invalid_field and
     * the connection stays open; a valid one moves the player (its seq comes back as the own entry's ack).
     */
    @Test
    default void binaryInputsOnTheCompactSubprotocol() throws Exception {
        try (GameScenarios.Socket ws = new GameScenarios.Socket(target().game(), true)) {
            assertThat(ws.ws.getSubprotocol()).isEqualTo(SnapshotFormat.SUBPROTOCOL);
            ws.send("{\"type\":\"join\",\"name\":\"Bin\",\"room\":\"" + room("binary") + "\"}");
            assertThat(ws.nextJson("welcome").toString()).contains("\"name\":\"Bin\"");
            ws.send(new byte[] {2, 1, 9}); // direction code 9
            assertThat(ws.nextJson("error").toString()).contains("invalid_field")
                    .contains("direction code must be 0..8");
            ByteBuffer input = SnapshotFormat.encodeInput(5, 1, 0);
            byte[] bytes = new byte[input.remaining()];
            input.get(bytes);
            ws.send(bytes);
            Object acked = ws.next(f -> f instanceof ByteBuffer b && SnapshotFormat.header(b.duplicate()).ack() == 5,
                    "a snapshot with the ack of the binary input");
            assertThat(SnapshotFormat.header(((ByteBuffer) acked).duplicate()).ack()).isEqualTo(5);
        }
    }
}
