package dev.arena.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium from Debian's packages ({@code /usr/bin/chromium}, driven by {@code /usr/bin/chromedriver}),
 * for browser tests and the benchmark. The driver path is given explicitly, so Selenium Manager is never asked for
 * one; the browser starts with a fresh profile and every background service that would reach out switched off.
 * Pages are read through the page's debug hook {@code window.arena} (see webapp/js/main.js).
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = System.getProperty("arena.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("arena.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height, boolean mobile) {
        try {
            profile = Files.createTempDirectory("arena-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-sync",
                "--disable-component-update",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (mobile) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/156.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** A desktop-sized browser. */
    public static Browser open() {
        return new Browser(1100, 800, false);
    }

    /** A phone: 390 × 844 CSS pixels, device pixel ratio 3, touch. */
    public static Browser phone() {
        return new Browser(390, 844, true);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Runs {@code return <expression>} in the page. */
    @SuppressWarnings("unchecked")
    public <T> T eval(String expression) {
        return (T) ((JavascriptExecutor) driver).executeScript("return " + expression);
    }

    /** Waits until {@code condition} returns something other than null or false, and returns that. */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25)).withMessage(what).until(condition);
    }

    /** Waits until the page's JavaScript {@code expression} is truthy, and returns its value. */
    public Object awaitJs(String expression, Duration timeout) {
        return await(expression, timeout, d -> {
            Object v = ((JavascriptExecutor) d).executeScript("return " + expression);
            return v == null || Boolean.FALSE.equals(v) ? null : v;
        });
    }

    /** The own dot as drawn in the last frame: [x, y], or null. */
    public List<Number> ownDrawn() {
        return eval("(() => { const a = window.arena; const me = a.drawn.find((p) => p.id === a.id);"
                + " return me ? [me.x, me.y] : null; })()");
    }

    /** Player {@code id} as drawn in the last frame: [x, y], or null. */
    public List<Number> drawn(long id) {
        return eval("(() => { const p = window.arena.drawn.find((p) => p.id === " + id + "); return p ? [p.x, p.y] : null; })()");
    }

    /** Opens {@code url}, a page that joins a room, and waits until it has joined and is connected; returns its id. */
    public long join(String url, Duration timeout) {
        get(url);
        awaitJs("window.arena && window.arena.joined && window.arena.status === 'connected'", timeout);
        return ((Number) eval("window.arena.id")).longValue();
    }

    /** Player {@code id} as the page knows it from the server ({@code window.arena.players}): [x, y], or null. */
    public List<Number> player(long id) {
        return eval("(() => { const p = window.arena.players.find((p) => p.id === " + id
                + "); return p ? [p.x, p.y] : null; })()");
    }

    /** Waits until the page knows player {@code id} somewhere else than {@code from}, and returns where. */
    public List<Number> awaitMoved(long id, List<Number> from, String what, Duration timeout) {
        return await(what, timeout, d -> {
            List<Number> now = player(id);
            return now != null && (now.get(0).doubleValue() != from.get(0).doubleValue()
                    || now.get(1).doubleValue() != from.get(1).doubleValue()) ? now : null;
        });
    }

    /** One finger holds the element {@code css} selects for {@code millis}, then lifts (a phone's touch). */
    public void touchHold(String css, long millis) {
        touchHold(driver.findElement(By.cssSelector(css)), millis);
    }

    /** One finger holds {@code element} for {@code millis}, then lifts. */
    public void touchHold(WebElement element, long millis) {
        Rectangle box = element.getRect();
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        driver.perform(List.of(new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                        box.x + box.width / 2, box.y + box.height / 2))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(new Pause(finger, Duration.ofMillis(millis)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()))));
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}
