package dev.billingportal.bootstrap.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium — Debian's, with Debian's chromedriver, so nothing is downloaded — driven the way a
 * person uses the pages: controls are found by their role and accessible name (spec §9's names), not by CSS classes.
 * Also: axe-core's WCAG 2.2 A/AA check of the page as it is, screenshots under {@code target/screenshots}, and
 * whether the page scrolls sideways.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final boolean javascript;

    private Browser(ChromeDriver driver, URI base, Path profile, boolean javascript) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.javascript = javascript;
    }

    /** A desktop browser in English, with JavaScript. */
    public static Browser start(URI base) {
        return start(base, true, "en-CA,en", 1280, 900);
    }

    public static Browser start(URI base, boolean javascript, String languages, int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("portal-chromium-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root in a sandbox-less container, and on a closed network: no sandbox, no background traffic.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-quic", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + languages);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        Browser browser = new Browser(driver, base, profile, javascript);
        browser.pageScripts(javascript);
        return browser;
    }

    /**
     * Without JavaScript, the pages' scripts never run (as in a browser with scripts off); axe-core and WebDriver's
     * own calls still can, through the DevTools protocol.
     */
    private void pageScripts(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public URI base() {
        return base;
    }

    /** Opens a path of the portal ({@code /users}), or a link from an e-mail (its host replaced by the portal's). */
    public void open(String pathOrLink) {
        String path = pathOrLink.startsWith("http") ? pathOrLink.replaceFirst("^https?://[^/]+", "") : pathOrLink;
        driver.get(base.resolve(path).toString());
    }

    public String path() {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    /**
     * An element by id, waited for (a click may still be loading the next page), or a failure that says what the
     * page showed instead.
     */
    public WebElement element(String id) {
        try {
            return eventually(() -> driver.findElement(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException missing) {
            throw new NoSuchElementException("No #" + id + " on " + path() + ", which shows: "
                    + driver.findElement(By.tagName("body")).getText(), missing);
        }
    }

    public String heading() {
        return eventually(() -> driver.findElement(By.tagName("h1")).getText());
    }

    /** Waits until the page's heading is {@code text}: the next page has arrived. */
    public void waitForHeading(String text) {
        try {
            eventually(() -> text.equals(driver.findElement(By.tagName("h1")).getText()));
        } catch (org.openqa.selenium.TimeoutException late) {
            throw new AssertionError("Expected the heading '" + text + "' on " + path() + ", which shows: "
                    + driver.findElement(By.tagName("body")).getText(), late);
        }
    }

    /** Waits until the browser shows {@code path} (a form's answer may still be on its way). */
    public void waitForPath(String path) {
        waitUntil("the browser at " + path + ", not " + path(), () -> path().equals(path));
    }

    private <T> T eventually(Supplier<T> lookup) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
                .until(ignored -> whileNavigating(lookup));
    }

    /**
     * Runs a lookup on a page that may be replaced under it. Chromium reports an element of the document that is going
     * away either as stale or as "Node with given id does not belong to the document" (an inspector error, not a
     * {@link StaleElementReferenceException}); both mean "look again".
     */
    private static <T> T whileNavigating(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (StaleElementReferenceException | NoSuchElementException expected) {
            throw expected;
        } catch (WebDriverException inspector) {
            if (inspector.getMessage() != null && inspector.getMessage().contains("does not belong to the document")) {
                throw new StaleElementReferenceException("the page changed during the lookup", inspector);
            }
            throw inspector;
        }
    }

    /** A button (or the menu's summary, or a submit input) by its accessible name. */
    public WebElement button(String name) {
        return named(driver, "//button | //summary | //input[@type='submit'] | //*[@role='button']", name);
    }

    public WebElement link(String name) {
        return named(driver, "//a[@href]", name);
    }

    /** A form field by its label's text. */
    public WebElement field(String label) {
        return named(driver, "//input[not(@type='hidden')] | //select | //textarea", label);
    }

    /** The same searches inside one part of the page (a table row). */
    public WebElement button(SearchContext within, String name) {
        return named(within, ".//button | .//input[@type='submit'] | .//a[@href]", name);
    }

    public WebElement field(SearchContext within, String label) {
        return named(within, ".//input[not(@type='hidden')] | .//select | .//textarea", label);
    }

    /** Whether a control of that name is shown there now (no waiting: for what must not be there). */
    public boolean has(SearchContext within, String xpath, String name) {
        return within.findElements(By.xpath(xpath)).stream()
                .anyMatch(candidate -> candidate.isDisplayed() && name.equals(candidate.getAccessibleName()));
    }

    /** The table row that shows {@code text} in one of its cells. */
    public WebElement row(String text) {
        return driver.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElements(By.tagName("td")).stream().anyMatch(cell -> cell.getText()
                        .equals(text)))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No row shows " + text + ": "
                        + driver.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText)
                        .collect(Collectors.joining(" | "))));
    }

    public boolean hasRow(String text) {
        try {
            row(text);
            return true;
        } catch (NoSuchElementException | StaleElementReferenceException absent) {
            return false;
        }
    }

    /** The control of that accessible name, waited for at most 10 seconds (the page may still be arriving). */
    private WebElement named(SearchContext within, String xpath, String name) {
        try {
            return eventually(() -> within.findElements(By.xpath(xpath)).stream()
                    .filter(candidate -> candidate.isDisplayed() && name.equals(candidate.getAccessibleName()))
                    .findFirst().orElseThrow(() -> new NoSuchElementException(name)));
        } catch (org.openqa.selenium.TimeoutException absent) {
            List<String> names;
            try {
                names = within.findElements(By.xpath(xpath)).stream().filter(WebElement::isDisplayed)
                        .map(WebElement::getAccessibleName).toList();
            } catch (StaleElementReferenceException gone) {
                names = List.of("(the page changed)");
            }
            throw new NoSuchElementException("Nothing named '" + name + "' on " + path() + " among " + names, absent);
        }
    }

    public void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Waits, at most 10 seconds, for something a swap or a navigation brings. */
    public void waitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(what)
                .ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
                .until(ignored -> whileNavigating(condition));
    }

    /** The WCAG 2.2 A and AA violations axe-core finds on the page as it is now. */
    public List<String> accessibilityViolations() {
        if (!javascript) {
            pageScripts(true); // for axe itself: the page's own scripts ran at no point and will not now
        }
        try {
            Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
            return results.getViolations().stream().map(Browser::describe).toList();
        } finally {
            if (!javascript) {
                pageScripts(false);
            }
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    /** Whether the page is wider than the window: the reader would have to scroll sideways. */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }

    public Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses Tab, as a keyboard user does, until the element named {@code name} (its accessible name) has the focus,
     * at most {@code presses} times; a page whose order never reaches it fails the test.
     */
    public WebElement tabTo(String name, int presses) {
        for (int pressed = 0; pressed <= presses; pressed++) {
            WebElement focused = focused();
            if (name.equals(focused.getAccessibleName())) {
                return focused;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("No element named '" + name + "' within " + presses + " presses of Tab on " + path()
                + "; the focus is on '" + focused().getAccessibleName() + "'");
    }

    /** Whether the focused element shows that it has the focus (an outline of some width). */
    public boolean focusIsVisible() {
        Object style = script("var s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle + ' ' + s.outlineWidth;");
        return !String.valueOf(style).startsWith("none") && !String.valueOf(style).endsWith(" 0px");
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A screenshot of the whole page, however long, at the window's width. */
    public Path fullPageScreenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) script("return Math.max(document.body.scrollHeight, window.innerHeight);");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(4000, height.intValue() + 140)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary profile; the system removes it eventually
            }
        }
    }
}
