package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.tutorial.CdiFlagGame;
import dev.arena.games.tutorial.FlagGame;
import dev.arena.it.scenario.AllScenarios;
import dev.arena.it.scenario.GameScenarios.Socket;
import dev.arena.protocol.CloseCodes;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Viewer;
import dev.arena.support.ArenaTarget;
import dev.arena.support.RawWebSocket;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR on a real server, black-box over HTTP and WebSocket on loopback: the server is the one the switch
 * {@code arena.it.target} names (payara, wildfly or tomcat; one Failsafe execution each, which also sets the
 * Arquillian qualifier {@code arquillian.launch} of the same name; {@code -Ppayara} etc. run one of them).
 *
 * <p>It runs every shared scenario ({@link AllScenarios}, the same that {@link DevServerScenariosIT} runs against the
 * dev server) in one deployment, so each server boots once: Payara Micro starts a JVM per deployment. Below are the
 * checks that belong to the app servers only: a game registered as a CDI bean, and the per-address connection limit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeployedWarIT implements AllScenarios {
    /**
     * The packaged WAR, plus a game that is a CDI bean and nothing else ({@link CdiFlagGame}: no
     * {@code META-INF/services} entry), for {@link #aGameThatIsACdiBeanIsPlayedWhereCdiRuns}.
     */
    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("arena.war")))
                .addClasses(CdiFlagGame.class, FlagGame.class);
    }

    @ArquillianResource
    URL base;

    @Override
    public ArenaTarget target() {
        return ArenaTarget.deployed(base);
    }

    /**
     * Registration through CDI: on Payara and WildFly the deployment's {@code Game} beans join the service-loaded
     * games, so a join with {@code "game":"flag"} gets a room of the bean's game (its welcome, its schema and
     * settings), and an input moves the player in the state frames. Tomcat has no CDI: the bean is no game there
     * ({@code unknown_game}); on Tomcat (and the dev server) a game is registered through {@code ServiceLoader}
     * ({@code META-INF/services/dev.arena.spi.Game}), as the shipped games are everywhere.
     */
    @Test
    void aGameThatIsACdiBeanIsPlayedWhereCdiRuns() throws Exception {
        String join = "{\"type\":\"join\",\"name\":\"Flo\",\"room\":\"" + room("cdi")
                + "\",\"game\":\"flag\"}";
        try (Socket flo = new Socket(target().game(), false)) {
            flo.send(join);
            if (!target().isFullPlatform()) {
                JsonObject error = flo.nextJson("error");
                assertThat(error.getString("code")).as("no CDI on %s", target().name()).isEqualTo("unknown_game");
                String message = error.getString("message");
                assertThat(message.substring(message.indexOf("the games are"))).contains("coinrush")
                        .doesNotContain("flag");
                return;
            }
            JsonObject welcome = flo.nextJson("welcome");
            assertThat(welcome.getString("game")).isEqualTo("flag");
            assertThat(welcome.getJsonObject("schema").getJsonArray("kinds")).extracting(k -> k.asJsonObject()
                    .getString("name")).containsExactly("player", "flag");
            assertThat(welcome.getJsonObject("settings").getInt("size")).isEqualTo(10);
            int id = welcome.getInt("id");
            StateDecoder state = new StateDecoder(new FlagGame().schema(), Viewer.player(id));
            state.apply(flo.nextJson("state").toString());
            long x = (Long) state.entities().get("player").get(id).values().get("x");
            long dx = x < 9 ? 1 : -1; // towards the middle: the grid is 10 cells wide
            flo.send("{\"type\":\"input\",\"seq\":1,\"input\":\"move\",\"dx\":" + dx + ",\"dy\":0}");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (state.ack() < 1 && System.nanoTime() < deadline) {
                state.apply(flo.nextJson("state").toString());
            }
            assertThat(state.ack()).as("the input acknowledged").isEqualTo(1);
            long now = (Long) state.entities().get("player").get(id).values().get("x");
            assertThat(Long.signum(now - x)).as("moved from x %d by dx %d: at %d", x, dx, now).isEqualTo(dx);
            // a player who steps on the flag scores and the flag is gone for one tick (it reappears elsewhere the next)
            while (state.entities().getOrDefault("flag", java.util.Map.of()).isEmpty() && System.nanoTime() < deadline) {
                state.apply(flo.nextJson("state").toString());
            }
            assertThat(state.entities().get("flag")).as("the flag the game put on the grid").hasSize(1);
        }
    }

    /**
     * App servers only: the default limit of 32 connections from one address, counted by the WAR's HandshakeFilter
     * and endpoint (the dev server counts sockets in dev/SocketGuard: LimitsIT and ConnectionEdgeIT try it there with
     * a test-only limit).
     */
    @Test
    void connection33FromOneAddressIsClosedWith4005() throws Exception {
        URI game = target().game();
        // an address of its own, so that connections other tests leave behind (a dropped socket the container has
        // not noticed yet) do not count: the limit is per address
        InetAddress from = InetAddress.getByName("127.0.0.70");
        List<RawWebSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) { // the default limit: 32
                RawWebSocket c = new RawWebSocket(game, from);
                clients.add(c);
                c.sendText("{\"type\":\"join\",\"name\":\"c" + i + "\",\"room\":\"per-address\"}");
                assertThat(c.nextTextWith("\"welcome\"", 5000)).as("connection %d from one address", i + 1)
                        .isNotNull();
            }
            RawWebSocket extra = new RawWebSocket(game, from);
            clients.add(extra);
            assertThat(extra.awaitClose(5000)).as("connection 33 from one address")
                    .isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            clients.get(0).sendText("{\"type\":\"ping\",\"t\":1}");
            assertThat(clients.get(0).nextTextWith("\"pong\"", 5000)).as("the first 32 play on").isNotNull();
        } finally {
            for (RawWebSocket c : clients) {
                c.close();
            }
        }
        // admitted again once the others are gone (the container may take a moment to see the closes)
        String welcome = null;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (welcome == null && System.nanoTime() < until) {
            try (RawWebSocket after = new RawWebSocket(game, from)) {
                after.sendText("{\"type\":\"join\",\"name\":\"after\",\"room\":\"per-address\"}");
                welcome = after.nextTextWith("\"welcome\"", 2000);
            }
        }
        assertThat(welcome).as("a join from that address once its connections are closed").isNotNull();
    }
}
