package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dev server serves the browser client from webapp/ on the same port as /game. */
class StaticContentIT {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "'',                text/html,       <canvas",
        "index.html,        text/html,       js/main.js",
        "js/main.js,        javascript,      import",
        "js/protocol.js,    javascript,      export const MessageType",
        "css/game.css,      text/css,        {",
        "monitor.html,      text/html,       js/monitor.js",
        "js/monitor.js,     javascript,      import",
    })
    void pageAndModulesAreServed(String path, String contentType, String content) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(server.httpUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).get().asString().contains(contentType);
        assertThat(response.body()).contains(content);
    }

    @Test
    void metricsAreServedAsPrometheusTextPerRoomAndInTotal() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (GameClient ada = GameClient.join(server.gameUri(), "Ada", "metered")) {
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) { // the room's gauge reads the player once the tick applied the join
                response = http.send(HttpRequest.newBuilder(server.httpUri().resolve("metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("arena_room_players{room=\"metered\"} 1.0")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/plain");
            assertThat(response.body())
                    .contains("arena_room_players{room=\"metered\"} 1.0")
                    .contains("arena_players 1.0")
                    .contains("arena_tick_seconds_count")
                    .contains("arena_room_tick_seconds_count{room=\"metered\"}");
        }
    }
}
