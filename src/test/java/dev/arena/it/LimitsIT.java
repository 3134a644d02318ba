package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.StalledClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The limits over real WebSockets on loopback, dev server only: each test starts a server with a test-only setting
 * (allowed origins, 3 connections per address, a 1.5 s idle timeout) and reads its {@code GameWorld}. The rate limit
 * at its default, and 403 for another origin, hold on every target: {@code it/scenario/BadInputScenarios} and
 * {@code EdgeScenarios}; 32 connections from one address on the app servers: {@code DeployedWarIT}.
 */
class LimitsIT {
    @Test
    void aPageFromAnotherOriginIsRefusedAtTheHandshakeWith403AndSameOriginAndListedOnesPlay() throws Exception {
        try (DevServer server = DevServer.startForTests(
                ArenaConfig.DEFAULT.withAllowedOrigins(List.of("https://play.example.com")))) {
            String own = "http://127.0.0.1:" + server.port();
            assertThatThrownBy(() -> new StalledClient(server.gameUri(), "http://evil.example"))
                    .isInstanceOfSatisfying(StalledClient.HandshakeRefused.class,
                            e -> assertThat(e.statusLine()).startsWith("HTTP/1.1 403"));
            assertThatThrownBy(() -> GameClient.connect(server.gameUri(), "http://evil.example"))
                    .isInstanceOf(jakarta.websocket.DeploymentException.class);
            for (String origin : new String[] {own, "https://play.example.com", null}) {
                try (GameClient ok = GameClient.connect(server.gameUri(), origin)) {
                    ok.send(new ClientMessage.Join("o", "r"));
                    assertThat(ok.await(ServerMessage.Welcome.class).room()).isEqualTo("r");
                }
            }
            try (StalledClient noOrigin = new StalledClient(server.gameUri())) {
                noOrigin.sendText("{\"type\":\"ping\",\"t\":1}");
                assertThat(noOrigin.nextText(3000)).startsWith("{\"type\":\"pong\"");
            }
            assertThat(server.world().stats().connectionCount()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        List<GameClient> clients = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(3))) {
            for (int i = 0; i < 3; i++) {
                clients.add(GameClient.join(server.gameUri(), "c" + i, "r"));
            }
            GameClient fourth = GameClient.connect(server.gameUri());
            clients.add(fourth);
            assertThat(fourth.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            clients.get(0).close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (server.world().stats().connectionCount() > 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            try (GameClient fifth = GameClient.join(server.gameUri(), "c4", "r")) {
                assertThat(fifth.welcome().players()).hasSize(3);
            }
        } finally {
            for (GameClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aPeerThatNeitherSendsNorAnswersPingsIsClosedAfterTheIdleTimeoutButAQuietClientIsNot() throws Exception {
        try (DevServer server = DevServer.startForTests(
                ArenaConfig.DEFAULT.withIdleTimeout(Duration.ofMillis(1500)));
                StalledClient vanished = new StalledClient(server.gameUri());
                GameClient quiet = GameClient.join(server.gameUri(), "quiet", "r")) {
            vanished.sendText("{\"type\":\"join\",\"room\":\"r\"}");
            // nothing more from either; the Tyrus client answers the server's pings, the raw socket does not
            assertThat(vanished.readUntilClose(10_000)).isEqualTo(CloseCodes.IDLE_TIMEOUT);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                quiet.await(ServerMessage.Snapshot.class);
            }
            assertThat(quiet.isOpen()).isTrue();
            assertThat(server.world().stats().closedWith(CloseCodes.IDLE_TIMEOUT)).isEqualTo(1);
        }
    }
}
