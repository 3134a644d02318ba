package dev.arena.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Viewer;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/test/resources/parity/state.json} true to the Java encoder and decoder: a coin rush room (two
 * rounds, players joining and leaving, interest cells, one resync) as a player and a screen receive it, each frame
 * in binary (base64) and JSON with what the Java {@link StateDecoder} makes of it (the same for both formats); plus
 * events and inputs in both formats. {@code src/test/js/state.test.mjs} decodes the same frames with
 * {@code webapp/js/state.js} and must get the same. Rewrite after an intended change with
 * {@code mvn test -Dtest=StateFixtureTest -Darena.writeParityFixture=true}.
 */
class StateFixtureTest {
    /** Looked up once: each static {@code Json.create...} call searches the class path for a provider. */
    static final JsonProvider JSON = JsonProvider.provider();
    static final Path FIXTURE = Path.of("src/test/resources/parity/state.json");
    static final CoinRushGame GAME = new CoinRushGame();
    static final Base64.Encoder B64 = Base64.getEncoder();

    static JsonObject record() {
        Settings settings = Settings.read(GAME, Map.of("arena.game.coinrush.mapWidth", "300",
                "arena.game.coinrush.mapHeight", "200", "arena.game.coinrush.roundSeconds", "3",
                "arena.game.coinrush.resultsSeconds", "1", "arena.game.coinrush.spawnSeconds", "0.2"));
        Match m = Match.start(GAME, settings, 20, 99);
        List<Viewer> viewers = List.of(Viewer.player(1), Viewer.screen());
        List<ClientStream> streams = viewers.stream().map(v -> new ClientStream(GAME.schema(), v)).toList();
        List<StateDecoder> binary = viewers.stream().map(v -> new StateDecoder(GAME.schema(), v)).toList();
        List<StateDecoder> json = viewers.stream().map(v -> new StateDecoder(GAME.schema(), v)).toList();
        List<JsonArrayBuilder> steps = viewers.stream().map(v -> JSON.createArrayBuilder()).toList();
        EventCodec events = new EventCodec(GAME.schema());
        JsonArrayBuilder eventRecords = JSON.createArrayBuilder();
        SplittableRandom script = new SplittableRandom(5);
        m.join(1, "Ada");
        m.join(2, "Bob");
        for (int t = 1; t <= 100; t++) {
            if (t == 30) {
                m.join(3, "Cy");
            }
            if (t == 70) {
                m.leave(2);
            }
            for (int p = 1; p <= 3; p++) {
                m.input(p, PlayerInput.of(CoinRushGame.MOVE, t, script.nextInt(3) - 1, script.nextInt(3) - 1));
            }
            m.step();
            for (Event e : m.drainEvents()) {
                eventRecords.add(JSON.createObjectBuilder().add("json", events.json(e))
                        .add("binary", B64.encodeToString(events.binary(e))).add("decoded", model(events.decode(events.json(e)))));
                assertThat(events.decode(ByteBuffer.wrap(events.binary(e)))).isEqualTo(events.decode(events.json(e)));
            }
            Frame frame = Frame.of(m, 60);
            for (int v = 0; v < viewers.size(); v++) {
                if (t == 50 && v == 0) {
                    streams.get(v).resync();
                }
                Delta d = streams.get(v).next(frame);
                binary.get(v).apply(ByteBuffer.wrap(d.binary()));
                json.get(v).apply(d.json());
                JsonObject model = model(binary.get(v));
                assertThat(model(json.get(v))).isEqualTo(model);
                steps.get(v).add(JSON.createObjectBuilder().add("binary", B64.encodeToString(d.binary()))
                        .add("json", d.json()).add("model", model));
            }
        }
        JsonArrayBuilder viewerRecords = JSON.createArrayBuilder();
        for (int v = 0; v < viewers.size(); v++) {
            viewerRecords.add(JSON.createObjectBuilder().add("player", viewers.get(v).player())
                    .add("role", viewers.get(v).role().name().toLowerCase(Locale.ROOT)).add("steps", steps.get(v)));
        }
        InputCodec inputs = new InputCodec(GAME.schema());
        PlayerInput in = PlayerInput.of(CoinRushGame.MOVE, 123456789, -1, 1);
        JsonObject input = JSON.createObjectBuilder().add("name", "move").add("seq", in.seq())
                .add("values", JSON.createObjectBuilder().add("dx", -1).add("dy", 1))
                .add("json", inputs.json(in)).add("binary", B64.encodeToString(inputs.binary(in))).build();
        try (JsonReader schema = JSON.createReader(new StringReader(SchemaJson.of(GAME)))) {
            return JSON.createObjectBuilder()
                    .add("about", "Written by dev.arena.snapshot.StateFixtureTest (Java encoder and decoder)."
                            + " Read by src/test/js/state.test.mjs.")
                    .add("schema", schema.readObject())
                    .add("viewers", viewerRecords)
                    .add("events", eventRecords)
                    .add("inputs", JSON.createArrayBuilder().add(input))
                    .build();
        }
    }

    /** What a decoder knows, as JSON: entities by kind, ascending id. */
    static JsonObject model(StateDecoder d) {
        JsonObjectBuilder entities = JSON.createObjectBuilder();
        d.entities().forEach((kind, byId) -> {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            byId.forEach((id, e) -> list.add(JSON.createObjectBuilder().add("id", id).add("owner", e.owner())
                    .add("values", values(e.values()))));
            entities.add(kind, list);
        });
        JsonArrayBuilder scores = JSON.createArrayBuilder();
        d.scores().forEach(s -> scores.add(JSON.createObjectBuilder().add("player", s.player()).add("points", s.points())));
        return JSON.createObjectBuilder().add("tick", d.tick())
                .add("phase", JSON.createObjectBuilder().add("name", d.phase().name()).add("round", d.phase().round())
                        .add("ticksLeft", d.phase().ticksLeft()))
                .add("scores", scores).add("entities", entities).build();
    }

    static JsonObject model(EventCodec.Received r) {
        return JSON.createObjectBuilder().add("event", r.event()).add("values", values(r.values())).build();
    }

    static JsonObjectBuilder values(Map<String, Object> values) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v instanceof Long l) {
                o.add(k, l);
            } else if (v instanceof Double x) {
                o.add(k, x);
            } else if (v instanceof Boolean b) {
                o.add(k, b);
            } else {
                o.add(k, (String) v);
            }
        });
        return o;
    }

    @Test
    void committedFixtureIsWhatTheJavaEncoderAndDecoderMake() throws IOException {
        JsonObject computed = record();
        if (Boolean.getBoolean("arena.writeParityFixture")) {
            try (Writer out = Files.newBufferedWriter(FIXTURE, StandardCharsets.UTF_8);
                    JsonWriter writer = JSON.createWriter(out)) {
                writer.writeObject(computed);
                out.write('\n');
            }
        }
        JsonObject committed;
        try (Reader in = Files.newBufferedReader(FIXTURE, StandardCharsets.UTF_8); JsonReader r = JSON.createReader(in)) {
            committed = r.readObject();
        }
        assertThat(committed).isEqualTo(computed);
        String all = computed.toString();
        assertThat(all).contains("\"streak\"").contains("\"name\":\"results\"").as("a JSON frame with a gone op")
                .contains("\\\"op\\\":\\\"gone\\\"");
    }
}
