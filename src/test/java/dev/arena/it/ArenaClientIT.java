package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.client.ArenaClient;
import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.it.scenario.ClientScenarios.Snapshots;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client library ({@link ArenaClient}, on the JDK's WebSocket) against the dev server over loopback:
 * a dropped connection resumes the same player, a full room fails the join; and the dev server's {@code /metrics} and
 * {@code /health}. Dev server only: test-only settings (a small map, 2 players a room). Playing both games with it,
 * on every target, is {@code ClientScenarios}. The load generator runs the same client against the WAR (docs/benchmarks.md).
 */
class ArenaClientIT {
    private static final Rules RULES = new Rules(400, 300, 20, 200, 10);
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(RULES).withMaxPlayersPerRoom(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArenaClient connect(Snapshots inbox, boolean compact) throws Exception {
        return ArenaClient.connect(server.gameUri(), inbox, ArenaClient.Options.DEFAULT.withCompact(compact))
                .get(5, TimeUnit.SECONDS);
    }

    private static ServerMessage.PlayerPosition entry(ServerMessage.Snapshot s, int id) {
        return s.players().stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    @Test
    void aDroppedConnectionResumesTheSamePlayer() throws Exception {
        Snapshots inbox = new Snapshots();
        try (ArenaClient cat = connect(inbox, true)) {
            ServerMessage.Welcome first = cat.join("Cat", "resume-it").get(5, TimeUnit.SECONDS);
            inbox.await(s -> entry(s, first.id()) != null);
            ServerMessage.Welcome again = cat.resume().get(5, TimeUnit.SECONDS);
            assertThat(again.resumed()).isTrue();
            assertThat(again.id()).isEqualTo(first.id());
            long seq = cat.input(0, 1);
            inbox.await(s -> entry(s, first.id()) != null && entry(s, first.id()).seq() >= seq);
        }
    }

    @Test
    void aFullRoomFailsTheJoinWithItsErrorCode() throws Exception {
        try (ArenaClient a = connect(new Snapshots(), true); ArenaClient b = connect(new Snapshots(), true);
                ArenaClient c = connect(new Snapshots(), true)) {
            a.join("A", "full").get(5, TimeUnit.SECONDS);
            b.join("B", "full").get(5, TimeUnit.SECONDS);
            assertThat(c.join("C", "full")).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().withMessageContaining("room_full");
        }
    }

    @Test
    void theDevServerServesPrometheusMetricsAndHealth() throws Exception {
        Snapshots inbox = new Snapshots();
        try (ArenaClient dot = connect(inbox, true)) {
            dot.join("Dot", "metrics-it").get(5, TimeUnit.SECONDS);
            inbox.await(s -> true);
            inbox.await(s -> true);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(server.httpUri().resolve("metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("arena_room_players{room=\"metrics-it\"} 1.0")
                    .contains("arena_tick_seconds_bucket{le=\"0.01\"}")
                    .contains("arena_room_tick_seconds_count{room=\"metrics-it\"}")
                    .contains("arena_connections ")
                    .containsPattern("arena_room_snapshot_bytes_total\\{room=\"metrics-it\"} [1-9]")
                    .contains("process_cpu_usage");
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(server.httpUri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }
}
