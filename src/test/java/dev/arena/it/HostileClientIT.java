package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.LogMeter;
import dev.arena.support.RawWebSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends, over real WebSockets on loopback (issue 12): input the parser refuses is an
 * {@code error}, not a 1011; a binary frame is closed with 1003; and whatever it sends, the server's log grows by at
 * most a few kilobytes a second, while an honest player in the same room plays on.
 */
class HostileClientIT {
    /** Deep nesting within the frame limit: Parsson throws a plain RuntimeException past 1000 levels. */
    static final String DEEP = "{\"type\":\"join\",\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
    /** A number of 4,000 digits: Parsson refuses more than 1100 BigDecimal characters. */
    static final String LONG_NUMBER = "{\"type\":\"input\",\"seq\":" + "9".repeat(4000) + ",\"dx\":0,\"dy\":0}";
    private static final String JOIN = "{\"type\":\"join\",\"name\":\"h\",\"room\":\"r\"}";

    @Test
    void inputTheParserRefusesIsAnErrorAndTheConnectionStaysOpen() throws Exception {
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT);
                RawWebSocket c = new RawWebSocket(server.gameUri())) {
            c.sendText(JOIN);
            assertThat(c.nextTextWith("\"welcome\"", 3000)).isNotNull();
            c.sendText(DEEP);
            assertThat(c.nextTextWith("\"error\"", 3000)).contains("\"code\":\"malformed_json\"");
            c.sendText(LONG_NUMBER);
            assertThat(c.nextTextWith("\"error\"", 3000)).contains("\"code\":\"malformed_json\"");
            c.sendText("{\"type\":\"ping\",\"t\":1}");
            assertThat(c.nextTextWith("\"pong\"", 3000)).isNotNull();
            assertThat(server.world().closedWith(CloseCodes.INTERNAL_ERROR)).isZero();
        }
    }

    @Test
    void aBinaryFrameIsClosedWith1003AndThePlayerLeavesAtOnce() throws Exception {
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT);
                GameClient honest = GameClient.join(server.gameUri(), "honest", "r");
                RawWebSocket c = new RawWebSocket(server.gameUri())) {
            c.sendText(JOIN);
            assertThat(c.nextTextWith("\"welcome\"", 3000)).isNotNull();
            honest.await(ServerMessage.PlayerJoined.class);
            c.sendBinary(new byte[] {1, 2, 3});
            assertThat(c.awaitClose(3000)).isEqualTo(CloseCodes.UNSUPPORTED_DATA);
            honest.await(ServerMessage.PlayerLeft.class); // not kept away for resume: it broke the protocol
            assertThat(server.world().awayCount()).isZero();
        }
    }

    @Test
    void aHostileClientWritesAtMostAFewKilobytesOfLogASecondWhateverItSends() throws Exception {
        Map<String, Integer> closes = new TreeMap<>();
        List<Attack> attacks = attacks();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT);
                GameClient honest = GameClient.join(server.gameUri(), "honest", "r");
                LogMeter log = new LogMeter("dev.arena", "org.glassfish.tyrus", "org.glassfish.grizzly")) {
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(5).toNanos();
            int rounds = 0;
            while (System.nanoTime() < end && rounds < 2_000) {
                Attack attack = attacks.get(rounds++ % attacks.size());
                int code = attack.run(server.gameUri(), attacker);
                closes.merge(attack.name() + "->" + code, 1, Integer::sum);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double bytesPerSecond = log.bytes() / seconds;
            System.out.printf("hostile client: %d attacks in %.1f s, %d log records, %d bytes (%.0f B/s); closes %s%n",
                    rounds, seconds, log.records(), log.bytes(), bytesPerSecond, closes);
            assertThat(bytesPerSecond).as("log bytes a second; first records: %s", log.samples())
                    .isLessThan(4096);
            assertThat(closes.keySet()).noneMatch(k -> k.endsWith("->" + CloseCodes.INTERNAL_ERROR));
            assertThat(rounds).isGreaterThan(attacks.size()); // every attack ran at least once
            honest.drain();
            honest.await(ServerMessage.Snapshot.class); // the honest player still gets its snapshots
            assertThat(honest.isOpen()).isTrue();
            assertThat(server.world().closedWith(CloseCodes.INTERNAL_ERROR)).isZero();
        }
    }

    /** One kind of hostile connection: opens, joins, sends its frames, returns the close code it got (-1: none). */
    record Attack(String name, Sender sender) {
        int run(URI uri, InetAddress from) throws Exception {
            try (RawWebSocket c = new RawWebSocket(uri, from)) {
                c.sendText(JOIN);
                try {
                    sender.send(c);
                } catch (java.io.IOException e) {
                    return -2; // the server closed while we sent: fine
                }
                return c.isClosed() ? -4 : c.awaitClose(150);
            } catch (java.io.IOException e) {
                return -3; // refused (too many connections from this address while the last ones close)
            }
        }
    }

    interface Sender {
        void send(RawWebSocket c) throws Exception;
    }

    static List<Attack> attacks() {
        List<Attack> list = new ArrayList<>();
        list.add(new Attack("nesting", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(DEEP);
            }
        }));
        list.add(new Attack("digits", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(LONG_NUMBER);
            }
        }));
        list.add(new Attack("binary", c -> c.sendBinary(new byte[300])));
        list.add(new Attack("bad-utf8", c -> c.send(true, RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, 0x28}, true)));
        list.add(new Attack("oversize", c -> c.sendText("x".repeat(5000))));
        list.add(new Attack("oversize-binary", c -> c.sendBinary(new byte[70_000])));
        list.add(new Attack("continuation", c -> c.send(true, 0x0, "x".getBytes(StandardCharsets.UTF_8), true)));
        list.add(new Attack("opcode-3", c -> c.send(true, 0x3, new byte[4], true)));
        list.add(new Attack("rsv1", c -> c.sendHeaderByte(0xC1, "{}".getBytes(StandardCharsets.UTF_8), true)));
        list.add(new Attack("big-ping", c -> c.send(true, RawWebSocket.PING, new byte[200], true)));
        list.add(new Attack("fragmented-ping", c -> c.send(false, RawWebSocket.PING, new byte[2], true)));
        list.add(new Attack("interleaved", c -> {
            c.send(false, RawWebSocket.TEXT, "{\"type\"".getBytes(StandardCharsets.UTF_8), true);
            c.send(true, RawWebSocket.TEXT, ":\"ping\"}".getBytes(StandardCharsets.UTF_8), true);
        }));
        list.add(new Attack("close-999", c -> c.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE7}, true)));
        list.add(new Attack("close-bad-utf8",
                c -> c.send(true, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8, (byte) 0xC3, 0x28}, true)));
        list.add(new Attack("garbage", c -> {
            byte[] junk = new byte[512];
            ThreadLocalRandom.current().nextBytes(junk);
            c.sendRaw(junk);
        }));
        list.add(new Attack("text-flood", c -> {
            for (int i = 0; i < 300; i++) {
                c.sendText("{\"type\":\"ping\",\"t\":1}");
            }
        }));
        list.add(new Attack("wrong-json", c -> {
            for (int i = 0; i < 25; i++) {
                c.sendText(i % 2 == 0 ? "{\"type\":\"input\",\"seq\":\"x\"}" : "[1,2");
            }
        }));
        list.add(new Attack("drop", RawWebSocket::drop));
        return list;
    }
}
