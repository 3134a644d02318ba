package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.CloseCodes;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import dev.arena.support.RawHandshake;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dev server's connection edge over raw sockets, dev server only (a test-only limit of 8 connections per address,
 * and the dev server's socket ledger, {@code DevServer.socketsNotOpen}): refused connections no longer count once
 * closed, and handshakes that never end count per address and are cut. The plain answers to refused handshakes and
 * unmasked frames hold on every target: {@code it/scenario/EdgeScenarios}.
 */
class ConnectionEdgeIT {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[16]);
    private static final int LIMIT = 8;

    @Test
    void aRefusedOriginGets403WithoutUpgradeHeadersAndIsClosedSoItNoLongerCounts() throws Exception {
        List<GameClient> admitted = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(LIMIT))) {
            URI game = server.gameUri();
            List<RawHandshake> refused = new ArrayList<>();
            for (int i = 0; i < 5 * LIMIT; i++) {
                refused.add(RawHandshake.send(game, KEY, "http://evil.example"));
            }
            for (RawHandshake r : refused) {
                assertThat(r.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
                assertThat(r.headers()).doesNotContainKeys("upgrade", "sec-websocket-accept")
                        .containsEntry("connection", "close");
                assertThat(r.endsWithin(2000)).as("the server closes a refused connection").isTrue();
                r.close();
            }
            awaitNoSocketsNotOpen(server);
            // they are gone, so they no longer count: the address gets exactly its limit of game connections
            for (int i = 0; i < LIMIT; i++) {
                admitted.add(GameClient.join(game, "p" + i, "edge"));
            }
            GameClient extra = GameClient.connect(game);
            admitted.add(extra);
            assertThat(extra.awaitClose(Duration.ofSeconds(3)).getCloseCode().getCode())
                    .isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
        } finally {
            for (GameClient c : admitted) {
                c.close();
            }
        }
    }

    @Test
    void handshakesThatNeverEndCountPerAddressAndAreCutAfterTenSeconds() throws Exception {
        List<RawHandshake> slow = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withMaxConnectionsPerAddress(LIMIT))) {
            URI game = server.gameUri();
            String head = RawHandshake.request(game, KEY, null);
            String partial = head.substring(0, head.length() - 4); // never the blank line that ends the head
            for (int i = 0; i < LIMIT; i++) {
                RawHandshake r = RawHandshake.open(game, null);
                r.write(partial);
                slow.add(r);
            }
            long started = System.nanoTime();
            awaitSocketsNotOpen(server, "127.0.0.1", LIMIT);
            // the address has its limit of connections under way: one more is cut at once
            boolean cut;
            try (RawHandshake more = RawHandshake.open(game, null)) {
                cut = more.endsWithin(2000);
            } catch (java.net.SocketException e) {
                cut = true; // reset before connect() returned
            }
            assertThat(cut).as("a connection beyond the address's limit is cut").isTrue();
            // another address is not affected
            try (RawHandshake other = RawHandshake.open(game, InetAddress.getByName("127.0.0.2"))) {
                other.write(head);
                other.readHead(3000);
                assertThat(other.statusLine()).startsWith("HTTP/1.1 101");
            }
            // the slow ones trickle a header byte a second, and are cut ten seconds after they connected
            boolean[] ended = new boolean[LIMIT];
            int endedCount = 0;
            while (endedCount < LIMIT && System.nanoTime() - started < 15_000_000_000L) {
                for (int i = 0; i < LIMIT; i++) {
                    if (!ended[i]) {
                        try {
                            slow.get(i).write("X");
                            ended[i] = slow.get(i).endsWithin(1000 / LIMIT);
                        } catch (java.io.IOException e) {
                            ended[i] = true;
                        }
                        endedCount += ended[i] ? 1 : 0;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(endedCount).as("slow handshakes cut within 15 s").isEqualTo(LIMIT);
            assertThat(seconds).as("seconds until the last was cut").isBetween(9.0, 12.0);
            awaitNoSocketsNotOpen(server);
        } finally {
            for (RawHandshake r : slow) {
                r.close();
            }
        }
    }

    private static void awaitNoSocketsNotOpen(DevServer server) throws InterruptedException {
        awaitSocketsNotOpen(server, "127.0.0.1", 0);
    }

    private static void awaitSocketsNotOpen(DevServer server, String address, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (server.socketsNotOpen(address) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.socketsNotOpen(address)).as("connections from %s that are not open WebSockets", address)
                .isEqualTo(expected);
    }
}
