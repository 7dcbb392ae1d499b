package vn.cadretraining.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core 4 (the script Deque ships in its Selenium integration's jar) run inside the page through the test's
 * own driver: the driver's scripts are not held by the page's Content-Security-Policy, and no second Selenium
 * comes with it. Checks WCAG 2.0/2.1/2.2 A and AA plus axe's best practices, and reports what is critical or serious
 * (the rules whose violations are only moderate or minor are left out, which changes no finding and saves time).
 */
public final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** One critical or serious violation: the rule, its impact and the first elements it was found on. */
    public record Violation(String rule, String impact, List<String> targets) {
        @Override
        public String toString() {
            return rule + " (" + impact + ") " + targets;
        }
    }

    /** Runs axe on the page as it is now (injecting axe once per document) and returns its critical and serious findings. */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(Browser browser) {
        browser.js("if (!window.axe) { (0, eval)(arguments[0]); }", SCRIPT);
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        // a rule with an impact of its own reports every violation at that impact (axe's
                        // finalizeRuleResult): rules that can only be moderate or minor need not run
                        + "var quiet = {}; axe._audit.rules.forEach(function (r) {"
                        + "  if (r.impact && r.impact !== 'critical' && r.impact !== 'serious') {"
                        + "    quiet[r.id] = {enabled: false}; } });"
                        + "axe.run(document, {resultTypes: ['violations'], rules: quiet, runOnly: {type: 'tag',"
                        + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
                        + ".then(function (r) { var found = r.violations.filter(function (v) {"
                        + "   return v.impact === 'critical' || v.impact === 'serious'; });"
                        // axe takes a target under a sticky bar (the grid's save bar) as obscured wherever the
                        // page happens to be scrolled (axe-core #3720): such a target is checked again where a
                        // person would touch it, scrolled to the middle of the screen
                        + " var small = found.filter(function (v) { return v.id === 'target-size'; })[0];"
                        + " var again = Promise.resolve();"
                        + " if (small) { small.nodes.forEach(function (n) { again = again.then(function () {"
                        + "   var el = document.querySelector(n.target.join(' ')); if (!el) { return; }"
                        + "   el.scrollIntoView({block: 'center'});"
                        + "   return axe.run(el, {resultTypes: ['violations'], runOnly: {type: 'rule', values: ['target-size']}})"
                        + "     .then(function (a) { n.cleared = a.violations.length === 0; }); }); });"
                        + "   again = again.then(function () { window.scrollTo(0, 0);"
                        + "     small.nodes = small.nodes.filter(function (n) { return !n.cleared; });"
                        + "     if (small.nodes.length === 0) { found.splice(found.indexOf(small), 1); } }); }"
                        + " return again.then(function () { done(found.map(function (v) { return {rule: v.id, impact: v.impact,"
                        + "   targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })}; })); }); })"
                        + ".catch(function (e) { done([{rule: 'axe-error', impact: 'critical', targets: [String(e)]}]); });");
        List<Violation> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            found.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (List<String>) v.get("targets")));
        }
        return found;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
