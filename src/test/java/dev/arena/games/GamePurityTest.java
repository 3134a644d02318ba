package dev.arena.games;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SPI, the games and the rules import nothing of transport, JSON, threads or clocks: every compiled class of
 * {@code dev/arena/spi}, {@code dev/arena/games} and {@code dev/arena/game} is scanned for references to them (a
 * class file names every class and method it uses in its constant pool, imported or written out in full).
 */
class GamePurityTest {
    static final List<String> FORBIDDEN = List.of("jakarta/websocket", "jakarta/json", "javax/json",
            "java/util/concurrent", "java/lang/Thread", "java/util/Timer", "currentTimeMillis", "nanoTime",
            "java/time/Instant", "java/time/Clock", "java/time/LocalDateTime", "java/net/", "java/nio/file");

    @Test
    void gamePackagesReferenceNoTransportJsonThreadsOrClock() throws IOException {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        for (String pkg : List.of("dev/arena/spi", "dev/arena/games", "dev/arena/game")) {
            Path dir = Path.of("target/classes", pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    classes++;
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String bad : FORBIDDEN) {
                        if (text.contains(bad)) {
                            problems.add(f + " refers to " + bad);
                        }
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void theScanFindsAForbiddenReference() throws IOException {
        // the scanner itself, on a class known to use java.util.concurrent: this test class's neighbour would not
        Path room = Path.of("target/classes/dev/arena/server/room/Room.class");
        String text = new String(Files.readAllBytes(room), StandardCharsets.ISO_8859_1);
        assertThat(FORBIDDEN).anyMatch(text::contains);
    }
}
