package dev.arena.bench;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.CloseCodes;
import dev.arena.server.ArenaConfig;
import dev.arena.support.StalledClient;
import dev.arena.support.TcpTable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection-edge attacks of issue 12 against the dev server, with the numbers the issue reports (loopback only;
 * takes about two and a half minutes): {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.arena.bench.EdgeScenarios}. Clients come from 127.0.0.x addresses, so that one address can
 * be watched in the kernel's TCP table while the others are the crowd.
 */
public final class EdgeScenarios {
    private static final String ATTACKER = "127.0.0.2";

    private EdgeScenarios() {}

    public static void main(String[] args) throws Exception {
        slowloris(500, 60);
        slowConsumers(150, 32, 28);
        System.exit(0);
    }

    /** {@code count} connections from one address that send half an upgrade request and then nothing. */
    static void slowloris(int count, int seconds) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT)) {
            URI game = server.gameUri();
            int opened = 0;
            for (int i = 0; i < count; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(InetAddress.getByName(ATTACKER), 0));
                try {
                    s.connect(new InetSocketAddress(game.getHost(), game.getPort()), 3000);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /game HTTP/1.1\r\nHost: " + game.getHost() + "\r\nUpgrade: websocket\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    opened++;
                } catch (IOException e) {
                    // refused at once
                }
                sockets.add(s);
            }
            Thread.sleep(1000);
            int after1 = TcpTable.countFrom(ATTACKER, game.getPort());
            Thread.sleep((seconds - 1) * 1000L);
            System.out.printf("slowloris: %d connections from one address (%d connected); server sockets open after"
                    + " 1 s: %d, after %d s: %d%n", count, opened, after1, seconds,
                    TcpTable.countFrom(ATTACKER, game.getPort()));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /**
     * {@code crowd} reading clients in one room (spread over other addresses), then {@code stalled} clients from one
     * address that never read, then {@code later} more from that address after 25 s; prints the server sockets of
     * that address every 5 s for 80 s, and the slow-consumer closes.
     */
    static void slowConsumers(int crowd, int stalled, int later) throws Exception {
        Rules fast = new Rules(500, 500, 50, 200, 10);
        List<StalledClient> clients = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(fast))) {
            URI game = server.gameUri();
            for (int i = 0; i < crowd; i++) {
                StalledClient c = new StalledClient(game, null, InetAddress.getByName("127.0.1." + (1 + i / 20)));
                c.sendText("{\"type\":\"join\",\"room\":\"crowd\"}");
                c.drain();
                clients.add(c);
            }
            long start = System.nanoTime();
            for (int i = 0; i < stalled; i++) {
                StalledClient c = new StalledClient(game, null, InetAddress.getByName(ATTACKER));
                c.sendText("{\"type\":\"join\",\"room\":\"crowd\"}");
                clients.add(c);
            }
            int refusedLater = 0;
            boolean laterSent = false;
            StringBuilder timeline = new StringBuilder();
            for (int t = 0; t <= 80; t += 5) {
                while ((System.nanoTime() - start) / 1e9 < t) {
                    Thread.sleep(50);
                }
                if (!laterSent && t >= 25) {
                    laterSent = true;
                    for (int i = 0; i < later; i++) {
                        try {
                            StalledClient c = new StalledClient(game, null, InetAddress.getByName(ATTACKER));
                            c.sendText("{\"type\":\"join\",\"room\":\"crowd\"}");
                            clients.add(c);
                        } catch (IOException e) {
                            refusedLater++;
                        }
                    }
                }
                timeline.append(String.format(" %ds:%d", t, TcpTable.countFrom(ATTACKER, game.getPort())));
            }
            System.out.printf("slow consumers: %d readers, %d stalled from one address, %d more after 25 s (%d refused"
                    + " at the handshake); closed 4001: %d, 4005: %d; that address's server sockets:%s%n", crowd,
                    stalled, later, refusedLater, server.world().stats().closedWith(CloseCodes.SLOW_CONSUMER),
                    server.world().stats().closedWith(CloseCodes.TOO_MANY_CONNECTIONS), timeline);
        } finally {
            for (StalledClient c : clients) {
                c.close();
            }
        }
    }
}
