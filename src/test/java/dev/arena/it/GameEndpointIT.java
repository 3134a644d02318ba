package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.DeflateOffer;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real endpoint over real WebSockets on loopback: Tyrus client against the in-JVM dev server (Tyrus Grizzly). */
class GameEndpointIT {
    private static final Rules RULES = new Rules(300, 200, 20, 200, 10);
    private static DevServer server;
    private static URI uri;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(RULES));
        uri = server.gameUri();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String room() {
        return "r" + System.nanoTime();
    }

    @Test
    void permessageDeflateOfferedAsByABrowserIsNotNegotiated() throws Exception {
        List<String> response = DeflateOffer.offerDeflate(uri);
        assertThat(response.get(0)).as(response.toString()).contains(" 101 ");
        assertThat(DeflateOffer.extensions(response)).as(response.toString()).isEmpty();
    }

    /**
     * Binary inputs on the compact subprotocol (docs/protocol.md): a malformed one is answered with invalid_field and
     * the connection stays open; a valid one moves the player (its seq comes back as the own entry's ack).
     */
    @Test
    void binaryInputsOnTheCompactSubprotocol() throws Exception {
        java.util.concurrent.BlockingQueue<Object> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(dev.arena.protocol.SnapshotFormat.SUBPROTOCOL)
                .buildAsync(uri, new java.net.http.WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data,
                            boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w,
                            java.nio.ByteBuffer data, boolean last) {
                        java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(data.remaining()).put(data).flip();
                        frames.add(copy);
                        w.request(1);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            assertThat(ws.getSubprotocol()).isEqualTo(dev.arena.protocol.SnapshotFormat.SUBPROTOCOL);
            ws.sendText("{\"type\":\"join\",\"name\":\"Bin\",\"room\":\"" + room() + "\"}", true).get();
            assertThat(nextText(frames, "\"type\":\"welcome\"")).contains("\"name\":\"Bin\"");
            ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {2, 1, 9}), true).get(); // direction code 9
            assertThat(nextText(frames, "\"type\":\"error\"")).contains("invalid_field")
                    .contains("direction code must be 0..8");
            ws.sendBinary(dev.arena.protocol.SnapshotFormat.encodeInput(5, 1, 0), true).get();
            long deadline = System.nanoTime() + 5_000_000_000L;
            long ack = -1;
            while (ack != 5 && System.nanoTime() < deadline) {
                Object f = frames.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (f instanceof java.nio.ByteBuffer b) {
                    ack = dev.arena.protocol.SnapshotFormat.header(b).ack();
                }
            }
            assertThat(ack).as("ack of the binary input").isEqualTo(5);
        } finally {
            ws.abort();
        }
    }

    private static String nextText(java.util.concurrent.BlockingQueue<Object> frames, String containing)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Object f = frames.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (f instanceof String t && t.contains(containing)) {
                return t;
            }
        }
        throw new AssertionError("no text frame containing " + containing);
    }

    @Test
    void twoClientsInOneRoomSeeEachOther() throws Exception {
        String room = room();
        try (GameClient ada = GameClient.join(uri, "Ada", room);
                GameClient bob = GameClient.join(uri, "Bob", room)) {
            assertThat(bob.welcome().players()).extracting(ServerMessage.PlayerInfo::name).contains("Ada", "Bob");
            assertThat(ada.await(ServerMessage.PlayerJoined.class).player().name()).isEqualTo("Bob");
            ServerMessage.Snapshot seenByAda = ada.await(ServerMessage.Snapshot.class, s -> s.players().size() == 2,
                    Duration.ofSeconds(2));
            assertThat(seenByAda.players()).extracting(ServerMessage.PlayerPosition::id)
                    .containsExactlyInAnyOrder(ada.id(), bob.id());
            bob.await(ServerMessage.Snapshot.class, s -> s.players().size() == 2, Duration.ofSeconds(2));
        }
    }

    @Test
    void inputMovesAtTheConfiguredSpeedAndNeverOutOfTheMap() throws Exception {
        try (GameClient c = GameClient.join(uri, "runner", room())) {
            long seq = c.hold(1, 0);
            ServerMessage.Snapshot first = c.await(ServerMessage.Snapshot.class, s -> own(c, s).seq() == seq,
                    Duration.ofSeconds(2));
            double startX = own(c, first).x();
            ServerMessage.Snapshot later = c.await(ServerMessage.Snapshot.class, s -> s.tick() >= first.tick() + 3,
                    Duration.ofSeconds(2));
            double perTick = RULES.speed() / RULES.tickRate(); // 10 map units a tick
            double expected = Math.min(startX + perTick * (later.tick() - first.tick()), RULES.width() - RULES.radius());
            assertThat(own(c, later).x()).isCloseTo(expected, within(0.02));
            // hold right and down long enough to reach the corner; the dot stops at the edge
            c.hold(1, 1);
            ServerMessage.Snapshot corner = c.await(ServerMessage.Snapshot.class,
                    s -> own(c, s).x() == 290.0 && own(c, s).y() == 190.0, Duration.ofSeconds(5));
            ServerMessage.Snapshot next = c.await(ServerMessage.Snapshot.class, s -> s.tick() > corner.tick(),
                    Duration.ofSeconds(2));
            assertThat(own(c, next).x()).isEqualTo(290.0);
            assertThat(own(c, next).y()).isEqualTo(190.0);
        }
    }

    @Test
    void twoRoomsAreIsolated() throws Exception {
        try (GameClient a = GameClient.join(uri, "a", room());
                GameClient b = GameClient.join(uri, "b", room())) {
            a.hold(1, 0);
            for (int i = 0; i < 5; i++) {
                assertThat(a.await(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                        .containsExactly(a.id());
                assertThat(b.await(ServerMessage.Snapshot.class).players()).extracting(ServerMessage.PlayerPosition::id)
                        .containsExactly(b.id());
            }
        }
    }

    @Test
    void disconnectRemovesThePlayerForTheOthers() throws Exception {
        String room = room();
        try (GameClient stays = GameClient.join(uri, "stays", room)) {
            GameClient goes = GameClient.join(uri, "goes", room);
            stays.await(ServerMessage.Snapshot.class, s -> s.players().size() == 2, Duration.ofSeconds(2));
            goes.close();
            assertThat(stays.await(ServerMessage.PlayerLeft.class).id()).isEqualTo(goes.id());
            stays.await(ServerMessage.Snapshot.class, s -> s.players().size() == 1, Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                          | malformed_json",
        "[]                                                | malformed_json",
        "{\"type\":\"teleport\",\"x\":0}                   | unknown_type",
        "{\"seq\":1}                                       | unknown_type",
        "{\"type\":\"input\",\"dx\":1,\"dy\":0}            | invalid_field",
        "{\"type\":\"input\",\"seq\":\"1\",\"dx\":1,\"dy\":0} | invalid_field",
        "{\"type\":\"input\",\"seq\":1e400,\"dx\":1,\"dy\":0} | invalid_field",
        "{\"type\":\"input\",\"seq\":5,\"dx\":9,\"dy\":0}  | invalid_field",
        "{\"type\":\"ping\",\"t\":\"NaN\"}                 | invalid_field",
        "{\"type\":\"join\",\"room\":\"../etc\"}           | invalid_field",
        "{\"type\":\"join\"}                               | already_joined",
    })
    void badInputGetsItsErrorAndTheConnectionAndTheOtherPlayerCarryOn(String frame, String code) throws Exception {
        String room = room();
        try (GameClient bad = GameClient.join(uri, "bad", room);
                GameClient good = GameClient.join(uri, "good", room)) {
            good.hold(0, 1);
            bad.sendRaw(frame);
            ServerMessage.Error error = bad.await(ServerMessage.Error.class);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.message()).isNotBlank();
            bad.send(new ClientMessage.Ping(7.0));
            assertThat(bad.await(ServerMessage.Pong.class).t()).isEqualTo(7.0);
            ServerMessage.Snapshot s = good.await(ServerMessage.Snapshot.class, x -> own(good, x).seq() == 1,
                    Duration.ofSeconds(2));
            assertThat(s.players()).hasSize(2);
        }
    }

    @Test
    void inputBeforeJoinIsRefused() throws Exception {
        try (GameClient c = GameClient.connect(uri)) {
            c.send(new ClientMessage.Input(1L, 1, 0));
            assertThat(c.await(ServerMessage.Error.class).code()).isEqualTo("not_joined");
        }
    }

    @Test
    void oversizedFrameClosesTheConnectionWithTooBigAndOthersPlayOn() throws Exception {
        String room = room();
        try (GameClient bad = GameClient.join(uri, "big", room);
                GameClient good = GameClient.join(uri, "good", room)) {
            bad.sendRaw("{\"type\":\"join\",\"name\":\"" + "x".repeat(5000) + "\"}");
            CloseReason reason = bad.awaitClose(Duration.ofSeconds(3));
            assertThat(reason.getCloseCode().getCode()).isEqualTo(CloseCodes.TOO_BIG);
            assertThat(good.await(ServerMessage.PlayerLeft.class).id()).isEqualTo(bad.id());
            good.await(ServerMessage.Snapshot.class, s -> s.players().size() == 1, Duration.ofSeconds(2));
        }
    }

    @Test
    void aFloodOfGarbageIsClosedWithProtocolError() throws Exception {
        try (GameClient c = GameClient.connect(uri)) {
            for (int i = 0; i < CloseCodes.MAX_CONSECUTIVE_ERRORS; i++) {
                c.sendRaw("garbage " + i);
            }
            assertThat(c.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.PROTOCOL_ERROR);
        }
    }

    @Test
    void snapshotsArriveAtTheTickRate() throws Exception {
        try (GameClient c = GameClient.join(uri, "counter", room())) {
            ServerMessage.Snapshot first = c.await(ServerMessage.Snapshot.class);
            long start = System.nanoTime();
            List<Long> ticks = new ArrayList<>();
            ServerMessage.Snapshot s = first;
            while (System.nanoTime() - start < 2_000_000_000L) {
                s = c.await(ServerMessage.Snapshot.class);
                ticks.add(s.tick());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(ticks.size() / seconds).isBetween(RULES.tickRate() * 0.85, RULES.tickRate() * 1.15);
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i)).isGreaterThan(ticks.get(i - 1));
            }
        }
    }

    static ServerMessage.PlayerPosition own(GameClient c, ServerMessage.Snapshot s) {
        return s.players().stream().filter(p -> p.id() == c.id()).findFirst()
                .orElseThrow(() -> new AssertionError("own player missing from " + s));
    }
}
