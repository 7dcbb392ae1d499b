package vn.cadretraining.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: both paths are given, so Selenium Manager never
 * tries to download anything. One per test class; {@link #quit()} in an {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(360, 780);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final Path downloads;

    public Browser(URL base) {
        this.base = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        ChromeOptions options = new ChromeOptions();
        try {
            downloads = Files.createTempDirectory(Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                    .getParent() == null ? Path.of("target") : Path.of("target"), "downloads-").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--lang=vi", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // headless Chromium ignores the download preference: allow downloads into the folder through DevTools
        chrome.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        this.driver = chrome;
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** Opens a path of the application ("/login.xhtml"). */
    public Browser open(String path) {
        driver.get(base + path);
        waitForScripts();
        return this;
    }

    /**
     * A page's library scripts (PrimeFaces) are fetched after its first paint (app.js), maybe after the load event:
     * true once they have run and built the widgets, or when the page holds none back.
     */
    public static final String SCRIPTS_LOADED = "return !document.querySelector('script[data-after-paint]')"
            + " || document.documentElement.getAttribute('data-scripts') === 'loaded';";

    /** Waits until the page's library scripts are loaded and its widgets built (see SCRIPTS_LOADED). */
    public Browser waitForScripts() {
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(js(SCRIPTS_LOADED));
            } catch (WebDriverException e) {
                return false; // a page being replaced
            }
        });
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public boolean exists(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /** A Faces client id as a CSS selector: "login:username" → "#login\\:username". */
    public static String id(String clientId) {
        return "#" + clientId.replace(":", "\\:");
    }

    public Browser type(String cssSelector, String text) {
        // a field's AJAX handlers come with the page's library scripts, after its first paint
        waitForScripts();
        WebElement e = find(cssSelector);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String cssSelector) {
        waitForScripts();
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        // to the middle of the window: the sticky top bar would otherwise cover an element scrolled to the top
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // an overlay panel (an autocomplete's list) that scrolling moved under the sticky top bar: the click
            // goes to the element itself, as the user's would on the visible list
            js("arguments[0].click();", e);
        }
        return this;
    }

    /**
     * Chooses an item of an open overlay list (an autocomplete's suggestions) where it is, without scrolling:
     * scrolling closes the list.
     */
    public Browser pick(String cssSelector) {
        WebElement e = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
        js("arguments[0].click();", e);
        return this;
    }

    /** Clicks and waits for the page to be replaced. */
    public Browser clickAndWaitForPage(String cssSelector) {
        js("window.__samePage = true;");
        click(cssSelector);
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(js("return window.__samePage === undefined"
                        + " && document.readyState === 'complete' && (function () {" + SCRIPTS_LOADED + "})();"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false; // the old document is going away
            }
        });
        return this;
    }

    public Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Chooses an option of a PrimeFaces selectOneMenu by its label, as a person would. */
    public Browser choose(String clientId, String label) {
        String panel = id(clientId + "_panel");
        for (int attempt = 0; attempt < 3; attempt++) {
            click(id(clientId));
            find(panel);
            // the panel slides open: click once it stands still
            wait.until(d -> Boolean.TRUE.equals(js("var p = document.getElementById(arguments[0]);"
                    + " return p && getComputedStyle(p).opacity === '1' && !p.getAnimations().length;",
                    clientId + "_panel")));
            // and once its item is laid out (a panel still being filled has items of zero size), where it is:
            // scrolling the page to it closes the panel; a panel closed meanwhile is opened at the next attempt
            String item = panel + " li[data-label='" + label + "']";
            try {
                wait.until(d -> find(item).getSize().getHeight() > 0);
                pick(item);
            } catch (WebDriverException e) {
                waitForAjax();
                continue;
            }
            waitForAjax();
            // a menu whose choice loads another page (the dashboard's year) may be read as that page replaces it
            String chosen = wait.until(d -> {
                try {
                    return find(id(clientId + "_label")).getText();
                } catch (WebDriverException e) {
                    // stale, or the page's context destroyed while the next page replaces it
                    return null;
                }
            });
            if (label.equals(chosen)) {
                return this;
            }
        }
        throw new AssertionError("could not choose " + label + " in " + clientId);
    }

    public void waitForPageReady() {
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
        waitForScripts();
    }

    /** Waits until the element's text contains the given text. */
    public Browser waitForText(String cssSelector, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
        return this;
    }

    /** Waits until PrimeFaces has no AJAX request running. */
    public Browser waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return (function () {" + SCRIPTS_LOADED + "})() && (!window.PrimeFaces"
                        + " || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0)));")));
        return this;
    }

    public String text(String cssSelector) {
        // an element that an AJAX answer replaces while it is read is read again, as a person sees the new one
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> find(cssSelector).getText());
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Signs in through the sign-in page and waits for the page after it. */
    public Browser signIn(String username, String password) {
        open("/login.xhtml");
        type(id("login:username"), username);
        type(id("login:password"), password);
        return clickAndWaitForPage(id("login:signIn"));
    }

    public Browser signOut() {
        if (!exists(id("signOutForm:signOut"))) {
            return this;
        }
        return clickAndWaitForPage(id("signOutForm:signOut"));
    }

    /**
     * Clicks something that downloads a file and returns the file once it is complete (Chromium writes a
     * .crdownload first and renames it at the end).
     */
    public Path download(String cssSelector, String suffix) {
        try {
            try (var old = Files.list(downloads)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
            click(cssSelector);
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until) {
                try (var files = Files.list(downloads)) {
                    java.util.Optional<Path> done = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                    if (done.isPresent() && Files.size(done.get()) > 0) {
                        return done.get();
                    }
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + suffix + " file was downloaded");
    }

    /** Keeps a screenshot under target/screenshots for a person to look at. */
    public Browser screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** True when the document is wider than the window: something overflows sideways. */
    public boolean overflowsHorizontally() {
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        return Boolean.TRUE.equals(result);
    }

    /** A JUnit extension that keeps a screenshot and the page source of every failed test. */
    public static org.junit.jupiter.api.extension.TestWatcher keepFailures(java.util.function.Supplier<Browser> browser) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser b = browser.get();
                if (b == null) {
                    return;
                }
                String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                try {
                    b.screenshot(name);
                    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
                    Files.writeString(dir.resolve(name + ".html"), b.driver().getPageSource());
                } catch (RuntimeException | IOException e) {
                    // the browser may be gone; the test's own failure is what matters
                }
            }
        };
    }

    public void quit() {
        driver.quit();
    }

    @Override
    public void close() {
        quit();
    }
}
