package dev.arena.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.server.ArenaConfig;
import dev.arena.spi.Game;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Schema;
import dev.arena.spi.Setting;
import dev.arena.spi.Setup;
import dev.arena.spi.Simulation;
import dev.arena.support.WorldHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rooms of a game on the SPI (coin rush), through the whole server ({@code GameWorld}) with fake peers: the join's
 * game, the welcome's schema and settings, state frames with the ack, strict inputs, resume, roles, and a game that
 * fails ending only its own room.
 */
class MatchRoomTest {
    /** Coin rush, except that its step throws while {@link #broken} is set, and its join while {@link #brokenJoin}. */
    static final class Flaky implements Game {
        private final CoinRushGame game = new CoinRushGame();
        volatile boolean broken;
        volatile boolean brokenJoin;

        public String name() {
            return "flaky";
        }

        public List<Setting> settings() {
            return game.settings();
        }

        public Schema schema() {
            return game.schema();
        }

        public Simulation create(Setup setup) {
            Simulation s = game.create(setup);
            return new Simulation() {
                public dev.arena.spi.Admission join(int player, String name) {
                    if (brokenJoin) {
                        throw new IllegalStateException("injected fault in join");
                    }
                    return s.join(player, name);
                }

                public void leave(int player) {
                    s.leave(player);
                }

                public void idle(int player) {
                    s.idle(player);
                }

                public void input(int player, PlayerInput input) {
                    s.input(player, input);
                }

                public void step(long tick, double dt) {
                    if (broken) {
                        throw new IllegalStateException("injected fault");
                    }
                    s.step(tick, dt);
                }

                public dev.arena.spi.Phase phase() {
                    return s.phase();
                }

                public List<dev.arena.spi.Score> scores() {
                    return s.scores();
                }
            };
        }
    }

    private final Flaky flaky = new Flaky();
    private final WorldHarness server = new WorldHarness(ArenaConfig.DEFAULT.withGames(
            Games.standard().with(List.of(flaky)).with("dots", Map.of("arena.game.coinrush.roundSeconds", "2"))));

    private static ClientMessage.Join join(String name, String room, String game) {
        return new ClientMessage.Join(name, room, null, null, null, game);
    }

    private static List<JsonObject> json(WorldHarness.Client c) {
        return c.peer().texts().stream().map(t -> Json.createReader(new StringReader(t)).readObject()).toList();
    }

    private static List<JsonObject> ofType(WorldHarness.Client c, String type) {
        return json(c).stream().filter(o -> o.getString("type").equals(type)).toList();
    }

