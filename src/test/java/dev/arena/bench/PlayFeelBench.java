package dev.arena.bench;

import dev.arena.dev.DevServer;
import dev.arena.game.Rules;
import dev.arena.protocol.ServerMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Browser;
import dev.arena.support.DelayProxy;
import dev.arena.support.GameClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The play-feel benchmark (not a test): in headless Debian Chromium, against the in-JVM dev server, directly and
 * through a {@link DelayProxy} of 50 ± 10 ms each way (100 ± 20 ms round trip), with prediction on and off:
 *
 * <ul>
 *   <li>key-to-screen: from the key event's timestamp to the first frame (requestAnimationFrame) whose drawn own
 *       position differs from the one before the key, over {@code PRESSES} presses;
 *   <li>own-dot and remote-dot smoothness: frame-to-frame speed of a dot moving at constant speed (the own dot held
 *       by a key; a remote dot held by a bot), as mean, coefficient of variation and worst frame;
 *   <li>corrections per second while holding.
 * </ul>
 *
 * <p>Run with {@code mvn -q -Pbench test-compile exec:java}; results are printed as a Markdown table and written to
 * {@code target/bench/play-feel.md}. See docs/benchmarks.md.
 */
public final class PlayFeelBench {
    private static final int PRESSES = Integer.getInteger("bench.presses", 20);
    private static final Rules RULES = new Rules(1200, 500, 20, 200, 10);
    private static final Duration WAIT = Duration.ofSeconds(20);

    record Row(String network, boolean predict, double[] latencies, Stats own, Stats remote, double corrections,
            double frameMs) {}

    record Stats(double mean, double cv, double worst, int frames) {}

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (DevServer server = DevServer.startForTests(ArenaConfig.DEFAULT.withRules(RULES))) {
            for (String network : List.of("loopback (0 ms)", "100 ± 20 ms round trip")) {
                boolean delayed = network.startsWith("100");
                try (DelayProxy proxy = delayed ? DelayProxy.start(server.port(), 50, 10, 42) : null) {
                    int port = delayed ? proxy.port() : server.port();
                    for (boolean predict : new boolean[] {true, false}) {
                        rows.add(measure(server, port, network, predict));
                        System.err.println("done: " + network + ", prediction " + (predict ? "on" : "off"));
                    }
                }
            }
        }
        String table = table(rows);
        System.out.println(table);
        Path out = Path.of("target/bench/play-feel.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static Row measure(DevServer server, int port, String network, boolean predict) throws Exception {
        String room = "bench" + (port % 1000) + (predict ? "p" : "n");
        try (Browser browser = Browser.open(); GameClient bot = GameClient.join(server.gameUri(), "Bot", room)) {
            browser.get("http://127.0.0.1:" + port + "/?room=" + room + "&name=Bench&predict=" + (predict ? 1 : 0));
            browser.awaitJs("window.arena && window.arena.joined && window.arena.ping !== null", WAIT);
            browser.eval("(() => { window.__keys = []; window.addEventListener('keydown',"
                    + " (e) => { if (!e.repeat) window.__keys.push(e.timeStamp); }); return true; })()");
            long me = ((Number) browser.eval("window.arena.id")).longValue();
            bot.drain();
            // Park the own dot at the top edge, the bot at the left wall.
            holdKey(browser, Keys.ARROW_UP, Duration.ofMillis(2800));
            botWalk(bot, -1, 0, p -> p.x() <= RULES.radius());

            // 1. key to screen.
            double[] latencies = new double[PRESSES];
            for (int i = 0; i < PRESSES; i++) {
                Keys key = i % 2 == 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
                awaitOwnStill(browser, me);
                new Actions(browser.driver()).keyDown(key).perform();
                Number latency = (Number) browser.awaitJs("(() => { const t = window.__keys.at(-1); const me = " + me + ";"
                        + " const f = window.arena.frames(600); const i = f.findIndex((x) => x.t > t);"
                        + " if (i < 1) return null; const pos = (x) => x.players.find((p) => p.id === me);"
                        + " const p0 = pos(f[i - 1]);"
                        + " for (let j = i; j < f.length; j++) { const p = pos(f[j]);"
                        + "   if (Math.hypot(p.x - p0.x, p.y - p0.y) > 0.01) return Math.max(0.001, f[j].t - t); }"
                        + " return null; })()", WAIT);
                latencies[i] = latency.doubleValue();
                LockSupport.parkNanos(150_000_000L); // a short tap: 150 ms held
                new Actions(browser.driver()).keyUp(key).perform();
            }

            // 2. smoothness: the own dot held down from the top edge, while the bot crosses the map at constant speed.
            awaitOwnStill(browser, me);
            browser.eval("(() => { window.__start = performance.now(); return true; })()");
            double corrBefore = ((Number) browser.eval("window.arena.net.corrections")).doubleValue();
            new Actions(browser.driver()).keyDown(Keys.ARROW_DOWN).perform();
            botWalkFor(bot, 1, 0, Duration.ofMillis(4500));
            new Actions(browser.driver()).keyUp(Keys.ARROW_DOWN).perform();
            double corrections = ((Number) browser.eval("window.arena.net.corrections")).doubleValue() - corrBefore;
            List<Map<String, Object>> frames = browser.eval(
                    "window.arena.frames(600).filter((f) => f.t >= window.__start)");
            Stats own = speedStats(frames, me, 300, 2000, false);
            Stats remote = speedStats(frames, bot.id(), 1000, 4000, true);
            double frameMs = medianFrameMs(frames);
            return new Row(network, predict, latencies, own, remote, corrections / 4.5, frameMs);
        }
    }

