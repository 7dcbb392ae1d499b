package vn.cadretraining.testing.launcher;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import vn.cadretraining.testing.TestDatabase;

/**
 * Before each top-level test class: waits until the server of the class before has exited, then, on PostgreSQL,
 * gives the class a fresh database: a copy of the run's seed (migrated, demo province loaded) for a class that
 * deploys with Arquillian, as Derby's in-memory database is copied from its seed; an empty schema for a class that
 * starts its servers itself (a first start on an empty database). Arquillian's Payara Micro container only sends
 * SIGTERM when it undeploys and does not wait, so the last server was still shutting down while the next booted:
 * both held a database pool, and the old one, its application already gone, kept answering 404 on its port.
 * Registered in META-INF/services; in a package of its own so that the deployments, which add the package
 * {@code testing}, do not carry a class the server cannot load.
 */
public class CleanSlatePerClass implements TestExecutionListener {

    private static final long EXIT_WAIT_SECONDS = 60;

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!test.isContainer()) {
            return;
        }
        TestSource source = test.getSource().orElse(null);
        if (!(source instanceof ClassSource cls) || cls.getClassName().contains("$")) {
            return;
        }
        awaitServersExited();
        if (TestDatabase.postgres()) {
            try {
                if (deploysWithArquillian(cls.getJavaClass())) {
                    TestDatabase.copySeed();
                } else {
                    // the servers these classes start themselves test a first start on an empty database
                    TestDatabase.emptySchema();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the PostgreSQL database before " + cls.getClassName(), e);
            }
        }
    }

    private static boolean deploysWithArquillian(Class<?> type) {
        return AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class).stream()
                .flatMap(e -> Arrays.stream(e.value()))
                .anyMatch(ArquillianExtension.class::equals);
    }

    /** The Payara Micro processes this JVM started and that still run: killed if they take over a minute. */
    private static void awaitServersExited() {
        List<ProcessHandle> servers = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
        for (ProcessHandle server : servers) {
            long start = System.nanoTime();
            try {
                server.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
                System.out.printf("The last test server (pid %d) exited %d ms after the next class began.%n",
                        server.pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (TimeoutException e) {
                System.err.println("A test server (pid " + server.pid() + ") still runs a minute after it was told"
                        + " to stop; killed.");
                server.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
