package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.support.GameClient;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Resume with the default grace (arena.resumeGraceSeconds 15): a reloading page, and two connections with one token. */
public interface ResumeScenarios extends OnTarget {
    /**
     * From the first snapshot that shows {@code id} on, for a while: no playerLeft for {@code id} arrives at
     * {@code observer}, and every snapshot still shows it.
     */
    static void neverSeesLeave(GameClient observer, int id, Duration during) throws Exception {
        observer.await(ServerMessage.Snapshot.class, s -> s.players().stream().anyMatch(p -> p.id() == id),
                Duration.ofSeconds(3));
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            ServerMessage m = observer.await(ServerMessage.class);
            if (m instanceof ServerMessage.PlayerLeft left) {
                assertThat(left.id()).as("playerLeft").isNotEqualTo(id);
            } else if (m instanceof ServerMessage.Snapshot s) {
                assertThat(s.players()).extracting(ServerMessage.PlayerPosition::id).contains(id);
            }
        }
    }

    @Test
    default void aReloadingPageGetsItsPlayerBackAndTheOthersNeverSeeItLeave() throws Exception {
        String room = room("reload");
        try (GameClient ada = GameClient.join(target().game(), "Ada", room)) {
            GameClient bob = GameClient.join(target().game(), "Bob", room);
            ServerMessage.Welcome first = bob.welcome();
            assertThat(first.resumed()).isFalse();
            bob.close(CloseReason.CloseCodes.GOING_AWAY); // what a browser sends when the page reloads
            neverSeesLeave(ada, first.id(), Duration.ofMillis(500));
            try (GameClient again = GameClient.resume(target().game(), "whatever", room, first.token())) {
                assertThat(again.welcome().resumed()).isTrue();
                assertThat(again.id()).isEqualTo(first.id());
                assertThat(again.welcome().players()).filteredOn(p -> p.id() == first.id())
                        .extracting(ServerMessage.PlayerInfo::name).containsExactly("Bob");
                again.hold(1, 0);
                again.await(ServerMessage.Snapshot.class, s -> s.players().stream()
                        .anyMatch(p -> p.id() == first.id() && p.seq() == 1), Duration.ofSeconds(3));
                neverSeesLeave(ada, first.id(), Duration.ofMillis(300));
            }
            // a clean close is a deliberate leave: at once
            assertThat(ada.await(ServerMessage.PlayerLeft.class).id()).isEqualTo(first.id());
        }
    }

    @Test
    default void theNewerOfTwoConnectionsWithOneTokenWinsAndTheOlderIsClosedWithReplaced() throws Exception {
        String room = room("twin");
        try (GameClient tab = GameClient.join(target().game(), "Dee", room);
                GameClient twin = GameClient.resume(target().game(), "Dee", room, tab.welcome().token())) {
            assertThat(twin.welcome().resumed()).isTrue();
            assertThat(twin.id()).isEqualTo(tab.id());
            assertThat(tab.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode()).isEqualTo(CloseCodes.REPLACED);
            // one player, not two: the room's snapshots show it once
            assertThat(twin.await(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                    .containsExactly(twin.id());
        }
    }
}
