package dev.arena.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.server.room.Games;
import dev.arena.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Coin rush on the player page in real headless Chromium against the dev server: {@code index.html?game=coinrush}
 * makes a coin rush room, a second page joins it, both see both, a player moves on the keys, and the round's timer,
 * the scores and (the round is short here: 4 s) the results appear. Read through the debug hook {@code window.arena}.
 */
class CoinRushBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    private static DevServer server;
    private static Browser a;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        ArenaConfig config = ArenaConfig.DEFAULT.withGames(Games.standard().with("dots",
                Map.of("arena.game.coinrush.roundSeconds", "4", "arena.game.coinrush.resultsSeconds", "3")));
        server = DevServer.start("127.0.0.1", -1, config, DevServer.webappFolder());
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

    private static long join(Browser browser, String url) {
        browser.get(url);
        browser.awaitJs("window.arena && window.arena.joined && window.arena.status === 'connected'", WAIT);
        return ((Number) browser.eval("window.arena.id")).longValue();
    }

    private static List<Number> position(Browser browser, long id) {
        return browser.eval("(() => { const p = window.arena.players.find((p) => p.id === " + id
                + "); return p ? [p.x, p.y] : null; })()");
    }

    @Test
    void twoPagesPlayARoundOfCoinRush() {
        String base = "http://127.0.0.1:" + server.port() + "/?room=coins&game=coinrush";
        long ada = join(a, base + "&name=Ada");
        long grace = join(b, "http://127.0.0.1:" + server.port() + "/?room=coins&name=Grace"); // the room's game
        assertThat((String) a.eval("window.arena.game")).isEqualTo("coinrush");
        assertThat((String) b.eval("window.arena.game")).isEqualTo("coinrush");
        assertThat((Object) a.eval("window.arena.gameError")).isNull();

        // both see both, with their names
        a.await("A knows B", WAIT, d -> position(a, grace));
        b.await("B knows A", WAIT, d -> position(b, ada));
        assertThat((String) b.eval("window.arena.players.find((p) => p.id === " + ada + ").name")).isEqualTo("Ada");
        a.await("A draws B", WAIT, d -> a.drawn(grace));

        // the timer runs, the scoreboard has both
        Map<String, Object> round = a.await("a round", WAIT, d -> a.eval("window.arena.round"));
        assertThat(round.get("stage")).isEqualTo("playing");
        assertThat(((Number) round.get("round")).intValue()).isPositive();
        List<Map<String, Object>> board = a.await("both on the scoreboard", WAIT, d -> {
            List<Map<String, Object>> s = a.eval("window.arena.scoreboard");
            return s != null && s.size() == 2 ? s : null;
        });
        assertThat(board).extracting(s -> ((Number) s.get("id")).longValue()).containsExactlyInAnyOrder(ada, grace);

        // Ada moves on the keys: B sees it (the server's state), then the round ends and the results show
        List<Number> before = position(b, ada);
        new Actions(a.driver()).keyDown(Keys.ARROW_RIGHT).perform();
        try {
            b.await("B sees A move", WAIT, d -> {
                List<Number> now = position(b, ada);
                return now != null && now.get(0).doubleValue() != before.get(0).doubleValue() ? now : null;
            });
        } finally {
            new Actions(a.driver()).keyUp(Keys.ARROW_RIGHT).perform();
        }
        a.screenshot(ARTIFACTS.resolve("coinrush-playing.png"));
        Map<String, Object> results = a.await("the results", WAIT, d -> {
            Map<String, Object> r = a.eval("window.arena.round");
            return r != null && "results".equals(r.get("stage")) ? r : null;
        });
        assertThat(((Number) results.get("secondsLeft")).intValue()).isBetween(0, 3);
        a.screenshot(ARTIFACTS.resolve("coinrush-results.png"));
        Map<String, Object> next = a.await("the next round", WAIT, d -> {
            Map<String, Object> r = a.eval("window.arena.round");
            return r != null && "playing".equals(r.get("stage"))
                    && ((Number) r.get("round")).intValue() > ((Number) round.get("round")).intValue() ? r : null;
        });
        assertThat(next).isNotNull();
    }

    /** A screen makes a coin rush party; a phone joins it as a controller and plays by touch; the screen shows it. */
    @Test
    void aScreenAndAPhonePlayCoinRushInPartyMode() {
        String base = "http://127.0.0.1:" + server.port() + "/";
        a.get(base + "screen.html?game=coinrush");
        String code = (String) a.awaitJs("window.arena && window.arena.joined && window.arena.code", WAIT);
        assertThat((String) a.eval("window.arena.game")).isEqualTo("coinrush");
        try (Browser phone = Browser.phone()) {
            phone.get(base + "controller.html?room=" + code + "&name=Pho");
            phone.awaitJs("window.arena.joined && window.arena.status === 'connected'", WAIT);
            assertThat((String) phone.eval("window.arena.game")).isEqualTo("coinrush");
            long id = ((Number) phone.eval("window.arena.id")).longValue();
            List<Number> before = a.await("the screen knows the phone's player", WAIT, d -> position(a, id));
            // the round is 4 s: touch at the start of one, so that the player can move (nobody moves in the results)
            a.await("the start of a round", WAIT, d -> {
                Map<String, Object> r = a.eval("window.arena.round");
                return r != null && "playing".equals(r.get("stage")) && ((Number) r.get("secondsLeft")).intValue() >= 3
                        ? r : null;
            });
            org.openqa.selenium.WebElement right = phone.driver().findElement(
                    org.openqa.selenium.By.cssSelector("#pad [data-dir=right]"));
            org.openqa.selenium.Rectangle box = right.getRect();
            var finger = new org.openqa.selenium.interactions.PointerInput(
                    org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
            var hold = new org.openqa.selenium.interactions.Sequence(finger, 0)
                    .addAction(finger.createPointerMove(Duration.ZERO,
                            org.openqa.selenium.interactions.PointerInput.Origin.viewport(),
                            box.x + box.width / 2, box.y + box.height / 2))
                    .addAction(finger.createPointerDown(
                            org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()))
                    .addAction(new org.openqa.selenium.interactions.Pause(finger, Duration.ofMillis(1500)))
                    .addAction(finger.createPointerUp(
                            org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
            phone.driver().perform(List.of(hold));
            a.await("the screen sees the phone's player move", WAIT, d -> {
                List<Number> now = position(a, id);
                return now != null && now.get(0).doubleValue() != before.get(0).doubleValue() ? now : null;
            });
            a.screenshot(ARTIFACTS.resolve("coinrush-party-screen.png"));
        }
    }
}
