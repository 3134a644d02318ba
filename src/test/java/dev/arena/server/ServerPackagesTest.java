package dev.arena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code dev.arena.server} refer to nothing above them: no class of a sub-package uses a class of
 * {@code dev.arena.server} itself, each uses only the sibling parts its {@code package-info} allows (so they form no
 * cycle), and nothing in {@code dev.arena.server} or below uses {@code jakarta.websocket}. Every compiled class is
 * scanned: a class file names every class it uses in its constant pool, imported or written out in full.
 */
class ServerPackagesTest {
    private static final Path ROOT = Path.of("target/classes/dev/arena/server");
    private static final Pattern PARENT = Pattern.compile("dev/arena/server/([A-Z][A-Za-z0-9_$]*)");
    private static final Pattern PART = Pattern.compile("dev/arena/server/([a-z]+)/");
    /** Which sibling parts each part may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "metrics", Set.of(),
            "party", Set.of(),
            "connection", Set.of("metrics"),
            "snapshot", Set.of("connection", "metrics"),
            "room", Set.of("connection", "snapshot", "party", "metrics"));

    @Test
    void noPartRefersToItsParentOrToAPartItMayNotUseAndNoneUsesWebSocket() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> parts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (text.contains("jakarta/websocket")) {
                    problems.add(f + " uses jakarta.websocket");
                }
                Path dir = ROOT.relativize(f.getParent());
                if (dir.toString().isEmpty()) {
                    continue; // dev.arena.server itself may use its parts
                }
                String part = dir.getName(0).toString();
                parts.add(part);
                assertThat(ALLOWED).as("a rule for part " + part).containsKey(part);
                for (String parent : parentsUsedBy(text)) {
                    problems.add(f + " uses dev.arena.server." + parent);
                }
                Matcher m = PART.matcher(text);
                while (m.find()) {
                    String other = m.group(1);
                    if (!other.equals(part) && !ALLOWED.get(part).contains(other)) {
                        problems.add(f + " uses dev.arena.server." + other);
                    }
                }
            }
        }
        assertThat(parts).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPartSaysWhatItIsAndWhatItMayImport() throws IOException {
        for (String part : ALLOWED.keySet()) {
            Path info = Path.of("src/main/java/dev/arena/server", part, "package-info.java");
            assertThat(info).isRegularFile();
            String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "); // one line
            assertThat(text).as(part).contains("Imports").contains("never its parent");
        }
    }

    @Test
    void theScanSeesAUseOfTheParent() throws IOException {
        // the scanner itself, on a class known to use GameWorld (the endpoint)
        Path endpointClass = Path.of("target/classes/dev/arena/transport/GameEndpoint.class");
        String endpoint = new String(Files.readAllBytes(endpointClass), StandardCharsets.ISO_8859_1);
        assertThat(parentsUsedBy(endpoint)).contains("GameWorld");
        assertThat(PART.matcher(endpoint).find()).as("and a part (Connection)").isTrue();
    }

    private static Set<String> parentsUsedBy(String classFile) {
        Set<String> used = new TreeSet<>();
        Matcher m = PARENT.matcher(classFile);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
