package vn.cadretraining.shared.backup.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cadretraining.shared.backup.service.BackupFolder.Backup;

/** The folder of backups (listing, naming, pruning), the settings, and setup/restore on a real Derby backup. */
class BackupFolderTest {

    @TempDir
    Path dir;

    @Test
    void listsWholeBackupsNewestFirstWithTheirSizeAndPrunesTheOldest() throws IOException {
        backup("20261201-023000", 1000);
        backup("20261203-023000", 300);
        backup("20261202-023000", 20);
        backup("20261203-023000-2", 5);
        Files.createDirectories(dir.resolve("20261204-023000.partial/cadre")); // still being written
        Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(dir.resolve("20261399-023000")); // digits that are no time
        Files.writeString(dir.resolve("20261205-023000"), "a file, not a backup");

        BackupFolder folder = new BackupFolder(dir);
        List<Backup> all = folder.list();
        assertEquals(List.of("20261203-023000-2", "20261203-023000", "20261202-023000", "20261201-023000"),
                all.stream().map(Backup::name).toList());
        assertEquals(LocalDateTime.of(2026, 12, 3, 2, 30), all.get(1).takenAt());
        assertEquals(300 + 100, all.get(1).bytes(), "every file of the backup counts");

        List<Backup> pruned = folder.prune(2);
        assertEquals(List.of("20261202-023000", "20261201-023000"), pruned.stream().map(Backup::name).toList());
        assertFalse(Files.exists(dir.resolve("20261201-023000")));
        assertEquals(2, folder.list().size());
        assertTrue(Files.exists(dir.resolve("20261204-023000.partial")), "what is not a whole backup is left alone");
        assertTrue(Files.exists(dir.resolve("notes")));

        assertEquals(List.of("20261204-023000.partial"), folder.removeLeftovers(), "what a stop cut short");
        assertTrue(Files.exists(dir.resolve("notes")));
        assertEquals(2, folder.list().size());

        assertEquals(1, folder.prune(0).size(), "at least the newest is always kept");
        assertEquals(1, folder.list().size());
    }

    @Test
    void aSecondBackupInTheSameSecondGetsItsOwnName() throws IOException {
        BackupFolder folder = new BackupFolder(dir);
        LocalDateTime at = LocalDateTime.of(2026, 12, 6, 9, 5, 7);
        assertEquals("20261206-090507", folder.newName(at));
        Files.createDirectories(folder.partial("20261206-090507"));
        assertEquals("20261206-090507-2", folder.newName(at), "not over one being written");
        folder.complete("20261206-090507");
        assertEquals("20261206-090507-2", folder.newName(at));
        assertEquals(List.of("20261206-090507"), folder.list().stream().map(Backup::name).toList());
        assertEquals(new BackupFolder(Path.of("")).list(), List.of(), "a folder not made yet lists nothing");
    }

    @Test
    void theSettingsAreReadLeniently() {
        assertEquals(Optional.of(LocalTime.of(2, 30)), BackupService.parseDailyAt("02:30"));
        assertEquals(Optional.of(LocalTime.of(2, 30)), BackupService.parseDailyAt(" 2:30 "));
        assertEquals(Optional.empty(), BackupService.parseDailyAt(""));
        assertEquals(Optional.empty(), BackupService.parseDailyAt("25:00"), "no time: no daily backup, no failure");
        assertEquals(Optional.empty(), BackupService.parseDailyAt("2h30"));
        assertEquals(14, BackupService.parseKeep(""));
        assertEquals(3, BackupService.parseKeep(" 3 "));
        assertEquals(1, BackupService.parseKeep("0"), "the newest is always kept");
        assertEquals(14, BackupService.parseKeep("many"));
    }

    @Test
    void setupRestoreKeepsTheCurrentDatabaseAsideAndPutsTheBackupInItsPlace() throws Exception {
        Path backup = derbyBackup(dir.resolve("backups/20261206-023000"), "sau khi sao lưu");
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("cadre"));
        Files.writeString(data.resolve("cadre/service.properties"), "the database in use");

        Result noBackup = restore(List.of(dir.resolve("backups").toString(), data.toString()), freePort());
        assertEquals(1, noBackup.code, noBackup.out);
        assertTrue(noBackup.out.contains("is not a backup"), noBackup.out);

        Files.writeString(data.resolve("cadre/db.lck"), "");
        Result locked = restore(List.of(backup.toString(), data.toString()), freePort());
        assertEquals(1, locked.code, locked.out);
        assertTrue(locked.out.contains("db.lck exists"), locked.out);
        assertEquals("the database in use", Files.readString(data.resolve("cadre/service.properties")), "nothing moved");
        Files.delete(data.resolve("cadre/db.lck"));

        try (ServerSocket server = new ServerSocket(0)) {
            Result running = restore(List.of(backup.toString(), data.toString()), server.getLocalPort());
            assertEquals(1, running.code, running.out);
            assertTrue(running.out.contains("is in use"), running.out);
        }

        Result done = restore(List.of(backup.toString(), data.toString()), freePort());
        assertEquals(0, done.code, done.out);
        assertTrue(done.out.contains("APP_DATA_DIR=" + data.toRealPath() + " setup/run"), done.out);
        Path aside;
        try (Stream<Path> children = Files.list(data)) {
            aside = children.filter(p -> p.getFileName().toString().startsWith("cadre.before-restore-")).findFirst().orElseThrow();
        }
        assertEquals("the database in use", Files.readString(aside.resolve("service.properties")), "kept, not deleted");
        assertEquals(List.of("sau khi sao lưu"), rows(data.resolve("cadre")), "the backup's rows, in the data folder");
        assertFalse(Files.exists(backup.resolve("cadre/db.lck")), "the backup itself was copied, never opened");
    }

    private void backup(String name, int bytes) throws IOException {
        Path db = Files.createDirectories(dir.resolve(name).resolve("cadre/seg0"));
        Files.write(db.resolve("c10.dat"), new byte[bytes]);
        Files.write(db.getParent().resolve("service.properties"), new byte[100]);
    }

    /** A real backup of a small database, as the server's procedure writes it. */
    private static Path derbyBackup(Path into, String value) throws SQLException {
        String url = "jdbc:derby:memory:restore-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url + ";create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v VARCHAR(50))");
            s.execute("INSERT INTO kept VALUES ('" + value + "')");
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, into.toString());
                call.execute();
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";drop=true").close();
            } catch (SQLException dropped) {
                // Derby reports a dropped database with an exception
            }
        }
        return into;
    }

    private static List<String> rows(Path db) throws SQLException {
        String url = "jdbc:derby:" + db.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException shutDown) {
                // 08006: shut down
            }
        }
    }

    private record Result(int code, String out) {
    }

    private static Result restore(List<String> args, int port) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("setup/restore"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
