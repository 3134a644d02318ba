package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.support.GameClient;
import dev.arena.support.ArenaTarget;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploy and redeploy in a running server (WildFly, Tomcat): the tick stops, clients are told, play resumes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {
    private static final String NAME = "arena";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("arena.war")));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void undeployClosesClientsAndStopsTheTickAndRedeployPlaysAgain() throws Exception {
        URL base = new URL("http://127.0.0.1:" + System.getProperty("arena.http.port") + "/arena/");
        URI game = ArenaTarget.gameUri(base);
        Map<Path, Long> logSizes = new HashMap<>();
        for (Path log : ArenaTarget.logFiles(ArenaTarget.selected())) {
            logSizes.put(log, Files.size(log));
        }
        deployer.deploy(NAME);
        GameClient player = GameClient.join(game, "before", "redeploy");
        player.await(ServerMessage.Snapshot.class);
        deployer.undeploy(NAME);
        assertThat(player.awaitClose(Duration.ofSeconds(10)).getCloseCode().getCode())
                .as("close code at undeploy").isEqualTo(CloseCodes.GOING_AWAY);
        assertThat(ArenaTarget.get(base.toURI().resolve("health")).statusCode()).isEqualTo(404);

        deployer.deploy(NAME);
        try (GameClient again = GameClient.join(game, "after", "redeploy")) {
            assertThat(again.welcome().players()).extracting(ServerMessage.PlayerInfo::name).containsExactly("after");
            long seq = again.hold(1, 1);
            again.await(ServerMessage.Snapshot.class, s -> s.players().get(0).seq() == seq, Duration.ofSeconds(5));
        } finally {
            deployer.undeploy(NAME);
        }
        for (Path log : ArenaTarget.logFiles(ArenaTarget.selected())) {
            String added = newContent(log, logSizes.getOrDefault(log, 0L));
            List<String> problems = added.lines()
                    .filter(l -> l.contains("ERROR") || l.contains("SEVERE") || l.contains("arena-tick")
                            || (l.contains("WARN") && l.toLowerCase(java.util.Locale.ROOT).contains("arena")))
                    .toList();
            assertThat(problems).as("new lines in " + log).isEmpty();
        }
    }

    private static String newContent(Path log, long from) throws Exception {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
