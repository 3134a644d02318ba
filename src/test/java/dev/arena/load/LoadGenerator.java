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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Arena's load generator: starts the server under test as a separate process (so its CPU is measured apart): the
 * dev server, or the packaged WAR on Payara Micro, WildFly or Tomcat ({@code load.target}, see {@link AppServers}),
 * connects bots (on Tyrus's client offering permessage-deflate as browsers do, or on the project's Java client),
 * ramps their number step by step and measures each step over a steady window, until a step is unhealthy.
 * Healthy: the 1st-percentile bot gets at least 19 snapshots a second, the 99th percentile of input-to-visible
 * latency is at most 150 ms, and no connection dropped. Everything on 127.0.0.1.
 *
 * <p>Run: {@code mvn -q -Pload test-compile exec:exec} with settings as {@code -Dload.*} properties (see
 * {@link Settings}) and server settings as {@code -Darena.*} properties, passed on to the server process;
 * {@code src/test/load/targets.sh} makes the table of all four targets. docs/benchmarks.md has the commands and
 * results.
 */
public final class LoadGenerator {
    /**
     * @param steps bot counts to ramp through, e.g. 500,1000,2000,3000
     * @param rooms the bots are spread round-robin over this many rooms
     * @param format "compact" (binary snapshots, the default), "json", or "mixed": every other bot each, side by side
     * @param warmup seconds after a step's bots joined before measuring
     * @param window seconds measured per step
     * @param inputEveryMs each bot sends its held direction this often (and whenever it changes)
     * @param turnEveryMs in the walk, each bot picks a new random direction about this often
     * @param httpClients JDK client: bots share this many HttpClients (one selector thread each)
     * @param keepGoing ramp on after an unhealthy step
     * @param port the dev server's port
     * @param target dev, payara, wildfly or tomcat
     * @param motion "walk" (a random direction held about {@code turnEveryMs}), "every-tick" (back and forth,
     *     turning round every {@code turnEveryMs}: every bot moves in every tick) or "turn-every-tick" (turning round
     *     at every input: the worst case for delta snapshots)
     * @param client "tyrus" (Tyrus's client; offers permessage-deflate unless {@code deflate} is false), "lean"
     *     ({@link LeanBots}: plain non-blocking sockets, a fraction of Tyrus's CPU; offers permessage-deflate too, and
     *     refuses a server that takes it) or "jdk" (the project's ArenaClient on the JDK's WebSocket, no extension)
     * @param keepGoingTo ramp on after unhealthy steps below this many bots (so a ramp always measures it)
     */
    record Settings(int[] steps, int rooms, String format, int warmup, int window, int inputEveryMs,
            int turnEveryMs, int httpClients, boolean keepGoing, int port, String serverHeap, Path out, String name,
            String target, String motion, String client, boolean deflate, int clientThreads, int keepGoingTo) {
        static Settings fromSystem() {
            String target = System.getProperty("load.target", "dev");
            String motion = System.getProperty("load.motion", "walk");
            if (!List.of("walk", "every-tick", "turn-every-tick").contains(motion)) {
                throw new IllegalArgumentException("load.motion: walk, every-tick or turn-every-tick, not " + motion);
            }
            String heap = System.getProperty("load.serverHeap", "");
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
                    heap.isBlank() ? (target.equals("dev") ? "4g" : "1g") : heap,
                    Path.of(System.getProperty("load.out", "target/load")),
                    System.getProperty("load.name", "load"),
                    target, motion,
                    System.getProperty("load.client", "lean"),
                    Boolean.parseBoolean(System.getProperty("load.deflate", "true")),
                    Integer.getInteger("load.clientThreads", 2),
                    Integer.getInteger("load.keepGoingTo", 0));
        }

        /** Moving in every tick (every-tick, turn-every-tick), not the walk. */
        boolean everyTick() {
            return !motion.equals("walk");
        }

