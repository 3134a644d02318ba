package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.protocol.ClientMessage;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.Codec;
import dev.arena.protocol.ServerMessage;
import dev.arena.support.Attacks;
import dev.arena.support.GameClient;
import dev.arena.support.RawWebSocket;
import jakarta.websocket.CloseReason;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Bad and hostile input (issue 12): every frame gets its documented error or close code, never a 1011; the
 * connection that may stay open stays open, and an honest player in the same room plays on.
 */
public interface BadInputScenarios extends OnTarget {
    /** Frame, error code, and the exact message where docs/protocol.md gives it (null: any, not blank). */
    String[][] BAD_FRAMES = {
        {"not json", "malformed_json", null},
        {"[]", "malformed_json", null},
        {"{\"type\":\"teleport\",\"x\":0}", "unknown_type", null},
        {"{\"seq\":1}", "unknown_type", null},
        {"{\"type\":\"input\",\"dx\":1,\"dy\":0}", "invalid_field", null},
        {"{\"type\":\"input\",\"seq\":\"1\",\"dx\":1,\"dy\":0}", "invalid_field", null},
        {"{\"type\":\"input\",\"seq\":1e400,\"dx\":1,\"dy\":0}", "invalid_field", null},
        {"{\"type\":\"input\",\"seq\":1,\"dx\":7,\"dy\":0}", "invalid_field", "'input.dx' must be -1, 0 or 1"},
        {"{\"type\":\"ping\",\"t\":\"NaN\"}", "invalid_field", null},
        {"{\"type\":\"join\",\"room\":\"../etc\"}", "invalid_field", null},
        {"{\"type\":\"join\"}", "already_joined", null},
    };

    /** One connection sends every bad frame in turn (one room: rooms from one address are budgeted). */
    @Test
    default void badInputGetsItsErrorAndTheConnectionAndTheOtherPlayerCarryOn() throws Exception {
        String room = room("bad");
        try (GameClient bad = GameClient.join(target().game(), "bad", room);
                GameClient good = GameClient.join(target().game(), "good", room)) {
            good.hold(0, 1);
            double t = 0;
            for (String[] f : BAD_FRAMES) {
                bad.sendRaw(f[0]);
                ServerMessage.Error error = bad.await(ServerMessage.Error.class);
                assertThat(error.code()).as(f[0]).isEqualTo(f[1]);
                if (f[2] != null) {
                    assertThat(error.message()).as(f[0]).isEqualTo(f[2]);
                } else {
                    assertThat(error.message()).as(f[0]).isNotBlank();
                }
                bad.send(new ClientMessage.Ping(++t));
                assertThat(bad.await(ServerMessage.Pong.class).t()).as("pong after " + f[0]).isEqualTo(t);
            }
            ServerMessage.Snapshot s = good.await(ServerMessage.Snapshot.class,
                    x -> x.players().stream().anyMatch(p -> p.id() == good.id() && p.seq() == 1), Duration.ofSeconds(3));
            assertThat(s.players()).hasSize(2);
        }
    }

    @Test
    default void inputBeforeJoinIsRefused() throws Exception {
        try (GameClient c = GameClient.connect(target().game())) {
            c.send(new ClientMessage.Input(1L, 1, 0));
            assertThat(c.await(ServerMessage.Error.class).code()).isEqualTo("not_joined");
        }
    }

    @Test
    default void oversizedFrameClosesTheConnectionWithTooBigAndOthersPlayOn() throws Exception {
        String room = room("big");
        try (GameClient bad = GameClient.join(target().game(), "big", room);
                GameClient good = GameClient.join(target().game(), "good", room)) {
            bad.sendRaw("{\"type\":\"join\",\"name\":\"" + "x".repeat(5000) + "\"}");
            CloseReason reason = bad.awaitClose(Duration.ofSeconds(3));
            assertThat(reason.getCloseCode().getCode()).isEqualTo(CloseCodes.TOO_BIG);
            assertThat(good.await(ServerMessage.PlayerLeft.class).id()).isEqualTo(bad.id());
            good.await(ServerMessage.Snapshot.class, s -> s.players().size() == 1, Duration.ofSeconds(3));
        }
    }

