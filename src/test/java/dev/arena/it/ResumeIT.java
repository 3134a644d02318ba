package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.StalledClient;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Resume over real WebSockets, dev server only: expiry (a test-only grace of 1.5 s) and a server restart (the test
 * starts and stops the servers). A reloading page and two connections with one token hold on every target:
 * {@code it/scenario/ResumeScenarios}.
 */
class ResumeIT {
    private static final Codec CODEC = new Codec();

    private static ArenaConfig grace(Duration d) {
        return ArenaConfig.DEFAULT.withResumeGrace(d);
    }

    /**
     * From the first snapshot that shows {@code id} on, for a while: no playerLeft for {@code id} arrives at
     * {@code observer}, and every snapshot still shows it.
     */
    private static void neverSeesLeave(GameClient observer, int id, Duration during) throws Exception {
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
    void aDroppedSocketIsResumedAndAnExpiredOneLeavesForReal() throws Exception {
        try (DevServer server = DevServer.startForTests(grace(Duration.ofMillis(1500)));
                GameClient ada = GameClient.join(server.gameUri(), "Ada", "r")) {
            ServerMessage.Welcome first;
            try (StalledClient raw = new StalledClient(server.gameUri())) {
                raw.sendText("{\"type\":\"join\",\"name\":\"Cy\",\"room\":\"r\"}");
                first = (ServerMessage.Welcome) CODEC.decodeServerMessage(raw.nextText(3000));
            } // the socket is cut without a close frame: 1006
            neverSeesLeave(ada, first.id(), Duration.ofMillis(500));
            GameClient back = GameClient.resume(server.gameUri(), "Cy", "r", first.token());
            assertThat(back.welcome().resumed()).isTrue();
            assertThat(back.id()).isEqualTo(first.id());
            back.close(CloseReason.CloseCodes.GOING_AWAY);
            // not back within 1.5 s: the player leaves for real, and its token makes a new player
            assertThat(ada.await(ServerMessage.PlayerLeft.class, l -> true, Duration.ofSeconds(5)).id())
                    .isEqualTo(first.id());
            try (GameClient late = GameClient.resume(server.gameUri(), "Cy", "r", first.token())) {
                assertThat(late.welcome().resumed()).isFalse();
                assertThat(late.id()).isNotEqualTo(first.id());
            }
        }
    }

    @Test
    void afterARestartTheServerNoLongerKnowsTheTokenAndTheJoinMakesAFreshPlayerInTheSameRoom() throws Exception {
        String token;
        try (DevServer before = DevServer.startForTests(ArenaConfig.DEFAULT);
                GameClient eve = GameClient.join(before.gameUri(), "Eve", "r")) {
            token = eve.welcome().token();
        }
        try (DevServer after = DevServer.startForTests(ArenaConfig.DEFAULT);
                GameClient eve = GameClient.resume(after.gameUri(), "Eve", "r", token)) {
            assertThat(eve.welcome().resumed()).isFalse();
            assertThat(eve.welcome().room()).isEqualTo("r");
            assertThat(eve.welcome().players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("Eve");
            assertThat(eve.welcome().token()).isNotEqualTo(token);
        }
    }
}
