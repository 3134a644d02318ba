package dev.arena.load;

import dev.arena.client.ArenaClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Arena's load generator: starts the dev server as a separate process (so its CPU is measured apart), connects
 * bots with the Java client library, ramps their number step by step and measures each step over a steady window,
 * until a step is unhealthy. Healthy: the 1st-percentile bot gets at least 19 snapshots a second, the 99th
 * percentile of input-to-visible latency is at most 150 ms, and no connection dropped. Everything on 127.0.0.1.
 *
 * <p>Run: {@code mvn -q -Pload test-compile exec:exec} with settings as {@code -Dload.*} properties (see
 * {@link Settings}) and server settings as {@code -Darena.*} properties, passed on to the server process.
 * docs/benchmarks.md has the commands and results.
 */
public final class LoadGenerator {
    /**
     * @param steps bot counts to ramp through, e.g. 500,1000,2000,3000
     * @param rooms the bots are spread round-robin over this many rooms
     * @param format "compact" (binary snapshots, the default), "json", or "mixed": every other bot each, side by side
     * @param warmup seconds after a step's bots joined before measuring
     * @param window seconds measured per step
     * @param inputEveryMs each bot sends its held direction this often (and whenever it changes)
     * @param turnEveryMs each bot picks a new random direction about this often
     * @param httpClients bots share this many JDK HttpClients (one selector thread each)
     * @param keepGoing ramp on after an unhealthy step
     * @param port the server's port
     */
    record Settings(int[] steps, int rooms, String format, int warmup, int window, int inputEveryMs,
            int turnEveryMs, int httpClients, boolean keepGoing, int port, String serverHeap, Path out, String name) {
        static Settings fromSystem() {
            return new Settings(
                    Arrays.stream(System.getProperty("load.steps", "250,500,1000").split(","))
                            .map(String::trim).mapToInt(Integer::parseInt).toArray(),
                    Integer.getInteger("load.rooms", 1),
                    System.getProperty("load.format", "compact"),
                    Integer.getInteger("load.warmup", 5),
                    Integer.getInteger("load.window", 10),
                    Integer.getInteger("load.inputEveryMs", 50),
                    Integer.getInteger("load.turnEveryMs", 500),
                    Integer.getInteger("load.httpClients", 2),
                    Boolean.getBoolean("load.keepGoing"),
                    Integer.getInteger("load.port", 18090),
                    System.getProperty("load.serverHeap", "4g"),
                    Path.of(System.getProperty("load.out", "target/load")),
                    System.getProperty("load.name", "load"));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromSystem();
        Files.createDirectories(s.out());
        List<String> lines = new ArrayList<>();
        String header = "| bots | rooms | format | snapshots/s per bot: mean | 1st pct | gap p50 | gap p99 | input→visible p50 "
                + "| p99 | KiB/s per bot | server tick p50 | p99 | server CPU | server RSS | generator CPU | dropped | healthy "
                + "| limited by |";
        String rule = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        String pinned = System.getProperty("load.serverCpus", "");
        String context = "# " + s.name() + " — " + LocalDateTime.now().withNano(0) + ", load average before: "
                + loadAverage() + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (pinned.isBlank() ? "" : " (server pinned to CPU " + pinned + ")") + "; input every "
                + s.inputEveryMs() + " ms, turn every " + s.turnEveryMs() + " ms; server: " + serverSettings();
        System.out.println(context);
        System.out.println(header);
        System.out.println(rule);
        lines.add(context);
        lines.add("");
        lines.add(header);
        lines.add(rule);
        try (ServerProcess server = ServerProcess.start(s.port(), s.serverHeap())) {
            List<ExecutorService> pools = new ArrayList<>();
            List<HttpClient> https = new ArrayList<>();
            for (int i = 0; i < s.httpClients(); i++) {
                ExecutorService pool = Executors.newFixedThreadPool(1, r -> {
                    Thread t = new Thread(r, "bots-http");
                    t.setDaemon(true);
                    return t;
                });
                pools.add(pool);
                https.add(HttpClient.newBuilder().executor(pool).build());
            }
            Swarm swarm = new Swarm(server.gameUri(), https, s);
            try {
                for (int n : s.steps()) {
                    swarm.growTo(n);
                    Thread.sleep(s.warmup() * 1000L);
                    Step step = measure(s, server, swarm, n);
                    String line = step.row(s);
                    System.out.println(line);
                    lines.add(line);
                    Files.write(s.out().resolve(s.name() + ".md"), lines);
                    if (!step.healthy() && !s.keepGoing()) {
                        break;
                    }
                }
            } finally {
                swarm.close();
                pools.forEach(ExecutorService::shutdownNow);
            }
        }
        lines.add("");
        lines.add("load average after: " + loadAverage());
        Files.write(s.out().resolve(s.name() + ".md"), lines);
        System.out.println("written to " + s.out().resolve(s.name() + ".md"));
        System.exit(0);
    }

    /** One measured step. */
    record Step(int bots, Swarm.Window w, ServerProcess.Usage server, double generatorCores,
            TickHistogram.Percentiles tick) {
        boolean healthy() {
            return w.rate1st() >= 19 && w.latencyP99() <= 150 && w.dropped() == 0 && w.bots() == bots;
        }

        String row(Settings s) {
            return String.format(Locale.ROOT,
                    "| %d | %d | %s | %.1f | %.1f | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s | %.2f ms | %.2f ms "
                            + "| %.0f %% | %d MiB | %.0f %% | %d | %s | %s |",
                    bots, s.rooms(), s.format(), w.rateMean(), w.rate1st(), w.gapP50(),
                    w.gapP99(), w.latencyP50(), w.latencyP99(), w.kib(), tick.p50Millis(), tick.p99Millis(),
                    server.cores() * 100, server.rssBytes() >> 20, generatorCores * 100,
                    w.dropped() + (bots - w.bots()), healthy() ? "yes" : "**no**", limit());
        }

        /**
         * What an unhealthy step ran out of, as far as the generator can tell: the machine's CPU (and whether the
         * generator itself is the bigger user, which makes the step a measure of the generator rather than the
         * server), the server's tick (p99 over one tick interval, 50 ms), or neither.
         */
        String limit() {
            if (healthy()) {
                return "–";
            }
            String cpu = cpuLimit();
            if (cpu != null) {
                return cpu;
            }
            double tickMillis = 1000.0 / Integer.getInteger("arena.tickRate", 20); // as passed on to the server
            if (tick.p99Millis() > tickMillis) {
                return "server tick longer than the tick interval";
            }
            return "neither CPU nor tick: see latency, dropped";
        }

        /** The CPU that ran out, or null: with the server pinned each process has CPUs of its own, else they share. */
        private String cpuLimit() {
            int cores = Runtime.getRuntime().availableProcessors(); // the generator's (under taskset: its own)
            String pinned = System.getProperty("load.serverCpus", "");
            if (!pinned.isBlank()) {
                int serverCores = cpuCount(pinned);
                if (server.cores() >= 0.9 * serverCores) {
                    return String.format(Locale.ROOT, "the server's CPU: %.0f %% of its %d core(s)",
                            server.cores() * 100, serverCores);
                }
                if (generatorCores >= 0.9 * cores) {
                    return String.format(Locale.ROOT, "**the generator's CPU**: %.0f %% of its %d core(s)",
                            generatorCores * 100, cores);
                }
                return null;
            }
            double used = server.cores() + generatorCores;
            if (used >= 0.9 * cores) {
                return String.format(Locale.ROOT, "CPU: %.0f %% of %d cores in use, %s", used * 100, cores,
                        generatorCores >= server.cores() ? "**the generator uses more than the server**"
                                : "the server uses more than the generator");
            }
            return null;
        }

        /** CPUs in a taskset list such as {@code 0}, {@code 0,2} or {@code 0-3}. */
        private static int cpuCount(String list) {
            int n = 0;
            for (String part : list.split(",")) {
                String[] range = part.trim().split("-");
                n += range.length == 2 ? Integer.parseInt(range[1].trim()) - Integer.parseInt(range[0].trim()) + 1 : 1;
            }
            return n;
        }
    }

    private static Step measure(Settings s, ServerProcess server, Swarm swarm, int n) throws Exception {
        TickHistogram before = TickHistogram.scrape(server.metricsUri());
        ServerProcess.Usage serverStart = server.usage();
        long ownStart = ServerProcess.cpuTicks(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        swarm.startWindow();
        Thread.sleep(s.window() * 1000L);
        Swarm.Window w = swarm.endWindow();
        double seconds = (System.nanoTime() - t0) / 1e9;
        ServerProcess.Usage serverUsage = server.usage().since(serverStart, seconds);
        double ownCores = (ServerProcess.cpuTicks(ProcessHandle.current().pid()) - ownStart)
                / (double) ServerProcess.CLOCK_TICKS / seconds;
        TickHistogram after = TickHistogram.scrape(server.metricsUri());
        return new Step(n, w, serverUsage, ownCores, after.since(before));
    }

    private static String serverSettings() {
        StringBuilder b = new StringBuilder();
        Properties p = System.getProperties();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("arena.")) {
                b.append("-D").append(key).append('=').append(p.getProperty(key)).append(' ');
            }
        }
        return b.length() == 0 ? "defaults" : b.toString().trim();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private LoadGenerator() {}

    /** The bots' client options: only the snapshot headers are read (see {@link ArenaClient.Options#trackPlayers}). */
    static ArenaClient.Options options(boolean compact, HttpClient http) {
        return ArenaClient.Options.DEFAULT.withCompact(compact).withTrackPlayers(false).withHttp(http)
                .withConnectTimeout(Duration.ofSeconds(60));
    }
}
