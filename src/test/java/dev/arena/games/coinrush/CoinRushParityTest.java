package dev.arena.games.coinrush;

import static dev.arena.games.coinrush.CoinRushGame.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.spi.Event;
import dev.arena.spi.Match;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Table;
import jakarta.json.spi.JsonProvider;
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
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/test/resources/parity/coinrush.json} true to coin rush's Java rule: two players in a small room
 * hold scripted inputs for 400 ticks; per tick the fixture holds each player's input, position and velocity after the
 * step (exact doubles), the coins present before the step, and the coins collected (by whom). The browser's twin
 * ({@code webapp/games/coinrush/step.js}) is checked against the same file by {@code src/test/js/coinrush.test.mjs},
 * to the bit. After an intended change of the rule: {@code mvn test -Dtest=CoinRushParityTest
 * -Darena.writeParityFixture=true}, then make the JavaScript agree.
 */
class CoinRushParityTest {
    /** Looked up once: each static {@code Json.create...} call searches the class path for a provider. */
    static final JsonProvider JSON = JsonProvider.provider();
    static final Path FIXTURE = Path.of("src/test/resources/parity/coinrush.json");
    static final int TICK_RATE = 20;
    static final Map<String, String> SETTINGS = Map.of("arena.game.coinrush.mapWidth", "200",
            "arena.game.coinrush.mapHeight", "150", "arena.game.coinrush.spawnSeconds", "0.1",
            "arena.game.coinrush.maxCoins", "6", "arena.game.coinrush.coinSeconds", "2",
            "arena.game.coinrush.damping", "0.85", "arena.game.coinrush.roundSeconds", "1000");

    /** The recording, as it would be written. */
    static JsonObject record() {
        CoinRushGame game = new CoinRushGame();
        Settings settings = Settings.read(game, SETTINGS);
        Match m = Match.start(game, settings, TICK_RATE, 314);
        m.join(1, "a");
        m.join(2, "b");
        Table players = m.state().table(PLAYER);
        Table coins = m.state().table(COIN);
        JsonArrayBuilder start = JSON.createArrayBuilder();
        for (int p : players.ids()) {
            start.add(JSON.createArrayBuilder().add(p).add(players.decimal(p, X)).add(players.decimal(p, Y)));
        }
        SplittableRandom script = new SplittableRandom(2026);
        int[][] held = new int[3][2];
        int[] runLeft = new int[3];
        long seq = 0;
        JsonArrayBuilder ticks = JSON.createArrayBuilder();
        for (int t = 1; t <= 400; t++) {
            JsonArrayBuilder coinsBefore = JSON.createArrayBuilder();
            for (int c : coins.ids()) {
                coinsBefore.add(JSON.createArrayBuilder().add(c).add(coins.decimal(c, COIN_X))
                        .add(coins.decimal(c, COIN_Y)).add(coins.integer(c, EXPIRES)));
            }
            JsonArrayBuilder inputs = JSON.createArrayBuilder();
            seq++;
            for (int p = 1; p <= 2; p++) {
                if (runLeft[p]-- <= 0) {
                    held[p] = new int[] {script.nextInt(3) - 1, script.nextInt(3) - 1};
                    runLeft[p] = script.nextInt(25);
                }
                m.input(p, PlayerInput.of(MOVE, seq, held[p][0], held[p][1]));
                inputs.add(JSON.createArrayBuilder().add(held[p][0]).add(held[p][1]));
            }
            m.step();
            JsonArrayBuilder bodies = JSON.createArrayBuilder();
            for (int p : players.ids()) {
                bodies.add(JSON.createArrayBuilder().add(players.decimal(p, X)).add(players.decimal(p, Y))
                        .add(players.decimal(p, VX)).add(players.decimal(p, VY)));
            }
            JsonArrayBuilder collected = JSON.createArrayBuilder();
            for (Event e : m.drainEvents()) {
                if (e.type() == COIN_COLLECTED) {
                    collected.add(JSON.createArrayBuilder().add((Long) e.values().get(0)).add((Long) e.values().get(1)));
                }
            }
            ticks.add(JSON.createObjectBuilder().add("tick", t).add("coins", coinsBefore).add("inputs", inputs)
                    .add("bodies", bodies).add("collected", collected));
        }
        CoinRushRule.Motion mo = CoinRushGame.motion(settings);
        return JSON.createObjectBuilder()
                .add("about", "Written by dev.arena.games.coinrush.CoinRushParityTest from CoinRushRule through the"
                        + " coin rush simulation. Read by src/test/js/coinrush.test.mjs.")
                .add("motion", JSON.createObjectBuilder().add("width", mo.width()).add("height", mo.height())
                        .add("radius", mo.radius()).add("coinRadius", mo.coinRadius())
                        .add("acceleration", mo.acceleration()).add("maxSpeed", mo.maxSpeed())
                        .add("damping", mo.damping()))
                .add("tickRate", TICK_RATE)
                .add("start", start)
                .add("ticks", ticks)
                .build();
    }

    @Test
    void committedFixtureIsWhatTheJavaRuleComputes() throws IOException {
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
    }

    @Test
    void theRecordingHitsWallsAndCollectsCoins() {
        JsonObject f = record();
        long collected = f.getJsonArray("ticks").getValuesAs(JsonObject.class).stream()
                .mapToLong(t -> t.getJsonArray("collected").size()).sum();
        long atWall = f.getJsonArray("ticks").getValuesAs(JsonObject.class).stream()
                .flatMap(t -> t.getJsonArray("bodies").getValuesAs(jakarta.json.JsonArray.class).stream())
                .filter(b -> b.getJsonNumber(0).doubleValue() == 12 || b.getJsonNumber(1).doubleValue() == 150 - 12)
                .count();
        assertThat(collected).isGreaterThan(5);
        assertThat(atWall).isGreaterThan(5);
    }
}
