package dev.arena.load;

import dev.arena.support.Attacks;
import dev.arena.support.RawWebSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory comes back (issue 12): the dev server in a process of its own, with the default settings, on 127.0.0.1. A
 * warm-up, then the baseline (live heap after a full GC, {@code jcmd GC.run} and {@code GC.heap_info}, and RSS); a
 * burst of {@code memory.clients} (2,000) connections from 67 loopback addresses (30 each, within the per-address
 * limits) that join 40 rooms and stay 5 s without reading, then half close and half drop (away for the grace
 * period); an abuse run of every {@link Attacks attack} for {@code memory.abuseSeconds} (20); then, with every
 * client gone, the same measurements. Exits 1 when the live heap is more than 10 % above its baseline.
 *
 * <p>{@code mvn -B -Pmemory test-compile exec:exec}; JVM options for the server with
 * {@code -Dmemory.serverJvm="-XX:G1PeriodicGCInterval=5000"} (what makes RSS come back without an explicit GC).
 * Results: docs/benchmarks.md, "Memory after a burst".
 */
public final class MemoryCheck {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private MemoryCheck() {}

    record Sample(String when, long heapKb, long rssKb) {}

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("memory.clients", 2000);
        int abuseSeconds = Integer.getInteger("memory.abuseSeconds", 20);
        String jvm = System.getProperty("memory.serverJvm", "").trim();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Darena.host=127.0.0.1",
                "-Darena.port=" + port, "dev.arena.dev.DevServer"));
        Path log = Path.of(System.getProperty("memory.out", "target/memory"), "server.log");
        Files.createDirectories(log.getParent());
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI http = URI.create("http://127.0.0.1:" + port + "/");
        URI game = URI.create("ws://127.0.0.1:" + port + "/game");
        List<Sample> samples = new ArrayList<>();
        try {
            awaitHealth(http, server);
            burst(game, 100, 1); // warm-up: classes loaded, pools made
            abuse(game, 2);
            awaitEmpty(http);
            samples.add(measure(server.pid(), "baseline (after warm-up), before GC", false));
            samples.add(measure(server.pid(), "baseline, after full GC", true));
            long started = System.nanoTime();
            burst(game, clients, 5);
            samples.add(measure(server.pid(), "after the burst, clients gone or away", false));
            abuse(game, abuseSeconds);
            awaitEmpty(http);
            System.out.printf("burst of %d and %d s of abuse done in %.0f s%n", clients, abuseSeconds,
                    (System.nanoTime() - started) / 1e9);
            samples.add(measure(server.pid(), "every client gone, before GC", false));
            Thread.sleep(30_000);
            samples.add(measure(server.pid(), "30 s later, before GC", false));
            samples.add(measure(server.pid(), "after full GC", true));
            Thread.sleep(10_000);
            samples.add(measure(server.pid(), "10 s after the full GC", false));
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        System.out.println();
        System.out.println("server JVM options: " + (jvm.isEmpty() ? "(defaults: G1)" : jvm) + " -Xmx1g");
        System.out.println("| when | heap used (MiB) | RSS (MiB) |");
        System.out.println("|---|---|---|");
        for (Sample s : samples) {
            System.out.printf("| %s | %.1f | %.0f |%n", s.when(), s.heapKb() / 1024.0, s.rssKb() / 1024.0);
        }
        long baseline = samples.get(1).heapKb();
        long after = samples.get(samples.size() - 2).heapKb();
        double ratio = after / (double) baseline;
        System.out.printf("live heap after / baseline: %.3f (limit 1.10)%n", ratio);
        System.exit(ratio <= 1.10 ? 0 : 1);
    }

    /** {@code n} connections from 127.0.0.10 and up (30 per address) join 40 rooms, stay, then go. */
    private static void burst(URI game, int n, int holdSeconds) throws Exception {
        List<RawWebSocket> open = new ArrayList<>(n);
        int welcomed = 0;
        for (int i = 0; i < n; i++) {
            int address = i / 30;
            RawWebSocket c = new RawWebSocket(game, InetAddress.getByName("127.0.0." + (10 + address)));
            c.sendText("{\"type\":\"join\",\"name\":\"m" + i + "\",\"room\":\"m" + (address % 40) + "\"}");
            open.add(c);
        }
        for (RawWebSocket c : open) {
            if (c.nextTextWith("\"welcome\"", 5000) != null) {
                welcomed++;
            }
        }
        System.out.printf("burst: %d connections, %d welcomed%n", n, welcomed);
        Thread.sleep(holdSeconds * 1000L);
        for (int i = 0; i < open.size(); i++) {
            RawWebSocket c = open.get(i);
            if (i % 2 == 0) {
                try {
                    c.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8}, true); // 1000: leaves
                } catch (IOException e) {
                    // closed already (a slow consumer)
                }
                c.close();
            } else {
                c.drop(); // away for the grace period
            }
        }
    }

    private static void abuse(URI game, int seconds) throws Exception {
        InetAddress from = InetAddress.getByName("127.0.0.200");
        List<Attacks.Attack> attacks = Attacks.all();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int rounds = 0;
        while (System.nanoTime() < end) {
            attacks.get(rounds++ % attacks.size()).run(game, from);
        }
        System.out.printf("abuse: %d hostile connections in %d s%n", rounds, seconds);
    }

    private static void awaitHealth(URI http, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (get(http.resolve("health")).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not come up");
    }

    /** Until the server has no connection and no player (the away ones leave after the 15 s grace). */
    private static void awaitEmpty(URI http) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(http.resolve("health")).body();
            if (body.contains("\"connections\":0") && body.contains("\"players\":0") && body.contains("\"rooms\":0")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("clients still there after 90 s: " + body);
    }

    private static Sample measure(long pid, String when, boolean fullGc) throws Exception {
        if (fullGc) {
            jcmd(pid, "GC.run");
        }
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        long heap = m.find() ? Long.parseLong(m.group(1)) : -1;
        return new Sample(when, heap, ServerProcess.rss(pid) / 1024);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
