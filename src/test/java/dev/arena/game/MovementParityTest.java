package dev.arena.game;

import dev.arena.games.dots.World;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Keeps the committed movement fixture {@code src/test/resources/parity/movement.json} true to {@link World}: for
 * each scenario (rules, scripted held inputs, one per tick) the fixture holds the position after every tick as
 * World computes it. The browser's prediction ({@code webapp/js/prediction.js}) is checked against the same file
 * by {@code src/test/js/parity.test.mjs}, exactly (same double operations, so the same bits). A change of the rule
 * on either side fails one of the two tests; after an intended change, regenerate the fixture with
 * {@code mvn test -Dtest=MovementParityTest -Darena.writeParityFixture=true} and make the other side agree.
 */
class MovementParityTest {
    static final Path FIXTURE = Path.of("src/test/resources/parity/movement.json");

    record Scenario(String name, Rules rules, List<Input> inputs) {}

    static List<Scenario> scenarios() {
        return List.of(
                scenario("default rules", Rules.DEFAULT, 1),
                scenario("30 Hz, odd speed and radius, wide map", new Rules(800, 400, 30, 137.5, 12.5), 2),
                scenario("small map, 60 Hz", new Rules(120, 90, 60, 333.3, 7), 3),
                scenario("7 Hz, radius 0", new Rules(1000, 1000, 7, 1000.0 / 3, 0), 4));
    }

    /**
     * A diagonal out of the corner, a lap along the four walls (pushing into each), a pause, then 200 ticks of random
     * held directions in runs of 1 to 30 ticks, from a fixed seed.
     */
    static Scenario scenario(String name, Rules rules, long seed) {
        double stepLength = rules.speed() * rules.dt();
        int across = (int) Math.ceil(rules.width() / stepLength) + 1;
        int down = (int) Math.ceil(rules.height() / stepLength) + 1;
        List<Input> inputs = new ArrayList<>();
        hold(inputs, new Input(1, 1), 5);
        hold(inputs, new Input(1, 0), across);
        hold(inputs, new Input(0, 1), down);
        hold(inputs, new Input(-1, 1), 5);
        hold(inputs, new Input(-1, 0), across);
        hold(inputs, new Input(0, -1), down);
        hold(inputs, new Input(-1, -1), 5);
        hold(inputs, Input.NONE, 3);
        SplittableRandom random = new SplittableRandom(seed);
        for (int left = 200; left > 0; ) {
            int run = Math.min(left, 1 + random.nextInt(30));
            hold(inputs, new Input(random.nextInt(3) - 1, random.nextInt(3) - 1), run);
            left -= run;
        }
        return new Scenario(name, rules, inputs);
    }

    private static void hold(List<Input> inputs, Input input, int ticks) {
        for (int i = 0; i < ticks; i++) {
            inputs.add(input);
        }
    }

    /** Runs a scenario through World: a player walked into the top-left corner (radius, radius), then the script. */
    static List<Vec2> run(Scenario s) {
        World world = new World(s.rules(), 7);
        PlayerId id = world.join("p").id();
        long seq = 1;
        world.steer(id, seq++, new Input(-1, -1));
        // a diagonal covers speed * dt / sqrt 2 of each axis a tick: from anywhere on the map, this many ticks reach it
        int toCorner = (int) Math.ceil(Math.sqrt(2) * Math.max(s.rules().width(), s.rules().height())
                / (s.rules().speed() * s.rules().dt())) + 2;
        for (int i = 0; i < toCorner; i++) {
            world.step();
        }
        assertThat(world.player(id).orElseThrow().position())
                .isEqualTo(new Vec2(s.rules().radius(), s.rules().radius()));
        List<Vec2> positions = new ArrayList<>();
        for (Input input : s.inputs()) {
            world.steer(id, seq++, input);
            world.step();
            positions.add(world.player(id).orElseThrow().position());
        }
        return positions;
    }

    @Test
    void committedFixtureMatchesWhatWorldComputes() throws IOException {
        if (Boolean.getBoolean("arena.writeParityFixture")) {
            write();
        }
        JsonObject fixture;
        try (Reader in = Files.newBufferedReader(FIXTURE, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            fixture = reader.readObject();
        }
        JsonArray scenarios = fixture.getJsonArray("scenarios");
        List<Scenario> expected = scenarios();
        assertThat(scenarios).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Scenario s = expected.get(i);
            JsonObject f = scenarios.getJsonObject(i);
            assertThat(f.getString("name")).isEqualTo(s.name());
            JsonObject r = f.getJsonObject("rules");
            assertThat(new Rules(r.getInt("width"), r.getInt("height"), r.getInt("tickRate"),
                            r.getJsonNumber("speed").doubleValue(), r.getJsonNumber("radius").doubleValue()))
                    .isEqualTo(s.rules());
            JsonArray inputs = f.getJsonArray("inputs");
            JsonArray positions = f.getJsonArray("positions");
            List<Vec2> computed = run(s);
            assertThat(inputs).hasSameSizeAs(s.inputs());
            assertThat(positions).hasSameSizeAs(computed);
            for (int t = 0; t < computed.size(); t++) {
                JsonArray in = inputs.getJsonArray(t);
                assertThat(new Input(in.getInt(0), in.getInt(1))).isEqualTo(s.inputs().get(t));
                JsonArray p = positions.getJsonArray(t);
                Vec2 at = new Vec2(p.getJsonNumber(0).doubleValue(), p.getJsonNumber(1).doubleValue());
                assertThat(at).as("%s, tick %d", s.name(), t + 1).isEqualTo(computed.get(t));
            }
        }
    }

    @Test
    void scenariosMoveDiagonallyAndAreClampedOnEverySide() {
        for (Scenario s : scenarios()) {
            List<Vec2> positions = run(s);
            double r = s.rules().radius();
            assertThat(positions).anyMatch(p -> p.x() == r).anyMatch(p -> p.y() == r);
            assertThat(positions).anyMatch(p -> p.x() == s.rules().width() - r).anyMatch(p -> p.y() == s.rules().height() - r);
            assertThat(s.inputs()).anyMatch(i -> i.dx() != 0 && i.dy() != 0).anyMatch(i -> i.dx() == 0 && i.dy() == 0);
        }
    }

    private static void write() throws IOException {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Scenario s : scenarios()) {
            JsonArrayBuilder inputs = Json.createArrayBuilder();
            s.inputs().forEach(i -> inputs.add(Json.createArrayBuilder().add(i.dx()).add(i.dy())));
            JsonArrayBuilder positions = Json.createArrayBuilder();
            run(s).forEach(p -> positions.add(Json.createArrayBuilder().add(p.x()).add(p.y())));
            Rules r = s.rules();
            all.add(Json.createObjectBuilder()
                    .add("name", s.name())
                    .add("rules", Json.createObjectBuilder().add("width", r.width()).add("height", r.height())
                            .add("tickRate", r.tickRate()).add("speed", r.speed()).add("radius", r.radius()))
                    .add("start", Json.createArrayBuilder().add(r.radius()).add(r.radius()))
                    .add("inputs", inputs)
                    .add("positions", positions));
        }
        JsonObject fixture = Json.createObjectBuilder()
                .add("about", "Written by dev.arena.game.MovementParityTest from dev.arena.games.dots.World: position after"
                        + " each tick for held inputs, starting at (radius, radius). Read by src/test/js/parity.test.mjs.")
                .add("scenarios", all)
                .build();
        try (Writer out = Files.newBufferedWriter(FIXTURE, StandardCharsets.UTF_8); JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(fixture);
            out.write('\n');
        }
    }
}
