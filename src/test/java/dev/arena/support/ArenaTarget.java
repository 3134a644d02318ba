package dev.arena.support;

import dev.arena.dev.DevServer;
import dev.arena.spi.Game;
import dev.arena.spi.Settings;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The server a WebSocket scenario runs against (the shared scenarios of {@code dev.arena.it.scenario}): the in-JVM
 * dev server or the packaged WAR on Payara Micro, WildFly or Tomcat.
 *
 * <p>The switch is the system property {@value #SWITCH}: {@code dev}, {@code payara}, {@code wildfly} or
 * {@code tomcat}. Each Failsafe execution of the pom sets it (the in-JVM one {@code dev}, each app-server one its
 * server, beside the Arquillian qualifier {@code arquillian.launch} of the same name), and {@code -Pdev},
 * {@code -Ppayara}, {@code -Pwildfly}, {@code -Ptomcat} pick one target for a run (docs/testing.md). A target is
 * seen from outside only, over HTTP and WebSocket on loopback: its name says which documented differences to expect.
 *
 * <p>Every target of a run is started with the same server settings, {@value #SETTINGS} (the pom's
 * {@code it.server.settings}: {@code -D} flags that each app server's JVM gets through arquillian.xml, and that
 * {@code DevServerScenariosIT} starts the dev server with): {@link #settings(Game)} says what a scenario may expect.
 *
 * @param name {@code dev}, {@code payara}, {@code wildfly} or {@code tomcat}
 * @param http the base URL of the page, e.g. {@code http://127.0.0.1:18081/arena/} (the dev server: at {@code /})
 */
public record ArenaTarget(String name, URI http) {
    /** The system property that says which server the scenarios run against. */
    public static final String SWITCH = "arena.it.target";
    /** The system property with the settings every target of this run starts with: {@code -Dkey=value} flags. */
    public static final String SETTINGS = "arena.it.serverSettings";
    private static final Set<String> NAMES = Set.of("dev", "payara", "wildfly", "tomcat");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public ArenaTarget {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(SWITCH + " must be one of " + NAMES + ", not '" + name + "'");
        }
    }

    /** The target this JVM was started for ({@value #SWITCH}; {@code dev} when it is not set). */
    public static String selected() {
        return System.getProperty(SWITCH, "dev");
    }

    /** The in-JVM dev server. */
    public static ArenaTarget dev(DevServer server) {
        return new ArenaTarget("dev", server.httpUri());
    }

    /** The WAR that Arquillian deployed at {@code base}, on the server the switch names. */
    public static ArenaTarget deployed(URL base) {
        if (selected().equals("dev")) {
            throw new IllegalStateException("a deployed WAR, but " + SWITCH + " is 'dev' (or not set)");
        }
        try {
            return new ArenaTarget(selected(), base.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The Arena settings ({@code arena.*} properties) every target of this run was started with, from the {@code -D}
     * flags of {@value #SETTINGS}; none when it is not set (then every target runs on the defaults).
     */
    public static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String flag : System.getProperty(SETTINGS, "").trim().split("\\s+")) {
            if (flag.isEmpty()) {
                continue;
            }
            int eq = flag.indexOf('=');
            if (!flag.startsWith("-Darena.") || eq < 0) {
                throw new IllegalArgumentException(SETTINGS + " holds -Darena.<key>=<value> flags, not '" + flag + "'");
            }
            settings.put(flag.substring(2, eq), flag.substring(eq + 1));
        }
        return settings;
    }

    /** The settings of {@code game} on this target, as its server read them: the configured ones, else defaults. */
    public Settings settings(Game game) {
        return Settings.read(game, serverSettings());
    }

    public boolean isDev() {
        return name.equals("dev");
    }

    /** Whether the GameWorld is a CDI bean and the tick runs on a managed executor (Payara, WildFly). */
    public boolean isFullPlatform() {
        return name.equals("payara") || name.equals("wildfly");
    }

    /** {@code ws://host:port/<context>/game}. */
    public URI game() {
        return gameUri(http);
    }

    /** {@code path} relative to the page, e.g. {@code "metrics"}. */
    public URI resolve(String path) {
        return http.resolve(path);
    }

    /** An HTTP/1.1 GET of {@code path} relative to the page. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(resolve(path));
    }

    /** The value of the sample {@code name} (no labels) in {@code /metrics}, e.g. {@code arena_tick_missed_total}. */
    public double metric(String name) throws IOException, InterruptedException {
        for (String line : get("metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no " + name + " in " + name() + "'s /metrics");
    }

    /** Bytes in the server's log files, where the test setup knows them ({@link #logFiles}); otherwise 0. */
    public long logBytes() throws IOException {
        long sum = 0;
        for (Path f : logFiles(name)) {
            sum += Files.size(f);
        }
        return sum;
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://host:port/arena/} to {@code ws://host:port/arena/game}. */
    public static URI gameUri(URL base) throws URISyntaxException {
        return gameUri(base.toURI());
    }

    private static URI gameUri(URI base) {
        URI http = base.resolve("game");
        try {
            return new URI("ws", null, http.getHost(), http.getPort(), http.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The log files of the app server {@code server}, where the test setup knows them (WildFly's server.log, Tomcat's
     * catalina logs); none for Payara Micro (it logs to its console) and the dev server (in this JVM: see
     * {@link LogMeter}).
     */
    public static List<Path> logFiles(String server) throws IOException {
        Path dir = switch (server) {
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
