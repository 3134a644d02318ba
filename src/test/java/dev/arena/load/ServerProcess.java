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
 * The server under load in a process of its own, bound to 127.0.0.1: the dev server on the generator's class path,
 * or the packaged WAR on Payara Micro, WildFly or Tomcat ({@link AppServers}), with the limits a load test on one
 * address needs raised (connections per address: no limit; players per room: 100,000; message burst: 1000,
 * because a generator that falls behind on a loaded machine writes a backlog of inputs at once) and every
 * {@code arena.*} property of the generator passed on (after these, so they win). Its CPU time and resident memory
 * are read from {@code /proc}, summed over the process and its descendants (WildFly's start script runs the JVM
 * as its child).
 */
final class ServerProcess implements AutoCloseable {
    static final int CLOCK_TICKS = 100; // USER_HZ: /proc's unit of CPU time on Linux

    private final Process process;
    private final URI base;

    private ServerProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** The server's JVM options: heap, limits, arena.* settings, then -Dload.serverJvm. */
    static List<String> jvmOptions(String target, String heap) {
        List<String> options = new ArrayList<>();
        String memory = System.getProperty("load.serverMemory", "");
        if (!memory.isBlank()) {
            options.addAll(List.of(memory.trim().split("\\s+")));
        } else if (target.equals("dev")) {
            options.addAll(List.of("-Xms" + heap, "-Xmx" + heap));
        } else {
            options.add("-Xmx" + heap);
        }
        options.addAll(List.of(
                "-Djava.net.preferIPv4Stack=true",
                "-Darena.maxConnectionsPerAddress=0", // every bot comes from 127.0.0.1: no per-address limits
                "-Darena.maxRoomsPerAddress=0",
                "-Darena.roomsPerAddressPerMinute=0",
                "-Darena.maxSeatsPerAddress=0",
                "-Darena.maxPlayersPerRoom=100000",
                "-Darena.messageBurst=1000"));
        Properties p = System.getProperties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("floor.")) {
                options.add("-D" + key + "=" + p.getProperty(key)); // the container floor's settings
            }
            if (key.startsWith("arena.") && !key.equals("arena.port") && !key.equals("arena.host")
                    && !key.equals("arena.webapp") && !key.equals("arena.war")) {
                options.add("-D" + key + "=" + p.getProperty(key));
            }
        }
        if (!System.getProperty("load.profileAt", "").isBlank()) {
            options.add("-XX:FlightRecorderOptions=stackdepth=1024"); // the containers' stacks are deeper than 64
        }
        String jvm = System.getProperty("load.serverJvm", "");
        if (!jvm.isBlank()) {
            options.addAll(List.of(jvm.trim().split("\\s+"))); // e.g. -XX:StartFlightRecording=...
        }
        return options;
    }

    static ServerProcess start(LoadGenerator.Settings s) throws IOException, InterruptedException {
        Path out = s.out();
        Files.createDirectories(out);
        Path log = out.resolve(s.name() + "-server.log");
        AppServers.Launch launch;
        if (s.target().equals("dev")) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions("dev", s.serverHeap()));
            String before = System.getProperty("load.serverClasses", ""); // e.g. another checkout's classes
            String classPath = before.isBlank() ? System.getProperty("java.class.path")
                    : before + java.io.File.pathSeparator + System.getProperty("java.class.path");
            command.addAll(List.of("-cp", classPath,
                    "-Darena.webapp=" + System.getProperty("arena.webapp", "webapp"),
                    "-Darena.host=127.0.0.1", "-Darena.port=" + s.port(),
                    Boolean.getBoolean("load.floor") ? "dev.arena.load.floor.FloorServer" : "dev.arena.dev.DevServer"));
            launch = new AppServers.Launch(new ProcessBuilder(command),
                    URI.create("http://127.0.0.1:" + s.port() + "/"));
        } else {
            launch = AppServers.launch(s.target(), jvmOptions(s.target(), s.serverHeap()), out);
        }
        String cpus = System.getProperty("load.serverCpus", "");
        if (!cpus.isBlank()) {
            List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus)); // pin the server (Linux)
            pinned.addAll(launch.builder().command());
            launch.builder().command(pinned);
        }
        Process process = launch.builder().redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, launch.base());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("load.startSeconds", 240));
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
            Thread.sleep(250);
        }
        server.close();
        throw new IllegalStateException("the server did not come up in time; see " + log);
    }

    /** The application's root, e.g. {@code http://127.0.0.1:8080/} or {@code http://127.0.0.1:18081/arena/}. */
    URI httpUri() {
        return base;
    }

    URI gameUri() {
        return URI.create("ws" + base.toString().substring(4)).resolve("game");
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

    /** Over the process and its descendants. */
    Usage usage() throws IOException {
        long ticks = cpuTicks(process.pid());
        long rss = rss(process.pid());
        for (ProcessHandle h : process.descendants().toList()) {
            try {
                ticks += cpuTicks(h.pid());
                rss += rss(h.pid());
            } catch (IOException | IllegalStateException e) {
                // ended in between
            }
        }
        return new Usage(0, ticks, rss);
    }

    /** The JVM's process id (WildFly: the start script's child). */
    long jvmPid() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
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

    /** Threads of the server's JVM (from /proc). */
    int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvmPid() + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle h : children) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
