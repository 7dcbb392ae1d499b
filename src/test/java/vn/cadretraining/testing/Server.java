package vn.cadretraining.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started the way setup/run starts it, as a separate process on an on-disk data folder. The
 * process is the JVM itself (no wrapper shell), so {@link #kill()} is a real {@code kill -9} of the server.
 * A process still running when the test JVM exits is killed by a shutdown hook: no server is left behind.
 */
public final class Server implements AutoCloseable {

    public final Process process;
    public final int port;
    public final long readyAfterMillis;
    private final Thread reaper;

    private Server(Process process, int port, long readyAfterMillis, Thread reaper) {
        this.process = process;
        this.port = port;
        this.readyAfterMillis = readyAfterMillis;
        this.reaper = reaper;
    }

    /** The built WAR on the data folder, its output in {@code server.log} there. */
    public static Server start(Path data) throws Exception {
        Path abs = data.toAbsolutePath();
        return start(abs, Path.of(System.getProperty("war.file", "target/cadre-training.war")), abs.resolve("server.log"));
    }

    /** A given WAR (the built one, or one with test helpers added) on the data folder, its output in {@code log}. */
    public static Server start(Path data, Path war, Path log) throws Exception {
        return start(data, war, log, List.of());
    }

    /** As {@link #start(Path, Path, Path)}, with more options for the server's JVM. */
    public static Server start(Path data, Path war, Path log, List<String> jvmOptions) throws Exception {
        return start(data, war, log, jvmOptions, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Path, List)}, with settings added to the server's environment. On Derby the
     * database is the data folder's; when the tests run on PostgreSQL, the run's database (its DB_* settings).
     */
    public static Server start(Path data, Path war, Path log, List<String> jvmOptions, Map<String, String> env)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path abs = data.toAbsolutePath();
        deleteTree(abs.resolve("payara")); // as setup/run does: a fresh runtime folder at every start
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8",
                "-Dderby.system.home=" + abs, "-Dderby.stream.error.file=" + abs.resolve("derby.log")));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port), "--contextroot", "/",
                "--rootdir", abs.resolve("payara").toString(),
                "--prebootcommandfile", "setup/payara-preboot.asadmin",
                "--deploy", war.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (!TestDatabase.postgres()) {
            builder.environment().put("DB_NAME", "cadre;create=true");
        }
        builder.environment().put("DEMO_FACTOR", "0.05");
        // the WAR as it is served, without the budgets' statement counter (Deployments) that the pool would look for
        builder.environment().remove("DB_SQL_TRACE_LISTENERS");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        Thread reaper = new Thread(process::destroyForcibly, "server-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + port + "/health/ready");
        try {
            // ~15 s quiet; the first start also loads the demo, and a machine shared by several builds is far slower
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped during start-up; see " + log);
                }
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return new Server(process, port, (System.nanoTime() - started) / 1_000_000, reaper);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the server did not become ready; see " + log);
        } catch (Exception | Error e) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            removeReaper(reaper);
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static void removeReaper(Thread reaper) {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: the hook runs anyway
        }
    }

    public URL url() throws IOException {
        return URI.create("http://localhost:" + port + "/").toURL();
    }

    /** The server dies at once, as with {@code kill -9}: no shutdown hook, no Derby shutdown, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die within 30 s of SIGKILL");
        }
        removeReaper(reaper);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            removeReaper(reaper);
            return;
        }
        process.destroy(); // SIGTERM
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop within a minute");
            }
        } finally {
            removeReaper(reaper);
        }
    }
}