        int tickRate() {
            return Integer.getInteger("arena.tickRate", 20); // as passed on to the server
        }
    }

    static final String HEADER = "| target | scenario | bots | rooms | motion | snapshots/s per bot: mean | 1st pct "
            + "| input→visible p99 | server CPU (% of a core) | µs server CPU per client per tick | server RSS "
            + "| KiB/s per bot | server tick p99 | server threads | generator CPU | dropped | healthy | limited by |";
    static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromSystem();
        Files.createDirectories(s.out());
        List<String> lines = new ArrayList<>();
        String pinned = System.getProperty("load.serverCpus", "");
        String context = "# " + s.name() + " — " + s.target()
                + (Boolean.getBoolean("load.floor") ? " (container floor: the same traffic, none of Arena's work)" : "")
                + ", " + LocalDateTime.now().withNano(0)
                + ", load average before: " + loadAverage() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores" + (pinned.isBlank() ? "" : " (server pinned to CPU " + pinned + ")") + "; motion "
                + s.motion() + (game() == null ? "" : ", game " + game().name()) + ", input every " + s.inputEveryMs() + " ms"
                + (s.motion().equals("turn-every-tick") ? "" : ", turn every " + s.turnEveryMs() + " ms") + "; client " + s.client()
                + (!s.client().equals("jdk") ? (s.deflate() ? " offering permessage-deflate" : " without deflate")
                        : "") + " (inputs binary on compact, JSON otherwise, as the browser)"
                + "; server JVM: " + String.join(" ", ServerProcess.jvmOptions(s.target(), s.serverHeap()));
        System.out.println(context);
        lines.add(context);
        try (ServerProcess server = ServerProcess.start(s)) {
            Thread.sleep(2000);
            String idle = "idle server: RSS " + (server.usage().rssBytes() >> 20) + " MiB, " + server.threads()
                    + " threads";
            System.out.println(idle);
            lines.add(idle);
            lines.add("");
            lines.add(HEADER);
            lines.add(RULE);
            System.out.println(HEADER);
            System.out.println(RULE);
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
            if (game() != null && !s.client().equals("lean")) {
                throw new IllegalArgumentException("load.game " + game().name() + " needs -Dload.client=lean");
            }
            BotClient.Connector connector = switch (s.client()) {
                case "tyrus" -> new TyrusBots(s.deflate(), s.clientThreads());
                case "lean" -> new LeanBots(s.deflate(), s.clientThreads(), game());
                case "jdk" -> null;
                default -> throw new IllegalArgumentException("load.client: tyrus, lean or jdk, not " + s.client());
            };
            Swarm swarm = new Swarm(server.gameUri(), https, connector, s);
            String extensions = "";
            try {
                for (int n : s.steps()) {
                    try {
                        swarm.growTo(n);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        String line = "| " + s.target() + " | " + s.name() + " | " + n + " | " + s.rooms() + " | "
                                + s.motion() + " | – | – | – | – | – | – | – | – | – | – | – | **no** | joins failed: "
                                + String.valueOf(e.getCause() != null ? e.getCause() : e).replace('|', '/') + " |";
                        System.out.println(line);
                        lines.add(line);
                        break;
                    }
                    Thread.sleep(s.warmup() * 1000L);
                    Step step = measure(s, server, swarm, n);
                    String line = step.row(s);
                    System.out.println(line);
                    lines.add(line);
                    extensions = swarm.extensions();
                    Files.write(s.out().resolve(s.name() + ".md"), lines);
                    if (!step.healthy() && !s.keepGoing() && n >= s.keepGoingTo()) {
                        break;
                    }
                }
            } finally {
                swarm.close();
                if (connector != null) {
                    connector.close();
                }
                pools.forEach(ExecutorService::shutdownNow);
            }
            lines.add("");
            lines.add("negotiated extensions (bots): " + extensions);
            System.out.println("negotiated extensions (bots): " + extensions);
        }
        lines.add("load average after: " + loadAverage());
        Files.write(s.out().resolve(s.name() + ".md"), lines);
        System.out.println("written to " + s.out().resolve(s.name() + ".md"));
        System.exit(0);
    }

    /** One measured step. */
    record Step(int bots, Swarm.Window w, ServerProcess.Usage server, double generatorCores,
            TickHistogram.Percentiles tick, int threads) {
        boolean healthy() {
            return w.rate1st() >= 19 && w.latencyP99() <= 150 && w.dropped() == 0 && w.bots() == bots;
        }

        /** Server CPU time per client and tick, in microseconds. */
        double microsPerClientTick(int tickRate) {
            return server.cores() * 1e6 / ((double) bots * tickRate);
        }

        String row(Settings s) {
            return String.format(Locale.ROOT,
                    "| %s | %s | %d | %d | %s | %.1f | %.1f | %.0f ms | %.0f %% | %.1f | %d MiB | %s "
                            + "| %.2f ms (%.1f %% > 10 ms) | %d | %.0f %% | %d | %s | %s |",
                    s.target(), s.name(), bots, s.rooms(), s.motion(), w.rateMean(), w.rate1st(), w.latencyP99(),
                    server.cores() * 100, microsPerClientTick(s.tickRate()), server.rssBytes() >> 20, w.kib(),
                    tick.p99Millis(), tick.over10Millis() * 100, threads, generatorCores * 100,
                    w.dropped() + (bots - w.bots()), healthy() ? "yes" : "**no**", limit(s));
        }

        /**
         * What an unhealthy step ran out of, as far as the generator can tell: the machine's CPU (and whether the
         * generator itself is the bigger user, which makes the step a measure of the generator rather than the
         * server), the server's tick (p99 over one tick interval), or neither.
         */
        String limit(Settings s) {
            if (healthy()) {
                return "–";
            }
            String cpu = cpuLimit();
            if (cpu != null) {
                return cpu;
            }
            if (tick.p99Millis() > 1000.0 / s.tickRate()) {
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
        boolean profile = Arrays.stream(System.getProperty("load.profileAt", "").split(","))
                .map(String::trim).anyMatch(v -> v.equals(Integer.toString(n)));
        Path recording = s.out().resolve(s.name() + "-" + n + ".jfr").toAbsolutePath();
        if (profile) {
            jcmd(server, "JFR.start", "name=load", "settings=profile", "filename=" + recording);
        }
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
        if (profile) {
            jcmd(server, "JFR.stop", "name=load");
            System.out.println("profile of this step: " + recording);
        }
        return new Step(n, w, serverUsage, ownCores, after.since(before), server.threads());
    }

    /** A diagnostic command to the server's JVM (Flight Recorder on and off around a window: load.profileAt). */
    private static void jcmd(ServerProcess server, String... command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.jvmPid())));
        c.addAll(List.of(command));
        Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.err.println("jcmd " + String.join(" ", command) + " failed: " + said);
        }
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

    /**
     * {@code -Dload.game}: the game of the rooms the bots join (the server's {@code arena.defaultGame} is not
     * used); {@code dots} (the default) or a game on the SPI with a {@code move} input of {@code dx}, {@code dy}.
     */
    static dev.arena.spi.Game game() {
        String name = System.getProperty("load.game", "dots");
        if (name.equals("dots")) {
            return null;
        }
        return java.util.ServiceLoader.load(dev.arena.spi.Game.class).stream().map(java.util.ServiceLoader.Provider::get)
                .filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("load.game: no game named " + name));
    }

    /** The bots' client options: only the snapshot headers are read (see {@link ArenaClient.Options#trackPlayers}). */
    static ArenaClient.Options options(boolean compact, HttpClient http) {
        return ArenaClient.Options.DEFAULT.withCompact(compact).withTrackPlayers(false).withHttp(http)
                .withConnectTimeout(Duration.ofSeconds(60));
    }
}