    private static JsonObject last(WorldHarness.Client c, String type) {
        List<JsonObject> all = ofType(c, type);
        assertThat(all).as("a '%s'", type).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private void input(WorldHarness.Client c, String json) {
        server.world().receive(c.connection(), ClientMessage.GameInput.of(json));
    }

    /** A join the game throws on closes only that client (1011) and gives its address's seat back. */
    @Test
    void aJoinTheGameThrowsOnClosesOnlyThatClientAndHoldsNoSeatOfItsAddress() {
        WorldHarness two = new WorldHarness(ArenaConfig.from(k -> k.equals("arena.maxSeatsPerAddress") ? "2" : null)
                .withGames(Games.standard().with(List.of(flaky))));
        WorldHarness.Client ada = two.join("192.0.2.9", join("Ada", "fl", "flaky"));
        flaky.brokenJoin = true;
        WorldHarness.Client bob = two.join("192.0.2.9", join("Bob", "fl", "flaky"));
        flaky.brokenJoin = false;
        assertThat(bob.peer().closeCode()).isEqualTo(CloseCodes.INTERNAL_ERROR);
        WorldHarness.Client cat = two.join("192.0.2.9", join("Cat", "fl", "flaky"));
        assertThat(ofType(cat, "welcome")).as("the address's second seat is free again").hasSize(1);
        assertThat(ofType(ada, "welcome")).hasSize(1);
        assertThat(ada.peer().closeCode()).isEqualTo(-1);
    }

    @Test
    void aJoinWithGameMakesACoinRushRoomWhoseWelcomeHasTheSchemaAndSettings() {
        WorldHarness.Client ada = server.join(join("Ada", "cr", "coinrush"));
        JsonObject welcome = last(ada, "welcome");
        assertThat(welcome.getString("game")).isEqualTo("coinrush");
        assertThat(welcome.getInt("id")).isPositive();
        assertThat(welcome.getInt("tickRate")).isEqualTo(20);
        assertThat(welcome.getString("token")).matches("[A-Za-z0-9_-]{16,64}");
        assertThat(welcome.getJsonObject("schema").getString("game")).isEqualTo("coinrush");
        assertThat(welcome.getJsonObject("settings").getJsonNumber("roundSeconds").doubleValue()).isEqualTo(2);
        assertThat(welcome.getJsonObject("settings").getInt("mapWidth")).isEqualTo(800);
        // the first state frame is full and has the player; the ack is 0 before any input
        JsonObject state = last(ada, "state");
        assertThat(state.getBoolean("full")).isTrue();
        assertThat(state.getInt("ack")).isZero();
        assertThat(state.getJsonObject("entities").getJsonArray("player")).hasSize(1);
        assertThat(state.getJsonObject("phase").getString("name")).isEqualTo("playing");
        // a dots room is still a dots room
        WorldHarness.Client bob = server.joined("Bob", "plain");
        assertThat(bob.welcome().game()).isEqualTo("dots");
        assertThat(bob.welcome().players()).hasSize(1);
    }

    @Test
    void inputsAreAppliedInOrderAndAckedAndABadOneIsInvalidFieldNamingTheField() {
        WorldHarness.Client ada = server.join(join("Ada", "cr", "coinrush"));
        input(ada, "{\"type\":\"input\",\"seq\":1,\"input\":\"move\",\"dx\":1,\"dy\":0}");
        input(ada, "{\"type\":\"input\",\"seq\":2,\"input\":\"move\",\"dx\":1,\"dy\":1}");
        server.tick();
        assertThat(last(ada, "state").getInt("ack")).isEqualTo(2);
        double x0 = ofType(ada, "state").get(0).getJsonObject("entities").getJsonArray("player").getJsonObject(0)
                .getJsonNumber("x").doubleValue();
        for (int i = 0; i < 5; i++) {
            server.tick();
        }
        double x = ofType(ada, "state").stream().map(s -> s.getJsonObject("entities").getJsonArray("player"))
                .filter(a -> a != null && a.getJsonObject(0).containsKey("x"))
                .reduce((a, b) -> b).orElseThrow().getJsonObject(0).getJsonNumber("x").doubleValue();
        assertThat(x).as("moved right").isGreaterThan(x0);
        // a dots-style input is the game's first input; an older seq is dropped
        server.world().receive(ada.connection(), new ClientMessage.Input(3L, 0, 0));
        input(ada, "{\"type\":\"input\",\"seq\":2,\"input\":\"move\",\"dx\":-1,\"dy\":0}");
        server.tick();
        assertThat(last(ada, "state").getInt("ack")).isEqualTo(3);
        input(ada, "{\"type\":\"input\",\"seq\":4,\"input\":\"move\",\"dx\":2,\"dy\":0}");
        assertThat(last(ada, "error").getString("code")).isEqualTo("invalid_field");
        assertThat(last(ada, "error").getString("message")).contains("'input.dx'");
        input(ada, "{\"type\":\"input\",\"seq\":4,\"input\":\"jump\"}");
        assertThat(last(ada, "error").getString("code")).isEqualTo("unknown_type");
        input(ada, "{\"type\":\"input\",\"seq\":4,\"input\":\"move\",\"dx\":0}");
        assertThat(last(ada, "error").getString("message")).contains("'input.dy'");
    }

    @Test
    void theRoundTimerCountsDownAndTheResultsFollow() {
        WorldHarness.Client ada = server.join(join("Ada", "cr", "coinrush"));
        long left = last(ada, "state").getJsonObject("phase").getJsonNumber("ticksLeft").longValue();
        server.advance(java.time.Duration.ofMillis(2_100)); // the round is 2 s
        List<JsonObject> phases = ofType(ada, "state").stream().filter(s -> s.containsKey("phase"))
                .map(s -> s.getJsonObject("phase")).toList();
        assertThat(left).isBetween(30L, 40L);
        assertThat(phases).extracting(p -> p.getString("name")).contains("playing", "results");
        assertThat(ofType(ada, "event")).extracting(e -> e.getString("event")).contains("roundOver");
    }

    @Test
    void unknownGameAndWrongGameAreClearErrors() {
        assertThat(server.join(join("Ada", "x", "chess")).lastError()).isEqualTo("unknown_game");
        server.join(join("Ada", "cr", "coinrush"));
        assertThat(server.join(join("Bob", "cr", "dots")).lastError()).isEqualTo("wrong_game");
        server.joined("Cat", "plain");
        assertThat(server.join(join("Dee", "plain", "coinrush")).lastError()).isEqualTo("wrong_game");
        // without game, a join goes to the room whatever it plays; a spectator sees it
        WorldHarness.Client fay = server.join(join("Fay", "cr", null));
        assertThat(last(fay, "welcome").getString("game")).isEqualTo("coinrush");
        WorldHarness.Client eye = server.join(new ClientMessage.Join("Eye", "cr", null, "spectator", null, null));
        assertThat(last(eye, "welcome").getInt("id")).isZero();
        server.tick();
        assertThat(last(eye, "state").containsKey("ack")).isFalse();
    }

    @Test
    void aScreenMakesACoinRushPartyAndAPhonePlaysInItAsAController() {
        WorldHarness.Client screen = server.join(new ClientMessage.Join(null, null, null, "screen",
                "http://tv:8080/controller.html", "coinrush"));
        JsonObject welcome = last(screen, "welcome");
        assertThat(welcome.getString("game")).isEqualTo("coinrush");
        assertThat(welcome.getInt("id")).isZero();
        String code = last(screen, "party").getString("code");
        assertThat(code).matches("[BCDFGHJKMNPQRSTWXZ]{5}");
        WorldHarness.Client phone = server.join(new ClientMessage.Join("Pho", code, null, "controller", null, null));
        int id = last(phone, "welcome").getInt("id");
        assertThat(id).isPositive();
        input(phone, "{\"type\":\"input\",\"seq\":1,\"input\":\"move\",\"dx\":1,\"dy\":0}");
        server.tick();
        assertThat(last(phone, "state").getInt("ack")).isEqualTo(1);
        assertThat(last(screen, "state").containsKey("ack")).isFalse();
        StateDecoderView view = new StateDecoderView(screen);
        assertThat(view.players()).containsKey(id);
        assertThat(view.players().get(id).values().get("name")).isEqualTo("Pho");
        assertThat(view.players().get(id).values()).doesNotContainKey("streak"); // the owner's only
        assertThat(last(screen, "audience").getInt("players")).isEqualTo(1);
        // the phone comes back with its token: the same player
        server.world().dropped(phone.connection());
        server.tick();
        WorldHarness.Client back = server.join(new ClientMessage.Join("x", code, last(phone, "welcome")
                .getString("token"), "controller", null, null));
        assertThat(last(back, "welcome").getBoolean("resumed")).isTrue();
        assertThat(last(back, "welcome").getInt("id")).isEqualTo(id);
    }

    /** What a screen knows of the room: every state frame it was sent, decoded in order. */
    private static final class StateDecoderView {
        private final dev.arena.snapshot.StateDecoder decoder = new dev.arena.snapshot.StateDecoder(
                new CoinRushGame().schema(), dev.arena.spi.Viewer.screen());

        StateDecoderView(WorldHarness.Client c) {
            ofType(c, "state").forEach(s -> decoder.apply(s.toString()));
        }

        Map<Integer, dev.arena.snapshot.StateDecoder.Entity> players() {
            return decoder.entities().getOrDefault("player", Map.of());
        }
    }

    @Test
    void aDroppedPlayerResumesItsSeatWithItsToken() {
        WorldHarness.Client ada = server.join(join("Ada", "cr", "coinrush"));
        JsonObject first = last(ada, "welcome");
        input(ada, "{\"type\":\"input\",\"seq\":5,\"input\":\"move\",\"dx\":1,\"dy\":0}");
        server.tick();
        server.world().dropped(ada.connection());
        server.tick();
        WorldHarness.Client again = server.join(new ClientMessage.Join("Ada", "cr", first.getString("token")));
        JsonObject welcome = last(again, "welcome");
        assertThat(welcome.getBoolean("resumed")).isTrue();
        assertThat(welcome.getInt("id")).isEqualTo(first.getInt("id"));
        JsonObject state = ofType(again, "state").get(0); // the join's tick
        assertThat(state.getBoolean("full")).isTrue();
        assertThat(state.getInt("ack")).as("the seq starts over").isZero();
        assertThat(state.getJsonObject("entities").getJsonArray("player")).hasSize(1);
        input(again, "{\"type\":\"input\",\"seq\":1,\"input\":\"move\",\"dx\":0,\"dy\":1}");
        server.tick();
        assertThat(last(again, "state").getInt("ack")).isEqualTo(1);
    }

    @Test
    void aGameThatThrowsEndsOnlyItsRoomWith4006() {
        WorldHarness.Client ada = server.join(join("Ada", "boom", "flaky"));
        WorldHarness.Client bob = server.join(join("Bob", "fine", "coinrush"));
        WorldHarness.Client cat = server.joined("Cat", "dots");
        flaky.broken = true;
        server.tick();
        flaky.broken = false;
        assertThat(ada.peer().closeCode()).isEqualTo(CloseCodes.GAME_FAILED);
        int bobFrames = ofType(bob, "state").size();
        int catFrames = cat.peer().messages(dev.arena.protocol.ServerMessage.Snapshot.class).size();
        server.tick();
        server.tick();
        assertThat(ofType(bob, "state")).hasSize(bobFrames + 2);
        assertThat(cat.peer().messages(dev.arena.protocol.ServerMessage.Snapshot.class)).hasSize(catFrames + 2);
        assertThat(bob.peer().closeCode()).isEqualTo(-1);
        // the ended room is gone: a new join makes a fresh one
        WorldHarness.Client again = server.join(join("Ada", "boom", "flaky"));
        assertThat(last(again, "welcome").getString("game")).isEqualTo("flaky");
        server.tick();
        assertThat(again.peer().closeCode()).isEqualTo(-1);
    }
}
