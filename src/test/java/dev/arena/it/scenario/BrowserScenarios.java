package dev.arena.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.games.coinrush.CoinRushGame;
import dev.arena.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Both games in real headless Chromium on the target's own pages (the dev server's, or the deployed WAR's under its
 * context path): two player pages see each other and a move on the keys, and a party screen sees a phone's player move
 * by touch, for dots and for coin rush; a coin rush page also plays its round to the results and the next round.
 * Coin rush's round is the target's ({@link dev.arena.support.ArenaTarget#settings}: a short one in the ITs). Read
 * through the pages' debug hook {@code window.arena}.
 */
public interface BrowserScenarios extends OnTarget {
    Duration WAIT = Duration.ofSeconds(15);
    Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    /** Joins the page at {@code query} (relative to the target's page) and returns the player's id. */
    private long join(Browser browser, String query) {
        return browser.join(target().resolve(query).toString(), WAIT);
    }

    /** Two player pages of {@code game}'s room see each other; A holds an arrow key and B sees A move. */
    private void twoPagesSeeAMove(Browser a, Browser b, String game, String room) {
        long ada = join(a, "?room=" + room + "&game=" + game + "&name=Ada");
        long grace = join(b, "?room=" + room + "&name=Grace"); // no game: the room's
        assertThat((String) a.eval("window.arena.game")).isEqualTo(game);
        assertThat((String) b.eval("window.arena.game")).as("the room's game, from welcome").isEqualTo(game);
        assertThat((Object) a.eval("window.arena.gameError")).isNull();
        a.await("A knows B", WAIT, d -> a.player(grace));
        List<Number> before = b.await("B knows A", WAIT, d -> b.player(ada));
        assertThat((String) b.eval("window.arena.players.find((p) => p.id === " + ada + ").name")).isEqualTo("Ada");
        a.await("A draws B", WAIT, d -> a.drawn(grace));
        Keys key = before.get(0).doubleValue() < 250 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
        new Actions(a.driver()).keyDown(key).perform();
        try {
            b.awaitMoved(ada, before, "B sees A move", WAIT);
        } finally {
            new Actions(a.driver()).keyUp(key).perform();
        }
    }

    /** A party screen of {@code game}; a phone joins it by its code and holds a button; the screen sees it move. */
    private void aPhoneMovesOnTheScreen(Browser screen, String game, Runnable beforeTouch) {
        screen.get(target().resolve("screen.html?game=" + game).toString());
        String code = (String) screen.awaitJs("window.arena && window.arena.joined && window.arena.code", WAIT);
        assertThat((String) screen.eval("window.arena.game")).isEqualTo(game);
        try (Browser phone = Browser.phone()) {
            long id = join(phone, "controller.html?room=" + code + "&name=Pho");
            assertThat((String) phone.eval("window.arena.game")).isEqualTo(game);
            List<Number> before = screen.await("the screen knows the phone's player", WAIT, d -> screen.player(id));
            beforeTouch.run();
            String dir = before.get(0).doubleValue() < 250 ? "right" : "left";
            phone.touchHold("#pad [data-dir=" + dir + "]", 1500);
            screen.awaitMoved(id, before, "the screen sees the phone's player move", WAIT);
            screen.screenshot(ARTIFACTS.resolve(target().name() + "-" + game + "-party-screen.png"));
        }
    }

    @Test
    default void twoPagesPlayDotsInChromium() {
        try (Browser a = Browser.open(); Browser b = Browser.open()) {
            twoPagesSeeAMove(a, b, "dots", room("bdots"));
        }
    }

    @Test
    default void aScreenAndAPhonePlayDotsInChromium() {
        try (Browser screen = Browser.open()) {
            aPhoneMovesOnTheScreen(screen, "dots", () -> {});
        }
    }

    /** Coin rush on two pages: they see each other and a move, the timer and scoreboard run, the round ends. */
    @Test
    default void twoPagesPlayARoundOfCoinRushInChromium() {
        try (Browser a = Browser.open(); Browser b = Browser.open()) {
            twoPagesSeeAMove(a, b, "coinrush", room("bcoins"));
            Map<String, Object> first = a.await("a round", WAIT, d -> a.eval("window.arena.round"));
            List<Map<String, Object>> board = a.await("both on the scoreboard", WAIT, d -> {
                List<Map<String, Object>> s = a.eval("window.arena.scoreboard");
                return s != null && s.size() == 2 ? s : null;
            });
            assertThat(board).hasSize(2);
            a.screenshot(ARTIFACTS.resolve(target().name() + "-coinrush-playing.png"));
            double resultsSeconds = target().settings(new CoinRushGame()).decimal(CoinRushGame.RESULTS_SECONDS);
            Map<String, Object> results = a.await("the results", WAIT, d -> {
                Map<String, Object> r = a.eval("window.arena.round");
                return r != null && "results".equals(r.get("stage")) ? r : null;
            });
            assertThat(((Number) results.get("secondsLeft")).intValue()).isBetween(0, (int) Math.ceil(resultsSeconds));
            a.screenshot(ARTIFACTS.resolve(target().name() + "-coinrush-results.png"));
            int round = ((Number) first.get("round")).intValue();
            Map<String, Object> next = a.await("the next round", WAIT, d -> {
                Map<String, Object> r = a.eval("window.arena.round");
                return r != null && "playing".equals(r.get("stage")) && ((Number) r.get("round")).intValue() > round
                        ? r : null;
            });
            assertThat(((Number) next.get("round")).intValue()).isGreaterThan(round);
        }
    }

    /** A coin rush screen and a phone: the phone touches at the start of a round (nobody moves in the results). */
    @Test
    default void aScreenAndAPhonePlayCoinRushInChromium() {
        double roundSeconds = target().settings(new CoinRushGame()).decimal(CoinRushGame.ROUND_SECONDS);
        try (Browser screen = Browser.open()) {
            aPhoneMovesOnTheScreen(screen, "coinrush", () -> screen.await("the start of a round", WAIT, d -> {
                Map<String, Object> r = screen.eval("window.arena.round");
                return r != null && "playing".equals(r.get("stage"))
                        && ((Number) r.get("secondsLeft")).intValue() >= roundSeconds - 1 ? r : null;
            }));
        }
    }
}
