package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.CloseCodes;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Attacks;
import dev.arena.support.GameClient;
import dev.arena.support.LogMeter;
import dev.arena.support.RawWebSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends, over real WebSockets on loopback (issue 12), dev server only: a binary frame's player
 * is not kept away for resume (read from the dev server's {@code GameWorld}), and whatever it sends, the server's log
 * (in this JVM, measured by {@link LogMeter}) grows by at most a few kilobytes a second while an honest player plays
 * on. The documented answers to hostile frames on every target are in {@code it/scenario/BadInputScenarios}.
 */
class HostileClientIT {
    private static final String JOIN = Attacks.JOIN;

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
            assertThat(server.world().stats().awayCount()).isZero();
        }
    }

    @Test
    void aHostileClientWritesAtMostAFewKilobytesOfLogASecondWhateverItSends() throws Exception {
        Map<String, Integer> closes = new TreeMap<>();
        List<Attacks.Attack> attacks = Attacks.all();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT);
                GameClient honest = GameClient.join(server.gameUri(), "honest", "r");
                LogMeter log = new LogMeter("dev.arena", "org.glassfish.tyrus", "org.glassfish.grizzly")) {
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(5).toNanos();
            int rounds = 0;
            while (System.nanoTime() < end && rounds < 2_000) {
                Attacks.Attack attack = attacks.get(rounds++ % attacks.size());
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
            assertThat(server.world().stats().closedWith(CloseCodes.INTERNAL_ERROR)).isZero();
        }
    }
}
