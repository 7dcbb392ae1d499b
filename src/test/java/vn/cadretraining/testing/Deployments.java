package vn.cadretraining.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `mvn package` built: tests deploy the real thing, not a hand-picked list of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("war.file", "target/cadre-training.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The WAR plus the test helpers that in-container tests call, and the readers they use (PDFBox). */
    public static WebArchive warWithTestHelpers() {
        WebArchive war = war().addPackage(Deployments.class.getPackage());
        for (String type : new String[] {"org.apache.pdfbox.Loader", "org.apache.pdfbox.io.RandomAccessRead",
                "org.apache.fontbox.ttf.TrueTypeFont", "org.apache.commons.logging.LogFactory"}) {
            war.addAsLibrary(jarOf(type));
        }
        return war;
    }

    /** The jar on the test class path that holds a class. */
    private static File jarOf(String type) {
        try {
            return new File(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException("not on the test class path: " + type, e);
        }
    }
}
