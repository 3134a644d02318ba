package dev.arena.games.dots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.spi.Admission;
import dev.arena.spi.Match;
import dev.arena.spi.Phase;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Settings;
import dev.arena.spi.Table;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dots game on the SPI moves exactly as {@code World} does: the committed movement parity fixture, to the bit. */
class DotsGameTest {
    static final DotsGame DOTS = new DotsGame();

    @Test
    void followsTheMovementParityFixtureTickByTick() throws IOException {
        JsonObject fixture;
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/parity/movement.json"),
                StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            fixture = reader.readObject();
        }
        JsonArray scenarios = fixture.getJsonArray("scenarios");
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(4);
        for (JsonObject s : scenarios.getValuesAs(JsonObject.class)) {
            JsonObject r = s.getJsonObject("rules");
            double radius = r.getJsonNumber("radius").doubleValue();
            double speed = r.getJsonNumber("speed").doubleValue();
            int tickRate = r.getInt("tickRate");
            Settings settings = Settings.read(DOTS, Map.of(
                    "arena.game.dots.mapWidth", String.valueOf(r.getInt("width")),
                    "arena.game.dots.mapHeight", String.valueOf(r.getInt("height")),
                    "arena.game.dots.speed", Double.toString(speed),
                    "arena.game.dots.radius", Double.toString(radius)));
            Match match = Match.start(DOTS, settings, tickRate, 7);
            assertThat(match.join(5, "p")).isEqualTo(Admission.ADMITTED);
            long seq = 1;
            match.input(5, PlayerInput.of(DotsGame.MOVE, seq++, -1, -1));
            // diagonal steps move speed * dt / sqrt(2) along each axis: twice the straight count reaches the corner
            int toCorner = 2 * (int) Math.ceil(Math.max(r.getInt("width"), r.getInt("height")) / (speed / tickRate)) + 2;
            for (int i = 0; i < toCorner; i++) {
                match.step();
            }
            Table players = match.state().table(DotsGame.PLAYER);
            assertThat(players.decimal(5, DotsGame.X)).isEqualTo(radius);
            assertThat(players.decimal(5, DotsGame.Y)).isEqualTo(radius);
            JsonArray inputs = s.getJsonArray("inputs");
            JsonArray positions = s.getJsonArray("positions");
            for (int t = 0; t < inputs.size(); t++) {
                JsonArray in = inputs.getJsonArray(t);
                assertThat(match.input(5, PlayerInput.of(DotsGame.MOVE, seq++, in.getInt(0), in.getInt(1)))).isTrue();
                match.step();
                JsonArray p = positions.getJsonArray(t);
                assertThat(new double[] {players.decimal(5, DotsGame.X), players.decimal(5, DotsGame.Y)})
                        .as("%s, tick %d", s.getString("name"), t + 1)
                        .containsExactly(p.getJsonNumber(0).doubleValue(), p.getJsonNumber(1).doubleValue());
            }
        }
    }

    @Test
    void joinsLikeWorldAndHasNoRoundsOrScores() {
        Match match = Match.start(DOTS, Settings.defaults(DOTS), 20, 1);
        match.join(3, "  Ada\u0007  Lovelace ");
        match.join(9, null);
        Table players = match.state().table(DotsGame.PLAYER);
        assertThat(players.text(3, DotsGame.NAME_FIELD)).isEqualTo("Ada Lovelace");
        assertThat(players.text(9, DotsGame.NAME_FIELD)).isEqualTo("Player 2");
        assertThat(players.integer(3, DotsGame.HUE)).isNotEqualTo(players.integer(9, DotsGame.HUE));
        for (int id : players.ids()) {
            assertThat(players.decimal(id, DotsGame.X)).isBetween(10.0, 490.0);
            assertThat(players.owner(id)).isEqualTo(id);
        }
        assertThat(match.phase()).isEqualTo(Phase.ENDLESS);
        assertThat(match.scores()).isEmpty();
        match.leave(3);
        assertThat(players.ids()).containsExactly(9);
    }

    @Test
    void olderInputsAreDroppedAndIdleStopsAndRenumbers() {
        Match match = Match.start(DOTS, Settings.defaults(DOTS), 20, 1);
        match.join(1, "a");
        assertThat(match.input(1, PlayerInput.of(DotsGame.MOVE, 5, 1, 0))).isTrue();
        assertThat(match.input(1, PlayerInput.of(DotsGame.MOVE, 4, -1, 0))).isFalse();
        assertThat(match.ack(1)).isEqualTo(5);
        Table players = match.state().table(DotsGame.PLAYER);
        assertThat(players.integer(1, DotsGame.DX)).isEqualTo(1);
        match.idle(1);
        assertThat(players.integer(1, DotsGame.DX)).isZero();
        assertThat(match.input(1, PlayerInput.of(DotsGame.MOVE, 1, 0, 1))).isTrue();
        assertThat(match.input(2, PlayerInput.of(DotsGame.MOVE, 1, 0, 1))).as("not admitted").isFalse();
    }
}
