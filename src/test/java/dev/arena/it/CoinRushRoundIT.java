package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.it.scenario.GameScenarios.Socket;
import dev.arena.server.ArenaConfig;
import dev.arena.server.room.Games;
import dev.arena.snapshot.EventCodec;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.Viewer;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole round of coin rush over real WebSockets on the dev server, with a round of 1 s set through
 * {@code arena.game.coinrush.*}: one client in JSON and one on the compact subprotocol see the round end (the phase
 * turns to {@code results}, the {@code roundOver} event arrives: JSON {@code event}, binary {@code 0x23}) and the
 * next round begin.
 */
class CoinRushRoundIT {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withGames(Games.standard().with("dots",
                Map.of("arena.game.coinrush.roundSeconds", "1", "arena.game.coinrush.resultsSeconds", "1"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRoundEndsWithTheResultsAndARoundOverEventInJsonAndInBinary() throws Exception {
        EventCodec events = new EventCodec(new CoinRushGame().schema());
        String join = "{\"type\":\"join\",\"name\":\"%s\",\"room\":\"round\",\"game\":\"coinrush\"}";
        try (Socket text = new Socket(server.gameUri(), false); Socket binary = new Socket(server.gameUri(), true)) {
            text.send(join.formatted("Ada"));
            assertThat(text.nextJson("welcome").getJsonObject("settings").getJsonNumber("roundSeconds")
                    .doubleValue()).isEqualTo(1);
            binary.send(join.formatted("Bob"));
            int bob = binary.nextJson("welcome").getInt("id");

            JsonObject over = text.nextJson("event");
            while (!over.getString("event").equals("roundOver")) {
                over = text.nextJson("event");
            }
            assertThat(over.getInt("round")).isPositive();
            // the binary client, every frame in order from its welcome: state frames and events
            StateDecoder state = new StateDecoder(new CoinRushGame().schema(), Viewer.player(bob));
            EventCodec.Received binaryOver = null;
            boolean results = false;
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < deadline && (binaryOver == null || !results
                    || !state.phase().name().equals("playing"))) {
                ByteBuffer f = (ByteBuffer) binary.next(x -> x instanceof ByteBuffer, "a binary frame");
                if (f.get(0) == 0x21) {
                    state.apply(f);
                    results |= state.phase() != null && state.phase().name().equals("results");
                } else if (f.get(0) == 0x23) {
                    EventCodec.Received e = events.decode(f);
                    if (e.event().equals("roundOver")) {
                        binaryOver = e;
                    }
                }
            }
            assertThat(binaryOver).as("roundOver in binary (0x23)").isNotNull();
            assertThat(binaryOver.values().get("round")).isEqualTo((long) over.getInt("round"));
            assertThat(results).as("the results were shown").isTrue();
            assertThat(state.phase().name()).as("then the next round").isEqualTo("playing");
            assertThat(state.phase().round()).isGreaterThan(over.getInt("round"));
            assertThat(state.scores()).extracting(s -> s.player()).contains(bob);
        }
    }

    @Test
    void aDroppedCoinRushPlayerResumesItsSeatWithItsToken() throws Exception {
        String join = "{\"type\":\"join\",\"name\":\"Cy\",\"room\":\"again\",\"game\":\"coinrush\"%s}";
        JsonObject first;
        try (Socket cy = new Socket(server.gameUri(), false)) {
            cy.send(join.formatted(""));
            first = cy.nextJson("welcome");
            cy.send("{\"type\":\"input\",\"seq\":9,\"input\":\"move\",\"dx\":1,\"dy\":0}");
            JsonObject s = cy.nextJson("state");
            while (s.getInt("ack") != 9) {
                s = cy.nextJson("state");
            }
        } // aborted: the connection drops without a close frame (1006), the seat waits
        try (Socket back = new Socket(server.gameUri(), false)) {
            back.send(join.formatted(",\"token\":\"" + first.getString("token") + "\""));
            JsonObject welcome = back.nextJson("welcome");
            assertThat(welcome.getBoolean("resumed")).isTrue();
            assertThat(welcome.getInt("id")).isEqualTo(first.getInt("id"));
            JsonObject state = back.nextJson("state");
            assertThat(state.getBoolean("full")).isTrue();
            assertThat(state.getInt("ack")).as("a new connection numbers its inputs afresh").isZero();
            assertThat(state.getJsonObject("entities").getJsonArray("player")).extracting(p -> p.asJsonObject()
                    .getInt("id")).containsExactly(first.getInt("id"));
        }
    }
}
