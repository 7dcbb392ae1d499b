package vn.cadretraining.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A person with only a keyboard: keys go to whatever has the focus, as they would; nothing is clicked. Every
 * element reached by Tab on the way must show that it has the focus (an outline, a ring or a changed border).
 */
public final class Keyboard {

    private final Browser browser;

    public Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** Presses keys (and types text) into the element that has the focus. */
    public Keyboard press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
        return this;
    }

    /** Ctrl-A: selects the whole text of the focused field, so that what is typed next replaces it. */
    public Keyboard selectAll() {
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        return this;
    }

    /** Presses Tab (or Shift-Tab) until the focus is on an element matching the selector; fails after {@code max} presses. */
    public WebElement tabTo(String cssSelector, int max, boolean backwards) {
        for (int i = 0; i < max; i++) {
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
            WebElement focused = focused();
            if (!"BODY".equals(focused.getTagName().toUpperCase())) {
                assertFocusVisible(); // every stop on the way, not only the one sought
            }
            if (Boolean.TRUE.equals(browser.js("return arguments[0].matches(arguments[1]);", focused, cssSelector))) {
                return focused;
            }
        }
        throw new AssertionError("not reached by " + max + (backwards ? " Shift-Tab: " : " Tab: ") + cssSelector
                + " (the focus is on " + describe(focused()) + ")");
    }

    public WebElement tabTo(String cssSelector) {
        return tabTo(cssSelector, 150, false);
    }

    public WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    /**
     * The focused element, or what draws it (the label after a hidden radio, the box around a PrimeFaces menu's
     * hidden input), has an outline or a focus ring.
     */
    public void assertFocusVisible() {
        WebElement focused = focused();
        Object shown = browser.js("var e = arguments[0];"
                + "function ring(x) { if (!x) return false; var s = getComputedStyle(x);"
                + "  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"
                + "var candidates = [e, e.nextElementSibling, e.labels && e.labels[0], e.parentElement,"
                + "  e.parentElement && e.parentElement.parentElement,"
                + "  e.closest('.ui-selectonemenu, .ui-chkbox, .ui-radiobutton, .ui-autocomplete, .ui-inputfield')];"
                + "return candidates.some(ring);", focused);
        assertTrue(Boolean.TRUE.equals(shown), "the focus is visible on " + describe(focused));
        // and on the screen: not on a link of a menu drawer pushed off the side
        Object onScreen = browser.js("var r = arguments[0].getBoundingClientRect();"
                + "return r.right > 0 && r.bottom > 0 && r.left < window.innerWidth && r.top < window.innerHeight"
                + " && getComputedStyle(arguments[0]).visibility !== 'hidden';", focused);
        assertTrue(Boolean.TRUE.equals(onScreen), "the focused element is on the screen: " + describe(focused));
    }

    private String describe(WebElement e) {
        return String.valueOf(browser.js("var e = arguments[0]; return e.tagName + (e.id ? '#' + e.id : '')"
                + " + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                + " + ' \"' + (e.textContent || e.value || '').trim().substring(0, 40) + '\"';", e));
    }

    /** Signs in on the sign-in page with the keyboard alone: the username, Tab, the password, Enter. */
    public Keyboard signIn(String username, String password) {
        if (!Boolean.TRUE.equals(browser.js("return document.activeElement && document.activeElement.id === 'login:username';"))) {
            tabTo(Browser.id("login:username"));
        }
        press(username);
        tabTo(Browser.id("login:password"), 3, false);
        press(password);
        return pressAndWaitForPage(Keys.ENTER);
    }

    /** Presses keys that load another page (Enter on a link or a non-AJAX button) and waits for it. */
    public Keyboard pressAndWaitForPage(CharSequence... keys) {
        browser.js("window.__samePage = true;");
        press(keys);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d -> {
            try {
                return Boolean.TRUE.equals(browser.js("return window.__samePage === undefined"
                        + " && document.readyState === 'complete' && (function () {" + Browser.SCRIPTS_LOADED + "})();"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false; // the old document is going away
            }
        });
        return this;
    }
}
