package dev.arena.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.protocol.ClientMessage;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Browser;
import dev.arena.support.GameClient;
import dev.arena.support.NetworkAddresses;
import dev.arena.support.Qr;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Party mode in real headless Chromium: a screen page on a desktop-sized browser and two controller pages on
 * phone-sized touch browsers. The screen's QR code is read from a screenshot with ZXing, as a phone camera would;
 * the phones open what it says, play by touch and chat; the screen shows it all.
 */
class PartyBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));

    private static DevServer server;
    private static Browser screen;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT);
        screen = Browser.open();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {screen, () -> server.close()}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static String text(Browser b, String id) {
        return b.driver().findElement(By.id(id)).getText();
    }

    /** Player {@code name} as the screen knows it from the server: [x, y], or null. */
    private static List<Number> onScreen(String name) {
        return screen.eval("(() => { const p = window.arena.players.find((p) => p.name === '" + name
                + "'); return p ? [p.x, p.y] : null; })()");
    }

    @Test
    void phonesScanTheScreensQrCodePlayByTouchAndChatAndTheScreenShowsItAll() throws Exception {
        screen.get(server.httpUri() + "screen.html");
        String code = (String) screen.awaitJs("window.arena && window.arena.joined && window.arena.qrSize > 0"
                + " && window.arena.code", WAIT);
        String joinUrl = server.httpUri() + "controller.html?room=" + code;
        assertThat(code).matches("[BCDFGHJKMNPQRSTWXZ]{5}");
        // Opened at 127.0.0.1, the join link is on this machine's network address (JoinLinkBrowserIT); the test
        // server listens on loopback only, so the phones here use the screen's "this computer only" choice.
        boolean offersAddresses = !NetworkAddresses.expected().isEmpty();
        if (offersAddresses) {
            screen.driver().findElement(By.xpath("//button[@class='join-choice' and text()='this computer only']")).click();
            screen.awaitJs("window.arena && window.arena.joined && window.arena.qrSize > 0"
                    + " && window.arena.joinUrl === '" + joinUrl + "'", WAIT); // the page reopened with ?join=this
        }
        assertThat(text(screen, "code")).isEqualTo(code);
        assertThat(text(screen, "join-url")).isEqualTo(joinUrl);
        String pageQuery = "screen.html?room=" + code + (offersAddresses ? "&join=this" : "");
        screen.await("the page's URL keeps the code (and the choice)", WAIT,
                d -> d.getCurrentUrl().endsWith(pageQuery) ? true : null);
        // The QR code as a person sees it: a screenshot of the element, read by ZXing.
        String scanned = Qr.scan(() -> screen.driver().findElement(By.id("qr")).getScreenshotAs(OutputType.BYTES),
                ARTIFACTS.resolve("party-qr.png"));
        assertThat(scanned).isEqualTo(joinUrl);

        try (Browser ada = Browser.phone(); Browser bob = Browser.phone()) {
            // Ada's phone knows her name already (here: in the link); Bob's asks for it.
            ada.get(scanned + "&name=Ada");
            ada.awaitJs("window.arena.joined && window.arena.status === 'connected'", WAIT);
            bob.get(scanned);
            bob.await("the name form", WAIT, d -> d.findElement(By.id("entry")).isDisplayed() ? true : null);
            assertThat(bob.driver().findElement(By.id("code-input")).getAttribute("value")).isEqualTo(code);
            bob.driver().findElement(By.id("name-input")).sendKeys("Bob");
            bob.driver().findElement(By.cssSelector("#entry button[type=submit]")).click();
            bob.awaitJs("window.arena.joined && window.arena.status === 'connected'", WAIT);

            // A controller page: no map, big touch controls, its name and colour, status, ping.
            Map<String, Object> page = ada.eval("(() => { const pad = document.getElementById('pad').getBoundingClientRect();"
                    + " const up = document.querySelector('#pad [data-dir=up]').getBoundingClientRect();"
                    + " return {canvases: document.querySelectorAll('canvas').length, padBottom: pad.bottom,"
                    + " h: innerHeight, sw: document.documentElement.scrollWidth, button: up.width,"
                    + " swatch: getComputedStyle(document.getElementById('swatch')).backgroundColor}; })()");
            assertThat(((Number) page.get("canvases")).intValue()).as("no map on a controller").isZero();
            assertThat(((Number) page.get("button")).doubleValue()).as("thumb-sized buttons").isGreaterThanOrEqualTo(90);
            assertThat(((Number) page.get("padBottom")).doubleValue()).isLessThanOrEqualTo(((Number) page.get("h")).doubleValue());
            assertThat(((Number) page.get("sw")).doubleValue()).isLessThanOrEqualTo(390);
            String adaColor = ada.eval("window.arena.color");
            assertThat((String) page.get("swatch")).isEqualTo(rgb(adaColor));
            assertThat(text(ada, "me")).isEqualTo("Ada");
            assertThat(text(ada, "status")).isEqualTo("connected");
            ada.await("ping shown", WAIT, d -> text(ada, "ping").matches("\\d+ ms") ? true : null);
            ada.await("counts shown", WAIT, d -> text(ada, "room-line").contains("2 players · on the screen") ? true : null);

            // The screen shows both dots, and lists them with name and colour.
            screen.await("both players listed", WAIT, d -> d.findElements(By.cssSelector("#players li")).size() == 2 ? true : null);
            List<String> listed = screen.eval("[...document.querySelectorAll('#players li')].map((li) =>"
                    + " li.textContent + ' ' + li.querySelector('.swatch').style.background)");
            assertThat(listed).contains("Ada " + rgb(adaColor), "Bob " + rgb(bob.eval("window.arena.color")));
            assertThat(text(screen, "audience")).isEqualTo("2 players");

            // Touch on Ada's phone moves her dot on the screen.
            List<Number> before = screen.await("Ada on the screen", WAIT, d -> onScreen("Ada"));
            boolean goRight = before.get(0).doubleValue() < 250;
            WebElement button = ada.driver().findElement(By.cssSelector("#pad [data-dir='" + (goRight ? "right" : "left") + "']"));
            ada.touchHold(button, 800);
            List<Number> after = screen.await("Ada moved on the screen", WAIT, d -> {
                List<Number> now = onScreen("Ada");
                double dx = now.get(0).doubleValue() - before.get(0).doubleValue();
                return (goRight ? dx : -dx) > 40 ? now : null;
            });
            assertThat(after.get(1).doubleValue()).isEqualTo(before.get(1).doubleValue());
            assertThat((Object) ada.eval("window.arena.self.seq")).as("inputs acknowledged").isNotEqualTo(0L);
            screen.screenshot(ARTIFACTS.resolve("party-screen.png"));
            ada.screenshot(ARTIFACTS.resolve("party-controller.png"));

            // Chat: Bob taps a quick message; the screen and Ada's phone show it with his name.
            bob.driver().findElement(By.xpath("//button[@class='quick-message' and text()='GG!']")).click();
            screen.await("chat on the screen", WAIT, d -> chatLines(screen).contains("Bob|GG!") ? true : null);
            ada.await("chat on Ada's phone", WAIT, d -> ((List<?>) ada.eval("window.arena.chat")).size() == 1 ? true : null);
            assertThat(ada.<String>eval("window.arena.chat[0].name + '|' + window.arena.chat[0].text")).isEqualTo("Bob|GG!");

            // A line that looks like HTML is shown as text, never run or rendered.
            try (GameClient eve = GameClient.join(server.gameUri(), "Eve", code)) {
                String html = "<img src=x onerror=\"window.hacked=1\"><b>bold</b>";
                eve.send(new ClientMessage.Chat(html));
                screen.await("Eve's line", WAIT, d -> chatLines(screen).contains("Eve|" + html) ? true : null);
                assertThat((Object) screen.eval("document.querySelectorAll('#chat img, #chat b').length")).isEqualTo(0L);
                assertThat((Object) screen.eval("typeof window.hacked")).isEqualTo("undefined");
                screen.await("three players counted", WAIT, d -> text(screen, "audience").equals("3 players") ? true : null);
            }
        }
    }

    @Test
    void aPhoneWithAnUnknownCodeIsToldSoAndCanTypeAnother() {
        try (Browser phone = Browser.phone()) {
            phone.get(server.httpUri() + "controller.html?room=ZZZZZ&name=Eve");
            phone.awaitJs("window.arena.blocked", WAIT);
            assertThat(phone.driver().findElement(By.id("entry")).isDisplayed()).isTrue();
            assertThat(text(phone, "entry-problem")).isEqualTo("There is no room “ZZZZZ”. Check the code on the screen.");
            assertThat(text(phone, "status")).isEqualTo("not in a room");
            assertThat(phone.driver().findElement(By.id("controls")).isDisplayed()).isFalse();
            assertThat((Object) phone.eval("window.arena.lastError.code")).isEqualTo("unknown_room");
            phone.screenshot(ARTIFACTS.resolve("party-unknown-room.png"));
            assertThat(server.world().stats().roomCount()).as("no room was made for it").isLessThanOrEqualTo(1);
        }
    }

    /** The chat lines shown on a page, as "name|text" read from the DOM. */
    private static List<String> chatLines(Browser b) {
        return b.eval("[...document.querySelectorAll('#chat li')].map((li) =>"
                + " li.querySelector('.chat-name').textContent + '|' + li.querySelector('.chat-text').textContent)");
    }

    /** "#3fbfa6" as the browser reports a computed colour: "rgb(63, 191, 166)". */
    private static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 0xff) + ", " + (v & 0xff) + ")";
    }
}
