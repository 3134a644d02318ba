package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.support.NetworkAddresses;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /addresses} on the dev server: this machine's network addresses, for a page on this machine only. */
class JoinAddressesIT {
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A raw HTTP/1.1 GET with these header lines (the JDK client does not let a test set Host); the status code. */
    private static int rawGet(String path, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
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

    @Test
    void aPageOnThisMachineGetsTheAddressesOfItsInterfaces() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.httpUri() + "addresses")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).get().asString().contains("application/json");
        assertThat(r.headers().firstValue("cache-control")).contains("no-store");
        assertThat(r.headers().firstValue("access-control-allow-origin")).as("no other origin may read it").isEmpty();
        JsonObject body = JsonbBuilder.create().fromJson(r.body(), JsonObject.class);
        assertThat(body.getJsonArray("addresses").getValuesAs(JsonString.class).stream().map(JsonString::getString))
                .containsExactlyInAnyOrderElementsOf(NetworkAddresses.expected());
        assertThat(rawGet("/addresses", "Host: localhost:" + server.port())).isEqualTo(200);
    }

    @Test
    void anotherHostNameOrAProxyGets403() throws Exception {
        assertThat(rawGet("/addresses", "Host: evil.example:" + server.port())).as("DNS rebinding").isEqualTo(403);
        assertThat(rawGet("/addresses", "Host: 127.0.0.1:" + server.port(), "X-Forwarded-For: 203.0.113.9"))
                .as("through a reverse proxy").isEqualTo(403);
        assertThat(rawGet("/addresses", "Host: localhost", "Forwarded: for=203.0.113.9")).isEqualTo(403);
    }
}
