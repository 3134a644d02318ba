package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.GameClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What a controller receives against a screen, in bytes per second (UTF-8 payload of the text frames), in a party
 * room of 2 and of 8 controllers that keep moving (each turns around every second), then standing still. Prints a
 * table and writes it to {@code target/party-traffic.md}; docs/benchmarks.md has the numbers and the command.
 * Dev server only: a measurement (about 17 s), not a check the app servers need.
 */
class PartyTrafficIT {
    private static final long WINDOW_MS = 4_000;

    private record Row(int controllers, String motion, double controllerBps, double screenBps, double controllerFps,
            double screenFps) {}

    @Test
    void aControllerReceivesAFractionOfWhatTheScreenDoesWhateverTheNumberOfPlayers() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT)) {
            for (int n : new int[] {2, 8}) {
                rows.addAll(measure(server, n));
            }
        }
        StringBuilder table = new StringBuilder(
                "| controllers | they | controller B/s | screen B/s | controller msgs/s | screen msgs/s |\n"
                        + "|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.1f | %.1f |%n", r.controllers,
                    r.motion, r.controllerBps, r.screenBps, r.controllerFps, r.screenFps));
        }
        System.out.println("Party traffic (" + WINDOW_MS / 1000 + " s windows, 20 ticks/s):\n" + table);
        write(table.toString());

        Row moving2 = rows.get(0);
        Row still2 = rows.get(1);
        Row moving8 = rows.get(2);
        Row still8 = rows.get(3);
        // a moving controller: one small `self` a tick, whatever the room's size
        assertThat(moving8.controllerBps).isLessThan(moving8.screenBps / 5);
        assertThat(moving8.controllerBps).isBetween(moving2.controllerBps * 0.6, moving2.controllerBps * 1.5);
        assertThat(moving8.screenBps).isGreaterThan(moving2.screenBps * 2);
        // standing still: nothing at all (this client sends no pings), while the screen still gets every snapshot
        assertThat(still2.controllerBps).isZero();
        assertThat(still8.controllerBps).isZero();
        assertThat(still8.screenBps).isGreaterThan(moving2.screenBps);
    }

    private static List<Row> measure(DevServer server, int n) throws Exception {
        List<GameClient> phones = new ArrayList<>();
        try (GameClient screen = GameClient.joinAs(server.gameUri(), "screen", null, null,
                server.httpUri() + "controller.html")) {
            String code = screen.welcome().room();
            for (int i = 0; i < n; i++) {
                phones.add(GameClient.joinAs(server.gameUri(), "controller", "Phone " + i, code, null));
            }
            screen.await(ServerMessage.Snapshot.class, s -> s.players().size() == n, java.time.Duration.ofSeconds(5));
            List<Row> rows = new ArrayList<>();
            // moving: each phone alternates right and left every second, starting at different moments
            long start = System.nanoTime();
            long[] phoneBytes = bytes(phones);
            long[] phoneFrames = frames(phones);
            long screenBytes = screen.receivedBytes();
            long screenFrames = screen.receivedFrames();
            int[] dir = new int[n];
            for (long elapsed = 0; elapsed < WINDOW_MS; elapsed = (System.nanoTime() - start) / 1_000_000) {
                for (int i = 0; i < n; i++) {
                    int want = ((elapsed + i * 125L) / 1000) % 2 == 0 ? 1 : -1;
                    if (dir[i] != want) {
                        dir[i] = want;
                        phones.get(i).hold(want, 0);
                    }
                }
                LockSupport.parkNanos(10_000_000L);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(row(n, "move", phones, phoneBytes, phoneFrames, screen, screenBytes, screenFrames, seconds));
            for (GameClient p : phones) {
                p.hold(0, 0);
            }
            LockSupport.parkNanos(300_000_000L); // the stop reaches the server, the last `self` arrives
            start = System.nanoTime();
            phoneBytes = bytes(phones);
            phoneFrames = frames(phones);
            screenBytes = screen.receivedBytes();
            screenFrames = screen.receivedFrames();
            LockSupport.parkNanos(WINDOW_MS * 1_000_000L);
            seconds = (System.nanoTime() - start) / 1e9;
            rows.add(row(n, "stand still", phones, phoneBytes, phoneFrames, screen, screenBytes, screenFrames, seconds));
            return rows;
        } finally {
            for (GameClient p : phones) {
                p.close();
            }
        }
    }

    private static Row row(int n, String motion, List<GameClient> phones, long[] phoneBytes, long[] phoneFrames,
            GameClient screen, long screenBytes, long screenFrames, double seconds) {
        double bytes = 0;
        double frames = 0;
        for (int i = 0; i < phones.size(); i++) {
            bytes += phones.get(i).receivedBytes() - phoneBytes[i];
            frames += phones.get(i).receivedFrames() - phoneFrames[i];
        }
        return new Row(n, motion, bytes / phones.size() / seconds, (screen.receivedBytes() - screenBytes) / seconds,
                frames / phones.size() / seconds, (screen.receivedFrames() - screenFrames) / seconds);
    }

    private static long[] bytes(List<GameClient> clients) {
        return clients.stream().mapToLong(GameClient::receivedBytes).toArray();
    }

    private static long[] frames(List<GameClient> clients) {
        return clients.stream().mapToLong(GameClient::receivedFrames).toArray();
    }

    private static void write(String table) throws IOException {
        Path out = Path.of("target", "party-traffic.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
