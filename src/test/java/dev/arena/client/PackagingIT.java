package dev.arena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged archives (after {@code mvn package}): the client library is in {@code arena-client.jar} with the one
 * copy of the wire format and the game's value types, and never in {@code arena.war}, whose classes do not refer to
 * it either.
 */
class PackagingIT {
    private static final Path WAR = Path.of(System.getProperty("arena.war", "target/arena.war"));
    private static final Path CLIENT_JAR = WAR.resolveSibling("arena-client.jar");

    private static List<String> entries(Path archive) throws IOException {
        assertThat(archive).as("built by mvn package").isRegularFile();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theWarShipsTheServerAndTheWireFormatButNoClientClass() throws IOException {
        List<String> war = entries(WAR);
        assertThat(war).filteredOn(e -> e.contains("dev/arena/client")).isEmpty();
        assertThat(war).contains(
                "WEB-INF/classes/dev/arena/transport/GameEndpoint.class",
                "WEB-INF/classes/dev/arena/protocol/ServerMessage.class",
                "WEB-INF/classes/dev/arena/games/dots/World.class");
    }

    @Test
    void noClassOfTheWarRefersToTheClientPackage() throws IOException {
        List<String> referring = new ArrayList<>();
        try (ZipFile zip = new ZipFile(WAR.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> e.getName().startsWith("WEB-INF/classes/")
                    && e.getName().endsWith(".class")).toList()) {
                // a class's constant pool names every class it uses, in internal form
                String bytes = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (bytes.contains("dev/arena/client/")) {
                    referring.add(e.getName());
                }
            }
        }
        assertThat(referring).isEmpty();
    }

    @Test
    void theClientJarHasTheClientTheWireFormatsAndTheGamesAndNothingOfTheServer() throws IOException {
        List<String> jar = entries(CLIENT_JAR);
        assertThat(jar).contains(
                "dev/arena/client/ArenaClient.class",
                "dev/arena/client/package-info.class",
                "dev/arena/protocol/ServerMessage.class",
                "dev/arena/protocol/Codec.class",
                "dev/arena/game/Rules.class",
                "dev/arena/game/Movement.class", // the one movement rule: SnapshotDecoder moves players by it
                "dev/arena/spi/Game.class", // games on the SPI: their schema decodes their state frames
                "dev/arena/snapshot/StateDecoder.class",
                "dev/arena/games/coinrush/CoinRushGame.class");
        assertThat(jar).filteredOn(e -> e.endsWith(".class"))
                .allMatch(e -> e.startsWith("dev/arena/client/") || e.startsWith("dev/arena/protocol/")
                        || e.startsWith("dev/arena/game/") || e.startsWith("dev/arena/spi/")
                        || e.startsWith("dev/arena/snapshot/") || e.startsWith("dev/arena/games/"),
                        "in client/, protocol/, game/, spi/, snapshot/ or games/");
    }

    @Test
    void theSharedRecordsAreOneCopyInBothArchives() throws IOException {
        // the same compiled class, byte for byte, in the WAR and in the client jar: one source, one copy
        try (ZipFile war = new ZipFile(WAR.toFile()); ZipFile jar = new ZipFile(CLIENT_JAR.toFile())) {
            for (String name : List.of("dev/arena/protocol/ServerMessage.class", "dev/arena/protocol/Codec.class",
                    "dev/arena/protocol/ClientMessage.class", "dev/arena/game/Movement.class")) {
                byte[] inWar = war.getInputStream(war.getEntry("WEB-INF/classes/" + name)).readAllBytes();
                byte[] inJar = jar.getInputStream(jar.getEntry(name)).readAllBytes();
                assertThat(inJar).as(name).isEqualTo(inWar);
            }
        }
    }
}
