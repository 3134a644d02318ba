package dev.arena.support;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Facts about the real server an Arquillian test runs against, set per Failsafe execution in the pom. */
public final class TargetServer {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private TargetServer() {}

    /** "payara", "wildfly" or "tomcat". */
    public static String name() {
        return System.getProperty("arena.server", "unknown");
    }

    /** Whether this server has CDI and Jakarta Concurrency (Payara, WildFly), unlike Tomcat. */
    public static boolean isFullPlatform() {
        return !name().equals("tomcat");
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://host:port/arena/} to {@code ws://host:port/arena/game}. */
    public static URI gameUri(URL base) throws URISyntaxException {
        URI http = base.toURI().resolve("game");
        return new URI("ws", null, http.getHost(), http.getPort(), http.getPath(), null, null);
    }

    /** The server's log files, where the test setup knows them (WildFly's server.log, Tomcat's catalina logs). */
    public static List<Path> logFiles() throws IOException {
        Path dir = switch (name()) {
            case "wildfly" -> Path.of(System.getProperty("wildfly.home"), "standalone", "log");
            case "tomcat" -> Path.of(System.getProperty("tomcat.home"), "logs");
            default -> null;
        };
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("(server\\.log|catalina\\..*\\.log)"))
                    .sorted().toList();
        }
    }
}
