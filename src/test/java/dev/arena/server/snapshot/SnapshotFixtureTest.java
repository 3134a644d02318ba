package dev.arena.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.game.Input;
import dev.arena.game.PlayerId;
import dev.arena.game.PlayerState;
import dev.arena.game.Rules;
import dev.arena.games.dots.World;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.protocol.SnapshotDecoder;
import dev.arena.server.metrics.Metrics;
import dev.arena.server.metrics.RoomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Keeps the committed fixture {@code src/test/resources/parity/snapshots.json} true to the server's compact
 * snapshots and the Java decoder: a room on a map cut into cells, players wandering, joining and leaving, one
 * observer whose snapshots are sometimes dropped; each frame the observer was sent (base64) and the snapshot the
 * Java {@link SnapshotDecoder} makes of it. {@code src/test/js/snapshots.test.mjs} decodes the same frames with the
 * browser's decoder and must get the same snapshots. After an intended change of the format, regenerate with
 * {@code mvn test -Dtest=SnapshotFixtureTest -Darena.writeParityFixture=true}.
 */
class SnapshotFixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/parity/snapshots.json");
    static final Rules RULES = new Rules(600, 400, 20, 300, 10);

    static String generate() {
        Codec codec = new Codec();
        World world = new World(RULES, 21);
        SnapshotFrames frames = new SnapshotFrames(RULES, new InterestGrid(RULES, 150), codec);
        PlayerId self = world.join("observer").id();
        for (int i = 0; i < 40; i++) {
            world.join("p" + i);
        }
        SplittableRandom random = new SplittableRandom(8);
        SnapshotStream stream = new SnapshotStream(true);
        SnapshotDecoder decoder = new SnapshotDecoder(RULES, self.value());
        RoomMetrics metrics = RoomMetrics.detached(new Metrics(new SimpleMeterRegistry()), 20);
        long seq = 0;
        JsonArrayBuilder steps = Json.createArrayBuilder();
        for (int t = 0; t < 80; t++) {
            for (PlayerState p : world.snapshot().players()) {
                if (random.nextInt(6) == 0) {
                    world.steer(p.id(), ++seq, new Input(random.nextInt(3) - 1, random.nextInt(3) - 1));
                }
            }
            if (t % 9 == 4) {
                world.join("late" + t);
            }
            if (t % 11 == 6) {
                world.leave(world.snapshot().players().get(1 + random.nextInt(world.size() - 1)).id());
            }
            world.step();
            RoomFrame frame = frames.next(world.snapshot(), 1_763_740_800_000L + world.tick() * 50);
            SnapshotStream.Offer offer =
                    stream.offer(frame, frames.grid().view(frames.cellOf(self)), frames.seqOf(self), metrics);
            if (t % 7 == 3) {
                continue; // dropped: replaced in the outbox before it was sent
            }
            ByteBuffer bytes = (ByteBuffer) offer.render();
            byte[] raw = new byte[bytes.remaining()];
            bytes.duplicate().get(raw);
            ServerMessage.Snapshot s = decoder.decode(bytes);
            JsonArrayBuilder players = Json.createArrayBuilder();
            s.players().stream().sorted(Comparator.comparingInt(ServerMessage.PlayerPosition::id))
                    .forEach(p -> players.add(Json.createArrayBuilder().add(p.id()).add(p.x()).add(p.y()).add(p.seq())));
            steps.add(Json.createObjectBuilder()
                    .add("frame", Base64.getEncoder().encodeToString(raw))
                    .add("tick", s.tick())
                    .add("time", s.time())
                    .add("players", players));
        }
        JsonObject fixture = Json.createObjectBuilder()
                .add("comment", "written by dev.arena.server.snapshot.SnapshotFixtureTest;"
                        + " checked by src/test/js/snapshots.test.mjs")
                .add("rules", Json.createObjectBuilder().add("width", RULES.width()).add("height", RULES.height())
                        .add("tickRate", RULES.tickRate()).add("speed", RULES.speed()).add("radius", RULES.radius()))
                .add("selfId", self.value())
                .add("steps", steps)
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter w = Json.createWriter(out)) {
            w.writeObject(fixture);
        }
        return out + "\n";
    }

    @Test
    void theCommittedFixtureIsWhatTheServerAndTheJavaDecoderProduce() throws IOException {
        String now = generate();
        if (Boolean.getBoolean("arena.writeParityFixture")) {
            Files.writeString(FIXTURE, now, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FIXTURE, StandardCharsets.UTF_8)).isEqualTo(now);
        assertThat(now).contains("\"players\":[[");
    }
}
