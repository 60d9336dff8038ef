package com.lavish.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, driven by its own chromedriver: nothing is downloaded), with its home, profile
 * and temporary files under {@code target/}. It records the page's console, so a test can say there were no errors,
 * runs axe-core in the page for an accessibility check, and saves screenshots under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    /** Where profiles, screenshots and the browser's home go: the module's target/, or E2E_TARGET. */
    private static final Path TARGET =
            Path.of(System.getenv().getOrDefault("E2E_TARGET", "target")).toAbsolutePath();

    private static final AtomicInteger PROFILES = new AtomicInteger();
    /** axe-core as theme-extension's npm install leaves it (its version is pinned in package-lock.json). */
    private static final Path AXE =
            ShopArrangements.REPOSITORY.resolve("theme-extension/node_modules/axe-core/axe.min.js");

    /** Selenium's note that it has no DevTools bindings for this Chromium: nothing here uses them. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    public final ChromeDriver driver;

    public Browser() {
        Path home = directory("browser-home");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "HOME",
                        home.toString(),
                        "TMPDIR",
                        directory("browser-tmp").toString()))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(env("CHROMIUM_BINARY", "/usr/bin/chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,1800",
                        "--no-first-run",
                        "--disable-gpu",
                        "--lang=en-AU",
                        "--user-data-dir=" + directory("browser-profile-" + PROFILES.incrementAndGet()));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** Logs in as this customer the way the fake's storefront does: its log-in cookie on the shop's origin. */
    public Browser loggedInAs(String customerId) {
        driver.get(ShopArrangements.STOREFRONT + "/account/login");
        driver.manage().addCookie(new Cookie("_fake_customer", customerId, "/"));
        return this;
    }

    public Browser open(String path) {
        driver.get(ShopArrangements.STOREFRONT + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A same-origin fetch from the page, with its cookies: {status, body}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String method, String path, String jsonBody, Map<String, String> headers) {
        return (Map<String, Object>)
                ((JavascriptExecutor) driver).executeAsyncScript("""
                const [method, path, body, headers, done] = arguments
                fetch(path, { method, body: body || undefined, credentials: 'same-origin',
                              headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers } })
                  .then(async (res) => done({ status: res.status, body: await res.text() }))
                  .catch((e) => done({ status: -1, body: String(e) }))""", method, path, jsonBody, headers);
    }

    /** Every console entry at SEVERE since the last call (Chromium reports errors, CSP refusals among them, so). */
    public List<String> consoleErrors() {
        return console(Level.SEVERE);
    }

    /** Every console entry at this level or above since the last call. */
    public List<String> console(Level level) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= level.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** axe-core's violations of the page (WCAG 2.1 A and AA rules), as "rule: nodes" lines; none is a pass. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        try {
            ((JavascriptExecutor) driver).executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "axe-core is missing at " + AXE + ": build theme-extension first (its npm ci)", e);
        }
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[0]
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))))
                  .catch((e) => done([{ id: 'axe failed: ' + e, nodes: [] }]))""");
        return violations.stream().map(v -> v.get("id") + ": " + v.get("nodes")).toList();
    }

    /** Throws unless the page's console is free of errors. */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("the page's console has errors: " + errors);
        }
    }

    /** Saves the page as target/screenshots/NAME.png for a person to look at. */
    public void screenshot(String name) {
        try {
            Path file = directory("screenshots").resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(TARGET.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
