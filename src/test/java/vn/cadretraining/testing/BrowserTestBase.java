package vn.cadretraining.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every browser test class needs: the application deployed on its own Payara Micro, one headless Chromium
 * for the class (started at the first test, quit after the last), a clean session and a desktop window before
 * each test, and the page and a screenshot of any test that fails kept in {@code target/screenshots/}.
 */
public abstract class BrowserTestBase {

    /** Shared by the tests of one class; a new one for the next class (its server has another address). */
    protected static Browser browser;

    @ArquillianResource
    protected URL base;

    @RegisterExtension
    final TestWatcher failures = Browser.keepFailures(() -> browser);

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // with the test helpers: they only watch, or answer at addresses under /testing/ that the tests call
        return Deployments.warWithTestHelpers();
    }

    @BeforeEach
    final void freshBrowser() throws Exception {
        if (browser == null) {
            browser = new Browser(base);
            started(browser);
        }
        browser.driver().manage().deleteAllCookies();
        browser.size(Browser.DESKTOP);
    }

    /** Set-up a class needs once its browser has started (a download folder, say). */
    protected void started(Browser started) throws Exception {
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
