package vn.cadretraining.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.stats.SqlStats;
import vn.cadretraining.stats.SqlStatsFilter;
import vn.cadretraining.stats.SqlStatsListener;
import vn.cadretraining.stats.SqlStatsServlet;

/**
 * The WAR that `mvn package` built: tests deploy the real thing, not a hand-picked list of classes, with the
 * statement counter of the budgets added ({@code vn.cadretraining.stats}, named to the pool by the environment).
 */
public final class Deployments {

    private static final Logger LOG = Logger.getLogger(Deployments.class.getName());
    private static final Pattern CREATE_FROM = Pattern.compile("createFrom=([^;]+)");
    /** The day (in Vietnam) the seed was made: its demo dates are relative to it. */
    private static LocalDate seeded;

    private Deployments() {
    }

    public static WebArchive war() {
        seed();
        File war = new File(System.getProperty("war.file", "target/cadre-training.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClasses(SqlStats.class, SqlStatsFilter.class,
                SqlStatsServlet.class, SqlStatsListener.class);
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

    /**
     * The seed that every test server's in-memory database is copied from, when {@code DB_NAME} names one
     * ({@code memory:cadre;createFrom=…}, pom.xml): migrated and loaded with the demo province once per test run,
     * here, instead of at every boot. Each server still gets a database of its own; generated today, so the
     * demo's dates (a class running today, one over last week) hold as if generated at the boot.
     */
    public static synchronized void seed() {
        String name = System.getenv("DB_NAME");
        Matcher from = CREATE_FROM.matcher(name == null ? "" : name);
        // made again when a run crosses midnight in Vietnam: "a class running today" must be today's
        if (VietnamTime.today().equals(seeded) || !from.find()) {
            return;
        }
        Path folder = Path.of(from.group(1)).toAbsolutePath();
        LocalDate day = VietnamTime.today();
        long started = System.nanoTime();
        try {
            deleteTree(folder);
            Files.createDirectories(folder.getParent());
            if (System.getProperty("derby.stream.error.file") == null) {
                System.setProperty("derby.stream.error.file", folder.resolveSibling("seed-derby.log").toString());
            }
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(folder + ";create=true");
            Database.migrate(ds);
            try (Connection c = ds.getConnection()) {
                DemoProvince.Summary s = demoInto(c);
                LOG.info(() -> "Test seed " + folder + ": " + s.cadres() + " cadres in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            // shut down cleanly, so that copies continue its identity columns where they stopped
            try {
                DriverManager.getConnection("jdbc:derby:" + folder + ";shutdown=true").close();
            } catch (SQLException down) {
                if (!"08006".equals(down.getSQLState())) {
                    throw down;
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the test database seed could not be made in " + folder, e);
        }
        seeded = day;
    }

    /**
     * Loads the demo province into a migrated, empty database, as a test server's first start does (the same
     * DEMO_* settings, which the server inherits too); committed.
     */
    public static DemoProvince.Summary demoInto(Connection c) throws SQLException {
        c.setAutoCommit(false);
        return DemoProvince.generate(c,
                Double.parseDouble(env("DEMO_FACTOR", "1")), Long.parseLong(env("DEMO_SEED", "2026")), 0,
                Integer.parseInt(env("DEMO_YEARS", "6")), env("CERT_ISSUER_CODE", Certificate.DEFAULT_ISSUER));
    }

    /**
     * Copies this run's seed (when there is one) as the Derby database folder of a server started on a data folder
     * ({@link Server}), so that its first start finds the demo province loaded; false when there is no seed.
     */
    public static boolean copySeedTo(Path database) throws IOException {
        seed();
        Matcher from = CREATE_FROM.matcher(env("DB_NAME", ""));
        if (!from.find()) {
            return false;
        }
        Path seed = Path.of(from.group(1)).toAbsolutePath();
        try (Stream<Path> paths = Files.walk(seed)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.copy(p, database.resolve(seed.relativize(p).toString()));
            }
        }
        return true;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
