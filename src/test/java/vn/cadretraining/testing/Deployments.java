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

    /** The WAR plus the test helpers that in-container tests call. */
    public static WebArchive warWithTestHelpers() {
        return war().addPackage(Deployments.class.getPackage());
    }
}
