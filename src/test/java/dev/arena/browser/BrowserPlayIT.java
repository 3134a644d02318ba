package dev.arena.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Browser;
import dev.arena.support.DelayProxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * The browser client in real headless Chromium against the dev server: two pages (two browsers, so neither is a
 * throttled background tab) play in one room. State is read through the page's debug hook {@code window.arena} and
 * the DOM; every wait is a condition with a timeout.
 */
class BrowserPlayIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    private static int port;
    private static DevServer server;
    private static Browser a;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // a fixed port, so the server can come back on it
        }
        server = DevServer.start("127.0.0.1", port, ArenaConfig.DEFAULT, DevServer.webappFolder());
        a = Browser.open();
        b = Browser.open();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, () -> server.close()}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static String page(String room, String name, String extra) {
        return "http://127.0.0.1:" + port + "/?room=" + room + "&name=" + name + extra;
    }

    private static long join(Browser browser, String room, String name) {
        return browser.join(page(room, name, ""), WAIT);
    }

    private static String room(TestInfo info) {
        return info.getTestMethod().orElseThrow().getName().replaceAll("[^A-Za-z0-9]", "").substring(0, 20);
    }

    /** Waits until the server has kept player {@code id} still for half a second; returns the place. */
    private static List<Number> awaitStill(Browser browser, long id) {
        return browser.await("player " + id + " stands still", WAIT, d -> {
            List<Number> first = browser.player(id);
            LockSupport.parkNanos(500_000_000L); // the sampling interval of this condition, not an assertion
            List<Number> second = browser.player(id);
            return first != null && first.equals(second) ? second : null;
        });
    }

    @Test
    void twoPagesJoinOneRoomAndEachDrawsTheOther(TestInfo info) {
        String room = room(info);
        long ada = join(a, room, "Ada");
        long grace = join(b, room, "Grace");
        a.await("A draws B", WAIT, d -> a.drawn(grace));
        b.await("B draws A", WAIT, d -> b.drawn(ada));
        assertThat((String) a.eval("window.arena.players.find((p) => p.id === " + grace + ").name")).isEqualTo("Grace");
        assertThat((String) b.eval("window.arena.room")).isEqualTo(room);

        // The HUD: name and id, status, ping.
        assertThat(a.driver().findElement(By.id("me")).getText()).isEqualTo("Ada");
        assertThat(a.driver().findElement(By.id("my-id")).getText()).isEqualTo("#" + ada);
        assertThat(a.driver().findElement(By.id("status")).getText()).isEqualTo("connected");
        assertThat(a.driver().findElement(By.id("count")).getText()).isEqualTo("2");
        a.await("ping shown", WAIT, d -> d.findElement(By.id("ping")).getText().matches("\\d+ ms") ? true : null);
        assertThat((Number) a.eval("window.arena.ping")).isNotNull();

        // A moves; B sees it, and the screenshot shows two players.
        new Actions(a.driver()).keyDown(Keys.ARROW_RIGHT).perform();
        List<Number> start = b.player(ada);
        b.awaitMoved(ada, start, "player " + ada + " moves (server position)", WAIT);
        new Actions(a.driver()).keyUp(Keys.ARROW_RIGHT).perform();
        a.await("B's dot drawn on A", WAIT, d -> a.drawn(grace));
        a.screenshot(ARTIFACTS.resolve("two-players.png"));
    }

    @Test
    void keyPressOnAMovesAOnBAndStopsOnRelease(TestInfo info) {
        String room = room(info);
        long ada = join(a, room, "Ada");
        join(b, room, "Grace");
        b.await("B knows A", WAIT, d -> b.player(ada));
        List<Number> before = awaitStill(b, ada);
        List<Number> drawnBefore = b.drawn(ada);

        new Actions(a.driver()).keyDown(Keys.ARROW_DOWN).perform();
        assertThat(a.<Map<String, Number>>eval("window.arena.input")).containsEntry("dx", 0L).containsEntry("dy", 1L);
        List<Number> moved = b.awaitMoved(ada, before, "player " + ada + " moves (server position)", WAIT);
        assertThat(moved.get(1).doubleValue()).isGreaterThan(before.get(1).doubleValue());
        assertThat(moved.get(0).doubleValue()).isEqualTo(before.get(0).doubleValue());
        b.await("B draws A lower", WAIT, d -> b.drawn(ada).get(1).doubleValue() > drawnBefore.get(1).doubleValue() ? true : null);

        new Actions(a.driver()).keyUp(Keys.ARROW_DOWN).perform();
        assertThat(a.<Map<String, Number>>eval("window.arena.input")).containsEntry("dx", 0L).containsEntry("dy", 0L);
        List<Number> stopped = awaitStill(b, ada);
        // Both pages end up drawing A where the server put it.
        a.await("A draws itself where the server has it", WAIT, d -> close(a.ownDrawn(), stopped) ? true : null);
        b.await("B draws A where the server has it", WAIT, d -> close(b.drawn(ada), stopped) ? true : null);
    }

    @Test
    void twoKeysGiveADiagonal(TestInfo info) {
        String room = room(info);
        long ada = join(a, room, "Ada");
        List<Number> before = a.player(ada);
        new Actions(a.driver()).keyDown(Keys.ARROW_LEFT).keyDown(Keys.ARROW_UP).perform();
        assertThat(a.<Map<String, Number>>eval("window.arena.input")).containsEntry("dx", -1L).containsEntry("dy", -1L);
        // The two keys reach the server one after the other: measure from a position where the server has already
        // moved the player up as well as left, so both keys are applied.
        List<Number> start = a.await("moving up and left", WAIT, d -> {
            List<Number> p = a.player(ada);
            boolean up = p.get(1).doubleValue() < before.get(1).doubleValue() || p.get(1).doubleValue() == 10;
            return up && p.get(0).doubleValue() < before.get(0).doubleValue() ? p : null;
        });
        a.await("moved diagonally", WAIT, d -> {
            List<Number> p = a.player(ada);
            return start.get(0).doubleValue() - p.get(0).doubleValue() >= 20 || p.get(0).doubleValue() == 10
                    ? true : null;
        });
        List<Number> end = a.player(ada);
        new Actions(a.driver()).keyUp(Keys.ARROW_LEFT).keyUp(Keys.ARROW_UP).perform();
        awaitStill(a, ada);
        double dx = start.get(0).doubleValue() - end.get(0).doubleValue();
        double dy = start.get(1).doubleValue() - end.get(1).doubleValue();
        boolean clamped = end.get(0).doubleValue() == 10 || end.get(1).doubleValue() == 10;
        if (!clamped) {
            assertThat(dx).isCloseTo(dy, org.assertj.core.api.Assertions.within(0.02)); // 45°
        }
        // both axes moved, measured from before the keys (away from the walls): the dot may reach the left wall
        // before the first poll sees it move, and then start and end are both at x = 10
        assertThat(before.get(0).doubleValue() - end.get(0).doubleValue()).isPositive();
        assertThat(before.get(1).doubleValue() - end.get(1).doubleValue()).isPositive();
    }

    @Test
    void ownDotMovesOnTheNextFrameAfterAKeyPressEvenOverA100MsRoundTrip(TestInfo info) throws Exception {
        try (DelayProxy proxy = DelayProxy.start(port, 50, 10, 1)) {
            String url = "http://127.0.0.1:" + proxy.port() + "/?room=" + room(info) + "&name=Ada";
            a.join(url, WAIT);
            a.awaitJs("window.arena.ping !== null && window.arena.ping >= 80", WAIT);
            a.eval("(() => { window.__handled = []; window.addEventListener('keydown',"
                    + " () => window.__handled.push(performance.now())); return true; })()");
            // A few presses: each time, the first frame drawn after the key was handled shows the dot moved.
            for (Keys key : new Keys[] {Keys.ARROW_RIGHT, Keys.ARROW_LEFT, Keys.ARROW_DOWN}) {
                // From standing still: the last 10 frames drew the own dot in one place.
                a.awaitJs("(() => { const me = window.arena.id; const f = window.arena.frames(10).map((x) =>"
                        + " x.players.find((p) => p.id === me)); return f.length === 10 && f.every((p) => p"
                        + " && p.x === f[0].x && p.y === f[0].y); })()", WAIT);
                new Actions(a.driver()).keyDown(key).perform();
                Number handled = (Number) a.awaitJs("window.__handled.at(-1)", WAIT);
                Map<String, Object> frames = a.await("a frame after the key", WAIT, d -> a.<Map<String, Object>>eval(
                        "(() => { const h = " + handled + "; const me = window.arena.id;"
                        + " const f = window.arena.frames(120); const i = f.findIndex((x) => x.t > h);"
                        + " if (i < 1) return null; const pos = (x) => x.players.find((p) => p.id === me);"
                        + " return {before: pos(f[i - 1]), after: pos(f[i]), dt: f[i].t - h}; })()"));
                new Actions(a.driver()).keyUp(key).perform();
                @SuppressWarnings("unchecked")
                Map<String, Number> before = (Map<String, Number>) frames.get("before");
                @SuppressWarnings("unchecked")
                Map<String, Number> after = (Map<String, Number>) frames.get("after");
                double moved = Math.hypot(after.get("x").doubleValue() - before.get("x").doubleValue(),
                        after.get("y").doubleValue() - before.get("y").doubleValue());
                // Standing still draws the same numbers every frame; any change is the prediction at work.
                assertThat(moved).as("own dot moved on the first frame after %s", key.name()).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void padButtonsWorkWithTheMouse(TestInfo info) {
        String room = room(info);
        long ada = join(a, room, "Ada");
        List<Number> before = awaitStill(a, ada);
        WebElement right = a.driver().findElement(By.cssSelector("#pad [data-dir='right']"));
        new Actions(a.driver()).clickAndHold(right).perform();
        a.await("pressed", WAIT, d -> right.getAttribute("class").contains("pressed") ? true : null);
        assertThat(a.<Map<String, Number>>eval("window.arena.input")).containsEntry("dx", 1L).containsEntry("dy", 0L);
        List<Number> moved = a.awaitMoved(ada, before, "player " + ada + " moves (server position)", WAIT);
        assertThat(moved.get(0).doubleValue()).isGreaterThan(before.get(0).doubleValue());
        new Actions(a.driver()).release().perform();
        assertThat(a.<Map<String, Number>>eval("window.arena.input")).containsEntry("dx", 0L).containsEntry("dy", 0L);
        awaitStill(a, ada);
    }

    @Test
    void phoneSizedPageFitsTheScreenAndPlaysByTouch(TestInfo info) {
        try (Browser phone = Browser.phone()) {
            long me = join(phone, room(info), "Phone");
            Map<String, Number> layout = phone.eval("(() => { const r = (id) => document.getElementById(id).getBoundingClientRect();"
                    + " const map = r('map'), pad = r('pad');"
                    + " return {w: innerWidth, h: innerHeight, sw: document.documentElement.scrollWidth,"
                    + " mapW: map.width, mapRight: map.right, mapBottom: map.bottom, padBottom: pad.bottom, padRight: pad.right,"
                    + " padTop: pad.top, touch: navigator.maxTouchPoints}; })()");
            assertThat(layout.get("w").intValue()).isEqualTo(390);
            assertThat(layout.get("sw").doubleValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
            assertThat(layout.get("mapW").doubleValue()).as("the map uses the width").isGreaterThan(300);
            assertThat(layout.get("mapRight").doubleValue()).isLessThanOrEqualTo(390);
            assertThat(layout.get("padBottom").doubleValue()).as("the pad is on screen").isLessThanOrEqualTo(layout.get("h").doubleValue());
            assertThat(layout.get("padTop").doubleValue()).as("the pad is under the map").isGreaterThanOrEqualTo(layout.get("mapBottom").doubleValue());
            assertThat(layout.get("touch").intValue()).isPositive();
            phone.screenshot(ARTIFACTS.resolve("phone.png"));

            List<Number> before = awaitStill(phone, me);
            WebElement up = phone.driver().findElement(By.cssSelector("#pad [data-dir='up']"));
            org.openqa.selenium.Rectangle box = up.getRect();
            PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
            // One gesture: touch the Up button, hold it for a second (the length of the gesture), lift.
            Sequence hold = new Sequence(finger, 0)
                    .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                            box.x + box.width / 2, box.y + box.height / 2))
                    .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                    .addAction(new org.openqa.selenium.interactions.Pause(finger, Duration.ofMillis(1000)))
                    .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            phone.driver().perform(List.of(hold));
            assertThat(phone.<Map<String, Number>>eval("window.arena.input")).containsEntry("dy", 0L);
            List<Number> after = awaitStill(phone, me);
            double rise = before.get(1).doubleValue() - after.get(1).doubleValue();
            // Held, not tapped: it moved well over one step (10 units), unless it reached the top edge.
            assertThat(rise > 30 || after.get(1).doubleValue() == 10).as("moved up by %s", rise).isTrue();
            assertThat(after.get(0).doubleValue()).isEqualTo(before.get(0).doubleValue());
            assertThat((Object) phone.eval("window.arena.frames(600).some((f) => f.players.some((p) => p.id === " + me
                    + " && p.y < " + before.get(1) + " - 5))")).as("drawn moving").isEqualTo(true);
        }
    }

    @Test
    void networkOverlayTogglesAndShowsTheFigures(TestInfo info) {
        join(a, room(info), "Ada");
        assertThat(a.driver().findElement(By.id("net")).isDisplayed()).isFalse();
        new Actions(a.driver()).sendKeys("n").perform();
        a.await("overlay shown", WAIT, d -> d.findElement(By.id("net")).isDisplayed() ? true : null);
        a.await("snapshot rate shown", WAIT, d -> d.findElement(By.cssSelector("#net [data-key='snapshots']"))
                .getText().matches("(1\\d|2\\d) /s") ? true : null);
        Map<String, Object> net = a.eval("window.arena.net");
        assertThat(net).containsKeys("ping", "snapshotRate", "jitterMs", "interpDelayMs", "bytesInPerSec",
                "bytesOutPerSec", "correctionsPerSec");
        assertThat(((Number) net.get("interpDelayMs")).doubleValue()).isGreaterThanOrEqualTo(100);
        assertThat(((Number) net.get("bytesInPerSec")).doubleValue()).isPositive();
        assertThat((Boolean) net.get("predicting")).isTrue();
        a.driver().findElement(By.id("net-toggle")).click();
        a.await("overlay hidden", WAIT, d -> d.findElement(By.id("net")).isDisplayed() ? null : true);
    }

    @Test
    void pageReconnectsByItselfWhenTheServerComesBackAndPlaysAgain(TestInfo info) throws Exception {
        String room = room(info);
        join(a, room, "Ada");
        server.close();
        a.awaitJs("window.arena.status !== 'connected' && !window.arena.joined", WAIT);
        a.await("banner shown", WAIT, d -> d.findElement(By.id("banner")).isDisplayed() ? true : null);
        server = DevServer.start("127.0.0.1", port, ArenaConfig.DEFAULT, DevServer.webappFolder());
        a.awaitJs("window.arena.joined && window.arena.status === 'connected'", Duration.ofSeconds(30));
        long id = ((Number) a.eval("window.arena.id")).longValue();
        List<Number> before = awaitStill(a, id);
        new Actions(a.driver()).keyDown(Keys.ARROW_RIGHT).perform();
        List<Number> moved = a.awaitMoved(id, before, "player " + id + " moves (server position)", WAIT);
        new Actions(a.driver()).keyUp(Keys.ARROW_RIGHT).perform();
        assertThat(moved.get(0).doubleValue()).isGreaterThan(before.get(0).doubleValue());
        assertThat(server.world().stats().connectionCount()).isPositive();
    }

    private static boolean close(List<Number> p, List<Number> q) {
        return p != null && q != null && Math.abs(p.get(0).doubleValue() - q.get(0).doubleValue()) < 0.05
                && Math.abs(p.get(1).doubleValue() - q.get(1).doubleValue()) < 0.05;
    }
}
