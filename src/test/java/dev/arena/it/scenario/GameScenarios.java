package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.protocol.SnapshotFormat;
import dev.arena.snapshot.InputCodec;
import dev.arena.snapshot.StateDecoder;
import dev.arena.spi.PlayerInput;
import dev.arena.spi.Score;
import dev.arena.spi.Settings;
import dev.arena.spi.Viewer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Rooms of a game on the SPI, over real WebSockets: coin rush with {@code join.game}, in JSON and on the compact
 * subprotocol, a whole round of it to its results, and a resume. Coin rush's settings are those the target was
 * started with ({@link dev.arena.support.ArenaTarget#settings}: the ITs' {@code it.server.settings}, a short round,
 * on the dev server and in each app server's JVM), so that the welcome shows that {@code arena.game.*} settings
 * reach the game on every server, and a round ends within the test.
 */
public interface GameScenarios extends OnTarget {
    CoinRushGame COIN_RUSH = new CoinRushGame();
    InputCodec INPUTS = new InputCodec(COIN_RUSH.schema());

    /** A JDK WebSocket client that queues what it receives: text as String, binary as ByteBuffer. */
    final class Socket implements AutoCloseable {
        final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        final WebSocket ws;

        public Socket(URI game, boolean compact) throws Exception {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            if (compact) {
                b.subprotocols(SnapshotFormat.SUBPROTOCOL);
            }
            ws = b.buildAsync(game, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        frames.add(text.toString());
                        text.setLength(0);
                    }
                    w.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                    frames.add(ByteBuffer.allocate(data.remaining()).put(data).flip());
                    w.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
        }

        public void send(String text) throws Exception {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        public void send(byte[] binary) throws Exception {
            ws.sendBinary(ByteBuffer.wrap(binary), true).get(5, TimeUnit.SECONDS);
        }

        /** The next frame that {@code matches}, or an AssertionError after 5 s; others are skipped. */
        public Object next(Predicate<Object> matches, String what) throws InterruptedException {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                Object f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && matches.test(f)) {
                    return f;
                }
            }
            throw new AssertionError("no " + what + " within 5 s");
        }

        public JsonObject nextJson(String type) throws InterruptedException {
            String t = (String) next(f -> f instanceof String s && s.contains("\"type\":\"" + type + "\""), type);
            return Json.createReader(new StringReader(t)).readObject();
        }

        @Override
        public void close() {
            ws.abort();
        }
    }

    private static String join(String name, String room, String game) {
        return "{\"type\":\"join\",\"name\":\"" + name + "\",\"room\":\"" + room + "\",\"game\":\"" + game + "\"}";
    }

    @Test
    default void twoPlayersPlayCoinRushInJson() throws Exception {
        String room = room("coins");
        try (Socket ada = new Socket(target().game(), false); Socket bob = new Socket(target().game(), false)) {
            ada.send(join("Ada", room, "coinrush"));
            JsonObject welcome = ada.nextJson("welcome");
            assertThat(welcome.getString("game")).isEqualTo("coinrush");
            assertThat(welcome.getJsonObject("schema").getJsonArray("kinds")).extracting(k -> k.asJsonObject()
                    .getString("name")).containsExactly("player", "coin", "round");
            assertThat(welcome.getJsonObject("settings").getJsonNumber("roundSeconds").doubleValue())
                    .as("the round's length the target was started with")
                    .isEqualTo(target().settings(COIN_RUSH).decimal(CoinRushGame.ROUND_SECONDS));
            int adaId = welcome.getInt("id");
            bob.send(join("Bob", room, "coinrush"));
            int bobId = bob.nextJson("welcome").getInt("id");
            assertThat(bobId).isNotEqualTo(adaId);

            // both see both; Ada's inputs are acked; the round's timer counts down; frames at the tick rate
            StateDecoder seenByBob = new StateDecoder(COIN_RUSH.schema(), Viewer.player(bobId));
            StateDecoder seenByAda = new StateDecoder(COIN_RUSH.schema(), Viewer.player(adaId));
            for (int seq = 1; seq <= 3; seq++) {
                ada.send("{\"type\":\"input\",\"seq\":" + seq + ",\"input\":\"move\",\"dx\":1,\"dy\":" + (seq % 2)
                        + "}");
            }
            long firstTick = -1;
            long firstLeft = -1;
            int frames = 0;
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < deadline && (frames < 20 || seenByAda.ack() < 3
                    || seenByBob.entities().getOrDefault("player", java.util.Map.of()).size() < 2)) {
                JsonObject s = ada.nextJson("state");
                seenByAda.apply(s.toString());
                frames++;
                if (firstTick < 0) {
                    firstTick = seenByAda.tick();
                    firstLeft = seenByAda.phase().ticksLeft();
                }
                Object b;
                while ((b = bob.frames.poll()) != null) {
                    if (b instanceof String t && t.contains("\"type\":\"state\"")) {
                        seenByBob.apply(t);
                    }
                }
            }
            assertThat(seenByAda.ack()).as("Ada's ack").isEqualTo(3);
            assertThat(seenByAda.entities().get("player").keySet()).containsExactlyInAnyOrder(adaId, bobId);
            assertThat(seenByBob.entities().get("player").keySet()).containsExactlyInAnyOrder(adaId, bobId);
            assertThat(seenByAda.entities().get("player").get(adaId).values().get("name")).isEqualTo("Ada");
            assertThat(seenByAda.phase().name()).as("still the first round").isEqualTo("playing");
            long ticks = seenByAda.tick() - firstTick;
            assertThat(frames).as("state frames in %d ticks", ticks).isGreaterThanOrEqualTo(20);
            assertThat(ticks).as("one frame a tick, at most").isGreaterThanOrEqualTo(frames - 1);
            assertThat(frames).as("a frame at least every other tick").isGreaterThanOrEqualTo((int) (ticks / 2));
            assertThat(seenByAda.phase().ticksLeft()).as("the round's timer").isEqualTo(firstLeft - ticks);

            ada.send("{\"type\":\"input\",\"seq\":4,\"input\":\"move\",\"dx\":2,\"dy\":0}");
            JsonObject error = ada.nextJson("error");
            assertThat(error.getString("code")).isEqualTo("invalid_field");
            assertThat(error.getString("message")).contains("'input.dx'");
        }
    }

    @Test
    default void coinRushOnTheCompactSubprotocolHasBinaryFramesWithTheAck() throws Exception {
        try (Socket ada = new Socket(target().game(), true)) {
            ada.send(join("Ada", room("coinsbin"), "coinrush"));
            int id = ada.nextJson("welcome").getInt("id");
            StateDecoder state = new StateDecoder(COIN_RUSH.schema(), Viewer.player(id));
            ada.send(INPUTS.binary(PlayerInput.of(CoinRushGame.MOVE, 7, 1L, -1L)));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (state.ack() != 7 && System.nanoTime() < deadline) {
                ByteBuffer frame = (ByteBuffer) ada.next(f -> f instanceof ByteBuffer b && b.get(0) == 0x21, "0x21");
                state.apply(frame);
            }
            assertThat(state.ack()).as("the ack of the binary input").isEqualTo(7);
            assertThat(state.entities().get("player")).containsKey(id);
            ada.send(new byte[] {0x22, 0, 8, 2}); // move, seq 8, dx 1 (zigzag 2), dy missing
            JsonObject error = ada.nextJson("error");
            assertThat(error.getString("code")).isEqualTo("invalid_field");
            assertThat(error.getString("message")).contains("'input.dy'");
        }
    }

    /**
     * A whole round on the round length the target was started with: one client in JSON and one on the compact
     * subprotocol see the round end when its timer runs out (the phase turns to {@code results} with the scoreboard,
     * the {@code roundOver} event arrives: JSON {@code event}, binary {@code 0x23}) and the next round begin once the
     * results' time is up.
     */
    @Test
    default void aRoundOfCoinRushEndsWithTheScoreboardAndTheNextBeginsInJsonAndBinary() throws Exception {
        Settings settings = target().settings(COIN_RUSH);
        double roundSeconds = settings.decimal(CoinRushGame.ROUND_SECONDS);
        double resultsSeconds = settings.decimal(CoinRushGame.RESULTS_SECONDS);
        String room = room("round");
        try (Socket text = new Socket(target().game(), false); Socket binary = new Socket(target().game(), true)) {
            text.send(join("Ada", room, "coinrush"));
            JsonObject welcome = text.nextJson("welcome");
            JsonObject configured = welcome.getJsonObject("settings");
            assertThat(configured.getJsonNumber("roundSeconds").doubleValue()).isEqualTo(roundSeconds);
            assertThat(configured.getJsonNumber("resultsSeconds").doubleValue()).isEqualTo(resultsSeconds);
            int rate = welcome.getInt("tickRate");
            long roundTicks = Math.round(roundSeconds * rate);
            long resultsTicks = Math.round(resultsSeconds * rate);
            int ada = welcome.getInt("id");
            binary.send(join("Bob", room, "coinrush"));
            int bob = binary.nextJson("welcome").getInt("id");

            RoundWatch seenByAda = new RoundWatch(ada);
            RoundWatch seenByBob = new RoundWatch(bob);
            long deadline = System.nanoTime() + (long) ((roundSeconds + resultsSeconds + 10) * 1e9);
            while (System.nanoTime() < deadline && !(seenByAda.sawNextRound() && seenByBob.sawNextRound())) {
                seenByAda.take(text, 20);
                seenByBob.take(binary, 20);
            }
            for (RoundWatch seen : List.of(seenByAda, seenByBob)) {
                String who = seen == seenByAda ? "the JSON client" : "the compact client";
                assertThat(seen.first).as("%s's first state", who).isNotNull();
                RoundWatch.Seen first = seen.first;
                assertThat(first.phase().name()).as(who).isEqualTo("playing");
                assertThat(first.phase().ticksLeft()).as("%s: the round began at Ada's join", who)
                        .isBetween(roundTicks - rate, roundTicks);
                assertThat(seen.roundOver).as("%s: roundOver", who).isNotNull();
                assertThat(seen.roundOverBinary).as("%s: roundOver as a binary frame (0x23)", who)
                        .isEqualTo(seen == seenByBob);
                assertThat(seen.roundOver.values().get("round")).as(who).isEqualTo((long) first.phase().round());
                assertThat(seen.results).as("%s: the results", who).isNotNull();
                RoundWatch.Seen results = seen.results;
                assertThat(results.phase().round()).as(who).isEqualTo(first.phase().round());
                // the round ended when its timer ran out: the tick the results began at, from either frame
                assertThat(results.tick() - (resultsTicks - results.phase().ticksLeft()))
                        .as("%s: the results began when the round's %d ticks were up", who, roundTicks)
                        .isEqualTo(first.tick() + first.phase().ticksLeft());
                assertThat(seen.scoreboard).as("%s: the scoreboard", who).extracting(Score::player)
                        .containsExactlyInAnyOrder(ada, bob);
                assertThat(seen.next).as("%s: the next round", who).isNotNull();
                assertThat(seen.next.phase().name()).isEqualTo("playing");
                assertThat(seen.next.phase().round()).as(who).isEqualTo(first.phase().round() + 1);
                assertThat(seen.next.tick() - (roundTicks - seen.next.phase().ticksLeft()))
                        .as("%s: the next round began when the results' %d ticks were up", who, resultsTicks)
                        .isEqualTo(results.tick() - (resultsTicks - results.phase().ticksLeft()) + resultsTicks);
            }
        }
    }

    /** A coin rush player whose connection drops (no close frame: 1006) gets its seat back with its token. */
    @Test
    default void aDroppedCoinRushPlayerResumesItsSeatWithItsToken() throws Exception {
        String join = "{\"type\":\"join\",\"name\":\"Cy\",\"room\":\"" + room("again")
                + "\",\"game\":\"coinrush\"%s}";
        JsonObject first;
        try (Socket cy = new Socket(target().game(), false)) {
            cy.send(join.formatted(""));
            first = cy.nextJson("welcome");
            cy.send("{\"type\":\"input\",\"seq\":9,\"input\":\"move\",\"dx\":1,\"dy\":0}");
            JsonObject s = cy.nextJson("state");
            while (s.getInt("ack") != 9) {
                s = cy.nextJson("state");
            }
        } // aborted: the connection drops without a close frame (1006), the seat waits
        try (Socket back = new Socket(target().game(), false)) {
            back.send(join.formatted(",\"token\":\"" + first.getString("token") + "\""));
            JsonObject welcome = back.nextJson("welcome");
            assertThat(welcome.getBoolean("resumed")).isTrue();
            assertThat(welcome.getInt("id")).isEqualTo(first.getInt("id"));
            JsonObject state = back.nextJson("state");
            assertThat(state.getBoolean("full")).isTrue();
            assertThat(state.getInt("ack")).as("a new connection numbers its inputs afresh").isZero();
            assertThat(state.getJsonObject("entities").getJsonArray("player")).extracting(p -> p.asJsonObject()
                    .getInt("id")).containsExactly(first.getInt("id"));
        }
    }

    @Test
    default void anUnknownGameIsUnknownGame() throws Exception {
        try (Socket c = new Socket(target().game(), false)) {
            c.send(join("Ada", room("chess"), "chess"));
            JsonObject error = c.nextJson("error");
            assertThat(error.getString("code")).isEqualTo("unknown_game");
            assertThat(error.getString("message")).contains("coinrush");
        }
    }
}
