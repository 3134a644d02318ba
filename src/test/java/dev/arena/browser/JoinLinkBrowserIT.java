package dev.arena.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.dev.DevServer;
import dev.arena.server.ArenaConfig;
import dev.arena.support.Browser;
import dev.arena.support.NetworkAddresses;
import dev.arena.support.Qr;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * A party screen opened at {@code http://localhost:PORT/screen.html} in real Chromium: its QR code, read from a
 * screenshot, holds a link on one of this machine's network addresses (what {@link java.net.NetworkInterface} lists),
 * never a loopback one, and the page offers every address; on a machine without one, it shows the documented hint.
 */
class JoinLinkBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path ARTIFACTS = Path.of(System.getProperty("arena.artifacts", "target/browser"));
    /** The hints of webapp/js/joinlink.js, as the README's party section documents them. */
    static final String PICK = "Phones cannot open “localhost”: the QR code uses this computer’s network address."
            + " If a phone cannot open it, pick another:";
    static final String NONE = "Phones cannot open “localhost”, and this computer has no network address: connect it"
            + " to the phones’ network (Wi-Fi), then reload this page.";

    private static DevServer server;
    private static Browser screen;

    @BeforeAll
    static void start() throws Exception {
        server = DevServer.startForTests(ArenaConfig.DEFAULT); // listens on 127.0.0.1 only
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

    private static String scanQr(String name) throws Exception {
        return Qr.scan(() -> screen.driver().findElement(By.id("qr")).getScreenshotAs(OutputType.BYTES),
                ARTIFACTS.resolve(name));
    }

    @Test
    void aScreenAtLocalhostShowsAJoinLinkOnANetworkAddressOrSaysWhyThereIsNone() throws Exception {
        String local = "http://localhost:" + server.port() + "/";
        screen.get(local + "screen.html");
        String code = (String) screen.awaitJs("window.arena && window.arena.joined && window.arena.qrSize > 0"
                + " && window.arena.code", WAIT);
        Set<String> addresses = NetworkAddresses.expected();
        String hint = screen.driver().findElement(By.id("join-hint")).getText();
        String scanned = scanQr("join-link-qr.png");
        screen.screenshot(ARTIFACTS.resolve("join-link-screen.png"));
        if (addresses.isEmpty()) {
            assertThat(hint).isEqualTo(NONE);
            assertThat(scanned).isEqualTo(local + "controller.html?room=" + code);
            return;
        }

        // The QR code: this machine's network address, the server's port, the controller page, the room.
        URI link = URI.create(scanned);
        assertThat(addresses).contains(link.getHost());
        String literal = link.getHost().replaceAll("^\\[|]$", "");
        assertThat(InetAddress.getByName(literal).isLoopbackAddress()).as(scanned).isFalse();
        assertThat(link.getScheme()).isEqualTo("http");
        assertThat(link.getPort()).isEqualTo(server.port());
        assertThat(link.getPath()).isEqualTo("/controller.html");
        assertThat(link.getQuery()).isEqualTo("room=" + code);
        assertThat(screen.driver().findElement(By.id("join-url")).getText()).isEqualTo(scanned);
        assertThat(hint).isEqualTo(PICK);

        // The choices: every network address, then this computer; the one in the QR code is marked.
        List<String> labels = screen.eval("[...document.querySelectorAll('#join-choices button')].map((b) => b.textContent)");
        List<String> expectedLabels = new ArrayList<>(addresses);
        expectedLabels.add("this computer only");
        assertThat(labels).containsExactlyInAnyOrderElementsOf(expectedLabels);
        assertThat(labels.get(labels.size() - 1)).isEqualTo("this computer only");
        List<String> pressed = screen.eval("[...document.querySelectorAll('#join-choices button[aria-pressed=true]')]"
                + ".map((b) => b.textContent)");
        assertThat(pressed).containsExactly(link.getHost());

        // Another choice reopens the page with it (?join=this): the same room, a new QR code.
        screen.driver().findElement(By.xpath("//button[@class='join-choice' and text()='this computer only']")).click();
        String here = local + "controller.html?room=" + code;
        screen.awaitJs("window.arena && window.arena.joined && window.arena.qrSize > 0"
                + " && window.arena.joinUrl === '" + here + "'", WAIT);
        assertThat(scanQr("join-link-qr-local.png")).isEqualTo(here);
        assertThat((Object) screen.eval("window.arena.code")).isEqualTo(code);
        assertThat(screen.driver().getCurrentUrl()).isEqualTo(local + "screen.html?room=" + code + "&join=this");
        List<String> nowPressed = screen.eval("[...document.querySelectorAll('#join-choices button[aria-pressed=true]')]"
                + ".map((b) => b.textContent)");
        assertThat(nowPressed).containsExactly("this computer only");
        assertThat(server.world().stats().roomCount()).as("the same room, no new one").isEqualTo(1);
    }
}
