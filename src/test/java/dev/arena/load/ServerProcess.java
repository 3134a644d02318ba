package dev.arena.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The dev server in a process of its own, on the generator's class path, with the limits a load test on one
 * address needs raised (connections per address: no limit; players per room: 100,000; message burst: 1000, because
 * a generator that falls behind on a loaded machine writes a backlog of inputs at once) and every {@code arena.*}
 * property of the generator passed on (after these, so they win). Its CPU time and resident memory are read from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {
    static final int CLOCK_TICKS = 100; // USER_HZ: /proc's unit of CPU time on Linux

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(int port, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String cpus = System.getProperty("load.serverCpus", "");
        if (!cpus.isBlank()) {
            command.addAll(List.of("taskset", "-c", cpus)); // pin the server to these CPUs (Linux)
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap));
        String jvm = System.getProperty("load.serverJvm", "");
        if (!jvm.isBlank()) {
            command.addAll(List.of(jvm.trim().split("\\s+"))); // e.g. -XX:StartFlightRecording=...
        }
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "-Darena.host=127.0.0.1",
                "-Darena.port=" + port,
                "-Darena.maxConnectionsPerAddress=0", // every bot comes from 127.0.0.1: no per-address limits
                "-Darena.maxRoomsPerAddress=0",
                "-Darena.roomsPerAddressPerMinute=0",
                "-Darena.maxSeatsPerAddress=0",
                "-Darena.maxPlayersPerRoom=100000",
                "-Darena.messageBurst=1000"));
        Properties p = System.getProperties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("arena.") && !key.equals("arena.port") && !key.equals("arena.host")) {
                command.add("-D" + key + "=" + p.getProperty(key));
            }
        }
        command.add("dev.arena.dev.DevServer");
        Path log = Path.of(System.getProperty("load.out", "target/load"), "server.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process ended; see " + log);
            }
            try {
                if (LoadGenerator.get(server.httpUri().resolve("health")).statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("the server did not come up within 30 s; see " + log);
    }

    URI httpUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI gameUri() {
        return URI.create("ws://127.0.0.1:" + port + "/game");
    }

    URI metricsUri() {
        return httpUri().resolve("metrics");
    }

    /** CPU (in cores, once divided by a duration) and resident memory of the server. */
    record Usage(double cores, long cpuTicks, long rssBytes) {
        Usage since(Usage start, double seconds) {
            return new Usage((cpuTicks - start.cpuTicks) / (double) CLOCK_TICKS / seconds, cpuTicks - start.cpuTicks,
                    rssBytes);
        }
    }

    Usage usage() throws IOException {
        long pid = process.pid();
        return new Usage(0, cpuTicks(pid), rss(pid));
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of " + pid, e);
        }
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