    private static void holdKey(Browser browser, Keys key, Duration time) {
        new Actions(browser.driver()).keyDown(key).perform();
        LockSupport.parkNanos(time.toNanos());
        new Actions(browser.driver()).keyUp(key).perform();
    }

    private static void awaitOwnStill(Browser browser, long me) {
        browser.awaitJs("(() => { const f = window.arena.frames(20); if (f.length < 20) return false;"
                + " const xs = f.map((x) => x.players.find((p) => p.id === " + me + ")).filter(Boolean);"
                + " return xs.length === 20 && xs.every((p) => p.x === xs[0].x && p.y === xs[0].y); })()", WAIT);
    }

    private static void botWalk(GameClient bot, int dx, int dy,
            java.util.function.Predicate<ServerMessage.PlayerPosition> until) throws Exception {
        bot.hold(dx, dy);
        bot.await(ServerMessage.Snapshot.class, s -> s.players().stream()
                .anyMatch(p -> p.id() == bot.id() && until.test(p)), Duration.ofSeconds(20));
        bot.hold(0, 0);
    }

    private static void botWalkFor(GameClient bot, int dx, int dy, Duration time) throws Exception {
        bot.hold(dx, dy);
        LockSupport.parkNanos(time.toNanos());
        bot.hold(0, 0);
        bot.drain();
    }

    /**
     * Frame-to-frame speed of player {@code id} in frames from {@code fromMs} to {@code toMs} after the start,
     * optionally only frames where it moves (skipping the start and the stop).
     */
    @SuppressWarnings("unchecked")
    private static Stats speedStats(List<Map<String, Object>> frames, long id, double fromMs, double toMs, boolean remote) {
        double t0 = ((Number) frames.get(0).get("t")).doubleValue();
        List<Double> speeds = new ArrayList<>();
        double[] prev = null;
        for (Map<String, Object> f : frames) {
            double t = ((Number) f.get("t")).doubleValue() - t0;
            double[] p = null;
            for (Map<String, Object> q : (List<Map<String, Object>>) f.get("players")) {
                if (((Number) q.get("id")).longValue() == id) {
                    p = new double[] {t, ((Number) q.get("x")).doubleValue(), ((Number) q.get("y")).doubleValue()};
                }
            }
            if (p != null && prev != null && t >= fromMs && t <= toMs && p[0] > prev[0]) {
                double edge = remote ? p[1] : p[2];
                double max = remote ? RULES.width() : RULES.height();
                if (edge > 3 * RULES.radius() && edge < max - 3 * RULES.radius()) {
                    speeds.add(Math.hypot(p[1] - prev[1], p[2] - prev[2]) / ((p[0] - prev[0]) / 1000));
                }
            }
            prev = p;
        }
        double mean = speeds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = speeds.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN);
        double worst = speeds.stream().mapToDouble(v -> Math.abs(v - mean)).max().orElse(Double.NaN);
        return new Stats(mean, Math.sqrt(var) / mean, worst / mean, speeds.size());
    }

    private static double medianFrameMs(List<Map<String, Object>> frames) {
        double[] d = new double[frames.size() - 1];
        for (int i = 1; i < frames.size(); i++) {
            d[i - 1] = ((Number) frames.get(i).get("t")).doubleValue() - ((Number) frames.get(i - 1).get("t")).doubleValue();
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| network | prediction | key → own dot moves: median | p95 | max | own dot speed CV | own worst frame | corrections/s while holding | remote dot speed CV | remote worst frame | frame interval |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            double[] l = r.latencies().clone();
            Arrays.sort(l);
            s.append(String.format(Locale.ROOT,
                    "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f %% | %.1f %% | %.1f | %.1f %% | %.1f %% | %.1f ms |%n",
                    r.network(), r.predict() ? "on" : "off (`?predict=0`)", l[l.length / 2],
                    l[(int) Math.ceil(0.95 * l.length) - 1], l[l.length - 1], 100 * r.own().cv(), 100 * r.own().worst(),
                    r.corrections(), 100 * r.remote().cv(), 100 * r.remote().worst(), r.frameMs()));
        }
        s.append(String.format(Locale.ROOT, "%n%d key presses per row; smoothness over the frames of a dot moving at"
                + " constant speed (CV = standard deviation / mean of frame-to-frame speed; worst frame = largest"
                + " deviation from the mean speed, relative).%n", PRESSES));
        return s.toString();
    }

    private PlayFeelBench() {}
}
