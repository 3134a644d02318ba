package dev.arena.games.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.server.room.Games;
import dev.arena.support.Browser;
import dev.arena.support.FileTrees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The tutorial's game, whole, in real headless Chromium (docs/games.md, step 8): {@link FlagGame} registered on a
 * dev server whose pages are the shipped {@code webapp/} plus the tutorial's module ({@code src/test/webapp/games/
 * flag/index.js}, 39 lines on the core's {@code GameFeed}). The player page draws the grid, a key moves the player
 * and the scoreboard lists it; the party screen shows a phone's player, which moves by touch.
 */
class FlagBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    @TempDir
    static Path pages;
    private static DevServer server;

    @BeforeAll
    static void start() throws Exception {
        FileTrees.copy(DevServer.webappFolder(), pages);
        FileTrees.copy(Path.of("src/test/webapp"), pages);
        server = DevServer.start("127.0.0.1", -1, ArenaConfig.DEFAULT.withGames(
                Games.standard().with(List.of(new FlagGame()))), pages);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTutorialsGameIsPlayedOnThePlayerPage() {
        try (Browser page = Browser.open()) {
            long id = page.join(server.httpUri() + "?room=flags&game=flag&name=Flo", WAIT);
            assertThat((String) page.eval("window.arena.game")).isEqualTo("flag");
            assertThat((Object) page.eval("window.arena.gameError")).isNull();
            List<Number> from = page.await("the player on the grid", WAIT, d -> page.player(id));
            List<Map<String, Object>> board = page.await("the scoreboard", WAIT, d -> {
                List<Map<String, Object>> s = page.eval("window.arena.scoreboard");
                return s != null && !s.isEmpty() ? s : null;
            });
            assertThat(board).extracting(s -> ((Number) s.get("id")).longValue()).containsExactly(id);
            Keys key = from.get(0).intValue() < 5 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
            new Actions(page.driver()).keyDown(key).perform();
            try {
                page.awaitMoved(id, from, "the player walks", WAIT);
            } finally {
                new Actions(page.driver()).keyUp(key).perform();
            }
            page.screenshot(ARTIFACTS.resolve("flag-page.png"));
        }
    }

    @Test
    void theTutorialsGameIsPlayedOnThePartyScreenWithAPhone() {
        try (Browser screen = Browser.open(); Browser phone = Browser.phone()) {
            screen.get(server.httpUri() + "screen.html?game=flag");
            String code = (String) screen.awaitJs("window.arena && window.arena.joined && window.arena.code", WAIT);
            assertThat((String) screen.eval("window.arena.game")).isEqualTo("flag");
            long id = phone.join(server.httpUri() + "controller.html?room=" + code + "&name=Pho", WAIT);
            List<Number> from = screen.await("the screen shows the phone's player", WAIT, d -> screen.player(id));
            String dir = from.get(0).intValue() < 5 ? "right" : "left";
            phone.touchHold("#pad [data-dir=" + dir + "]", 600);
            screen.awaitMoved(id, from, "the screen sees the phone's player walk", WAIT);
            screen.screenshot(ARTIFACTS.resolve("flag-party-screen.png"));
        }
    }
}