    @Test
    default void aFloodOfGarbageIsClosedWithProtocolError() throws Exception {
        try (GameClient c = GameClient.connect(target().game())) {
            for (int i = 0; i < CloseCodes.MAX_CONSECUTIVE_ERRORS; i++) {
                c.sendRaw("garbage " + i);
            }
            assertThat(c.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.PROTOCOL_ERROR);
        }
    }

    @Test
    default void aFloodIsToldThenClosedWithRateLimitedWhileAnHonestNeighbourPlaysOn() throws Exception {
        String room = room("flood");
        try (GameClient honest = GameClient.join(target().game(), "honest", room);
                GameClient flood = GameClient.join(target().game(), "flood", room)) {
            String ping = new Codec().encode(new ClientMessage.Ping(1.0));
            for (int i = 0; i < 2_000 && flood.isOpen(); i++) {
                try {
                    flood.sendRaw(ping);
                } catch (Exception e) {
                    break; // closed under us
                }
            }
            assertThat(flood.await(ServerMessage.Error.class, e -> true, Duration.ofSeconds(5)).code())
                    .isEqualTo("rate_limited");
            assertThat(flood.awaitClose(Duration.ofSeconds(5)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.RATE_LIMITED);
            assertThat(honest.await(ServerMessage.PlayerLeft.class, l -> true, Duration.ofSeconds(5)).id())
                    .isEqualTo(flood.id());
            honest.hold(0, 1);
            honest.await(ServerMessage.Snapshot.class, s -> s.players().size() == 1 && s.players().get(0).seq() == 1,
                    Duration.ofSeconds(3));
            assertThat(honest.isOpen()).isTrue();
        }
    }

    /**
     * Input the parser refuses is an error, a binary frame closes with 1003, no hostile frame of any kind
     * ({@link Attacks#all}) gets a 1011, the server's log grows by little where the test knows the log (WildFly's and
     * Tomcat's files; Payara Micro logs to its console; the dev server's log is measured by {@code HostileClientIT}),
     * and an honest player plays on. The hostile connections come from an address of their own, 127.0.0.62: each
     * joins a room, and rooms from one address are budgeted.
     */
    @Test
    default void hostileInputGetsItsDocumentedAnswerNeverA1011AndBarelyTouchesTheLog() throws Exception {
        URI game = target().game();
        InetAddress attacker = InetAddress.getByName("127.0.0.62");
        try (RawWebSocket c = new RawWebSocket(game, attacker)) {
            c.sendText(Attacks.JOIN);
            assertThat(c.nextTextWith("\"welcome\"", 5000)).isNotNull();
            c.sendText(Attacks.DEEP);
            assertThat(c.nextTextWith("\"error\"", 5000)).contains("\"code\":\"malformed_json\"");
            c.sendText(Attacks.LONG_NUMBER);
            assertThat(c.nextTextWith("\"error\"", 5000)).contains("\"code\":\"malformed_json\"");
            c.sendText("{\"type\":\"ping\",\"t\":1}");
            assertThat(c.nextTextWith("\"pong\"", 5000)).as("still open after the errors").isNotNull();
            c.sendBinary(new byte[] {1, 2, 3});
            assertThat(c.awaitClose(5000)).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
        }
        long logBefore = target().logBytes();
        Map<String, Integer> closes = new TreeMap<>();
        long start = System.nanoTime();
        for (Attacks.Attack attack : Attacks.all()) {
            closes.merge(attack.name() + "->" + attack.run(game, attacker), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(500); // let the server write what it writes
        long logged = target().logBytes() - logBefore;
        System.out.printf("%s: hostile frames %s in %.1f s, %d bytes of log%n", target().name(), closes, seconds,
                logged);
        assertThat(closes.keySet()).noneMatch(k -> k.endsWith("->1011"));
        // before issue 12, one nesting frame cost a 1011 and 75 kB of stack trace on Tyrus
        assertThat(logged).as("log bytes written by %d hostile connections", closes.size()).isLessThan(32_768);
        try (GameClient honest = GameClient.join(game, "honest", room("after-attacks"))) {
            honest.await(ServerMessage.Snapshot.class);
        }
    }
}
