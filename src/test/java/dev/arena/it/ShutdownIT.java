package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.CloseCodes;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stopping the dev server closes every client with 1001. Dev server only: the test stops the server; the WAR's
 * counterpart is an undeploy ({@code RedeployIT}, WildFly and Tomcat).
 */
class ShutdownIT {
    @Test
    void stoppingTheServerClosesEveryClientWithGoingAway() throws Exception {
        DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT);
        try (GameClient player = GameClient.join(server.gameUri(), "p", "r");
                GameClient idle = GameClient.connect(server.gameUri())) {
            server.close();
            assertThat(player.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.GOING_AWAY);
            assertThat(idle.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.GOING_AWAY);
        }
    }
}
