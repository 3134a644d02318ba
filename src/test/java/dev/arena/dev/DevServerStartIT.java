package dev.arena.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A plain start of the dev server, as the README's run command does it (the test class path, the project's
 * logging.properties), in a JVM of its own: it prints Arena's lines and nothing else. In particular no
 * {@code SLF4J:} lines: SLF4J is on this class path (the test libraries bring it) and, without a binding, says so on
 * every start.
 */
class DevServerStartIT {
    private static final long START_SECONDS = 30;
    /** After the "running" lines: long enough for anything the first ticks and the first lookups log. */
    private static final long SETTLE_MILLIS = 2_000;

    @Test
    void aPlainStartPrintsArenasLinesAndNoWarning() throws Exception {
        // Without SLF4J on the class path this test could not see its warning: make sure it is there.
        assertThat(Class.forName("org.slf4j.LoggerFactory")).isNotNull();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file",
                        "src/test/resources/logging.properties"),
                "-Darena.webapp=" + DevServer.webappFolder().toAbsolutePath(),
                "-Darena.host=127.0.0.1",
                "-Darena.port=-1",
                DevServer.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "dev-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (lines.stream().noneMatch(l -> l.contains("Ctrl+C stops")) && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(lines).as("the dev server's output").anyMatch(l -> l.startsWith("Arena is running. Open "));
            Thread.sleep(SETTLE_MILLIS);
            assertThat(process.isAlive()).as("still running; output: %s", lines).isTrue();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        List<String> printed = new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        assertThat(printed).as("a plain start's output").noneMatch(l -> l.contains("SLF4J"))
                .noneMatch(l -> l.matches("(?i).*\\b(warn|warning|severe|error|exception)\\b.*"));
        assertThat(printed).as("a plain start prints Arena's two lines and nothing else").hasSize(2);
        assertThat(printed.get(0)).startsWith("Arena is running. Open http://localhost:");
        assertThat(printed.get(1)).startsWith("  (WebSocket at ws://localhost:");
    }
}
