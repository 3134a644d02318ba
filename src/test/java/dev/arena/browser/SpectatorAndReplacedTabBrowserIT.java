package dev.arena.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Browser;
import dev.arena.support.GameClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Two flows of the player page in real Chromium that the Node tests cover only in part: a spectator
 * ({@code ?role=spectator}) watching a room, and a tab whose player was resumed in a second tab (close 4003).
 */
class SpectatorAndReplacedTabBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    private static DevServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT);
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {browser, () -> server.close()}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    @Test
    void aSpectatorSeesThePlayersMoveAndChatButHasNoDotNoPadAndMovesNothing() throws Exception {
        try (GameClient ada = GameClient.join(server.gameUri(), "Ada", "watched")) {
            long adaId = ada.id();
            browser.get(server.httpUri() + "?room=watched&role=spectator&name=Sam");
            browser.awaitJs("window.arena && window.arena.joined && window.arena.status === 'connected'"
                    + " && window.arena.players.length === 1", WAIT);
            assertThat((Object) browser.eval("window.arena.role")).isEqualTo("spectator");
            assertThat(text("room")).isEqualTo("watched");
            assertThat(text("count")).isEqualTo("1");
            assertThat(text("status")).isEqualTo("connected");
            assertThat(browser.driver().findElement(By.id("pad")).isDisplayed()).as("no pad").isFalse();
            assertThat(browser.<List<Object>>eval("window.arena.players.map((p) => p.name)")).containsExactly("Ada");

            // Ada moves: the spectator draws her dot moving; it draws no dot of its own.
            List<Number> before = browser.await("Ada drawn", WAIT, d -> browser.drawn(adaId));
            boolean goRight = before.get(0).doubleValue() < 250;
            ada.hold(goRight ? 1 : -1, 0);
            browser.await("Ada moving on the spectator's map", WAIT, d -> {
                List<Number> now = browser.drawn(adaId);
                double dx = now == null ? 0 : now.get(0).doubleValue() - before.get(0).doubleValue();
                return (goRight ? dx : -dx) > 40 ? true : null;
            });
            ada.hold(0, 0);
            assertThat(browser.<List<Object>>eval("window.arena.drawn.map((p) => p.id)")).containsExactly(adaId);

            // Keys on the spectator's page move nobody and add no player.
            WebElement canvas = browser.driver().findElement(By.id("map"));
            new Actions(browser.driver()).moveToElement(canvas).click().keyDown(Keys.ARROW_DOWN).pause(500)
                    .keyUp(Keys.ARROW_DOWN).perform();
            assertThat(server.world().stats().playerCount()).as("a spectator is no player").isEqualTo(1);
            assertThat(browser.<List<Object>>eval("window.arena.players.map((p) => p.name)")).containsExactly("Ada");

            // The room's chat reaches it.
            ada.send(new ClientMessage.Chat("hello watchers"));
            browser.await("Ada's chat line", WAIT, d -> browser.<List<String>>eval(
                    "[...document.querySelectorAll('#chat li')].map((li) => li.textContent)").stream()
                    .anyMatch(l -> l.contains("Ada") && l.contains("hello watchers")) ? true : null);
            browser.screenshot(ARTIFACTS.resolve("spectator.png"));
        }
    }

    @Test
    void aTabWhosePlayerIsResumedInASecondTabStopsAndOffersReconnectAsANewPlayer() throws Exception {
        browser.get(server.httpUri() + "?room=tabs&name=Ada");
        browser.awaitJs("window.arena && window.arena.joined && window.arena.status === 'connected'", WAIT);
        long adaId = ((Number) browser.eval("window.arena.id")).longValue();
        String first = browser.driver().getWindowHandle();
        assertThat((Object) browser.eval("sessionStorage.getItem('arena.resume') !== null")).isEqualTo(true);

        // A second tab opened from the first (as "duplicate tab" does) starts with a copy of its sessionStorage,
        // so with the same resume token: it resumes Ada's player, and the server closes the first tab with 4003.
        browser.eval("window.open(location.href, '_blank') && true");
        String second = browser.await("the second tab", WAIT, d -> d.getWindowHandles().stream()
                .filter(h -> !h.equals(first)).findFirst().orElse(null));
        browser.driver().switchTo().window(second);
        browser.awaitJs("window.arena && window.arena.joined && window.arena.status === 'connected'", WAIT);
        assertThat(((Number) browser.eval("window.arena.id")).longValue()).as("the same player").isEqualTo(adaId);
        assertThat((Object) browser.eval("window.arena.name")).isEqualTo("Ada");

        browser.driver().switchTo().window(first);
        browser.awaitJs("window.arena.closeCode === 4003 && window.arena.status === 'disconnected'", WAIT);
        assertThat(text("banner-text")).isEqualTo("Playing in another tab or window. Disconnected.");
        WebElement reconnect = browser.driver().findElement(By.id("banner-retry"));
        assertThat(reconnect.isDisplayed()).isTrue();
        assertThat(reconnect.getText()).isEqualTo("Reconnect");
        assertThat(text("status")).isEqualTo("disconnected");
        assertThat((Object) browser.eval("sessionStorage.getItem('arena.resume')")).as("token forgotten").isNull();
        browser.screenshot(ARTIFACTS.resolve("replaced-tab.png"));

        // It does not fight over the player: two seconds later it is still off, the second tab still plays.
        Thread.sleep(2_000);
        assertThat((Object) browser.eval("window.arena.status")).isEqualTo("disconnected");
        assertThat(server.world().stats().playerCount()).isEqualTo(1);

        // Reconnect joins as a new player; the second tab keeps Ada.
        reconnect.click();
        browser.awaitJs("window.arena.joined && window.arena.status === 'connected'", WAIT);
        long newId = ((Number) browser.eval("window.arena.id")).longValue();
        assertThat(newId).isNotEqualTo(adaId);
        assertThat(browser.driver().findElement(By.id("banner")).isDisplayed()).isFalse();
        browser.driver().switchTo().window(second);
        assertThat((Object) browser.eval("window.arena.status")).isEqualTo("connected");
        assertThat(((Number) browser.eval("window.arena.id")).longValue()).isEqualTo(adaId);
        assertThat(browser.<List<Number>>eval("window.arena.players.map((p) => p.id)").stream()
                .map(Number::longValue).toList()).containsExactlyInAnyOrderElementsOf(Set.of(adaId, newId));
        browser.driver().close();
        browser.driver().switchTo().window(first);
    }
}
