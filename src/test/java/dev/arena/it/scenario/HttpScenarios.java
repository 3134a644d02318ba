package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.support.GameClient;
import dev.arena.support.NetworkAddresses;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the server serves over HTTP beside {@code /game}: the browser client, {@code /metrics}, {@code /health}, {@code /addresses}. */
public interface HttpScenarios extends OnTarget {
    @Test
    default void pagesModulesAndStylesAreServedUnderTheTargetsPath() throws Exception {
        // the dev server serves webapp/ at /; the WAR is arena.war, at /arena/ (the page works under any path)
        assertThat(target().http().getPath()).isEqualTo(target().isDev() ? "/" : "/arena/");
        String[][] expected = {
            {"", "text/html", "<canvas"},
            {"index.html", "text/html", "js/main.js"},
            {"js/main.js", "javascript", "import"},
            {"js/protocol.js", "javascript", "export const MessageType"},
            {"js/net.js", "javascript", "export function gameUrl"},
            {"css/game.css", "text/css", "{"},
            {"screen.html", "text/html", "js/screen.js"},
            {"controller.html", "text/html", "js/controller.js"},
            {"js/qr.js", "javascript", "export function drawQr"},
            {"js/joinlink.js", "javascript", "export function joinChoices"},
            {"monitor.html", "text/html", "js/monitor.js"},
            {"js/monitor.js", "javascript", "import"},
            // the pages import a game's module by its room's game (js/games.js): a module import needs a JavaScript type
            {"js/games.js", "javascript", "import("},
            {"js/state.js", "javascript", "export"},
            {"games/dots/index.js", "javascript", "name: 'dots'"},
            {"games/coinrush/index.js", "javascript", "name: 'coinrush'"},
            {"games/coinrush/render.js", "javascript", "export"},
        };
        for (String[] e : expected) {
            HttpResponse<String> r = target().get(e[0]);
            assertThat(r.statusCode()).as(e[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).as(e[0]).get().asString().contains(e[1]);
            assertThat(r.body()).as(e[0]).contains(e[2]);
        }
    }

    @Test
    default void metricsAreServedAsPrometheusTextPerRoomAndInTotal() throws Exception {
        String room = room("metered");
        try (GameClient ada = GameClient.join(target().game(), "Ada", room)) {
            String gauge = "arena_room_players{room=\"" + room + "\"} 1.0";
            HttpResponse<String> r = target().get("metrics");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!r.body().contains(gauge) && System.nanoTime() < deadline) {
                Thread.sleep(100); // the room's gauge reads the player once the tick applied the join
                r = target().get("metrics");
            }
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).get().asString().startsWith("text/plain");
            assertThat(r.body()).contains(gauge)
                    .contains("arena_players ")
                    .contains("arena_connections")
                    .contains("arena_tick_seconds_count")
                    .contains("arena_room_tick_seconds_count{room=\"" + room + "\"}");
        }
    }

    @Test
    default void healthShowsTheWiringInUse() throws Exception {
        HttpResponse<String> r = target().get("health");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject health = JsonbBuilder.create().fromJson(r.body(), JsonObject.class);
        JsonObject game = health.getJsonObject("game");
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(game.getBoolean("ticking")).isTrue();
        if (target().isFullPlatform()) {
            // the GameWorld is the CDI bean, and the tick runs on a thread of the container's ManagedThreadFactory
            assertThat(health.getBoolean("cdi")).as(r.body()).isTrue();
            assertThat(game.getString("tickExecutor")).as(r.body()).isEqualTo("managed");
            assertThat(game.getString("tickThread")).as(r.body()).isNotEqualTo("arena-tick");
        } else {
            // Tomcat and the dev server: no CDI, no Jakarta Concurrency: Arena's own world and tick thread
            assertThat(health.getBoolean("cdi")).as(r.body()).isFalse();
            assertThat(game.getString("tickExecutor")).as(r.body()).isEqualTo("plain");
            assertThat(game.getString("tickThread")).as(r.body()).isEqualTo("arena-tick");
        }
        assertThat(health.getString("server").toLowerCase()).contains(switch (target().name()) {
            case "dev" -> "dev server";
            default -> target().name();
        });
    }

    @Test
    default void aPageOnThisMachineGetsTheAddressesOfItsInterfaces() throws Exception {
        // what a party screen opened at localhost asks for (screen.js: GET addresses, next to the page)
        HttpResponse<String> r = target().get("addresses");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).get().asString().contains("application/json");
        assertThat(r.headers().firstValue("cache-control")).contains("no-store");
        assertThat(r.headers().firstValue("access-control-allow-origin")).as("no other origin may read it").isEmpty();
        JsonObject body = JsonbBuilder.create().fromJson(r.body(), JsonObject.class);
        List<String> listed = body.getJsonArray("addresses").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        Set<String> expected = NetworkAddresses.expected();
        if (target().isDev()) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            // The app servers run with java.net.preferIPv4Stack=true (arquillian.xml): they see, and listen on, no
            // IPv6 interface address. So: every IPv4 address of this machine, and nothing that is not one of its own.
            assertThat(listed).containsAll(expected.stream().filter(a -> !a.startsWith("[")).toList());
            assertThat(expected).containsAll(listed);
        }
        assertThat(rawGet("addresses", "Host: localhost:" + target().http().getPort())).isEqualTo(200);
    }

    @Test
    default void addressesForAnotherHostNameOrThroughAProxyAreRefusedWith403() throws Exception {
        int port = target().http().getPort();
        assertThat(rawGet("addresses", "Host: evil.example:" + port)).as("DNS rebinding").isEqualTo(403);
        assertThat(rawGet("addresses", "Host: 127.0.0.1:" + port, "X-Forwarded-For: 203.0.113.9"))
                .as("through a reverse proxy").isEqualTo(403);
        assertThat(rawGet("addresses", "Host: localhost", "Forwarded: for=203.0.113.9")).isEqualTo(403);
    }

    /**
     * A raw HTTP/1.1 GET of {@code path} (relative to the page) with these header lines (the JDK client does not let
     * a test set Host); the status code.
     */
    private int rawGet(String path, String... headers) throws IOException {
        URI uri = target().resolve(path);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.1\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
