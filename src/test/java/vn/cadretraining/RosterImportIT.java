package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.entity.NotificationKind;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.service.ImportJob;
import vn.cadretraining.people.service.ImportResult;
import vn.cadretraining.people.service.RosterExportService;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.people.service.RosterImportService;
import vn.cadretraining.people.service.RosterRow;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.ImportProblem;
import vn.cadretraining.people.service.transfer.ImportRow;
import vn.cadretraining.people.service.transfer.RosterColumn;
import vn.cadretraining.people.service.transfer.RowAction;
import vn.cadretraining.shared.backup.service.BackupService;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.ImportFailureInjector;
import vn.cadretraining.testing.InContainer;
import vn.cadretraining.testing.TestDatabase;
import vn.cadretraining.testing.Workbooks;

/**
 * Roster import and export inside a real Payara Micro, signed in as the demo accounts: an import is all or
 * nothing (a failure injected half-way leaves the database as it was), importing the same file twice changes
 * nothing the second time, a coordinator cannot reach outside their ward either way, and exports keep to
 * the caller's scope. Also measures how fast 10,000 rows import, and that an online backup taken while imports
 * run holds every confirmed row and never half an import.
 */
@ExtendWith(ArquillianExtension.class)
class RosterImportIT {

    static final String HEADER = RosterColumn.IMPORTED.stream().map(RosterColumn::header).collect(Collectors.joining(","));

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    RosterImportService imports;

    @Inject
    RosterExportService exports;

    @Inject
    CadreService cadres;

    @Inject
    BackupService backups;

    @Inject
    InboxService inbox;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @PersistenceContext
    EntityManager em;

    @Test
    void aFailureHalfWayLeavesTheDatabaseAsItWas() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        List<String> units = hamletCodes("Phường Hạ Long");
        String prefix = "AT" + unique();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(String.join(",", prefix + i, "Nguyễn Văn Nguyên Tử " + i, "Nam", "12/03/1980", "Tày", "",
                    "", "", "", "", "", units.get(i % units.size()), "PARTY_CELL_SECRETARY", "01/07/2025", "2025–2030", "Có"));
        }
        long[] before = counts();

        ImportJob job = await(imports.upload("danh-sach-" + ImportFailureInjector.MARKER + ".csv", csv(rows)));
        assertEquals(1200, job.getValidCount(), () -> problems(job));
        imports.apply(job, false);
        await(job);

        assertEquals("import.error.failed", job.getMessageKey(), "the page says it failed and changed nothing");
        assertEquals(ImportJob.Phase.READY, job.getPhase(), "back to the preview, to try again");
        assertNull(job.getResult());
        assertTrue(ImportFailureInjector.failedAfter() >= 500 && ImportFailureInjector.failedAfter() < 1200,
                "the failure came after a batch had been written: " + ImportFailureInjector.failedAfter());
        assertEquals(Arrays.toString(before), Arrays.toString(counts()), "cadres, positions, search words as before");
        assertEquals(0L, count("SELECT COUNT(*) FROM cadre WHERE code LIKE '" + prefix + "%'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ROSTER_IMPORTED' AND subject_label LIKE '%"
                + ImportFailureInjector.MARKER + "%'"), "no audit entry for an import that wrote nothing");
    }

    /**
     * An online backup taken while cadres are imported and notifications written, restored with setup/restore
     * into a new data folder and opened there: every row whose commit was confirmed before the backup began is
     * in it, an import in flight is there whole or not at all, and Derby finds every table and index sound.
     */
    @Test
    void aBackupTakenUnderWriteLoadHoldsEveryConfirmedRowAndNoHalfWrittenImport() throws Exception {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        if (TestDatabase.postgres()) {
            // PostgreSQL's backups are the database server's (pg_dump, pg_basebackup): none is taken here
            assertFalse(backups.status().available(), "no online backup from the application on PostgreSQL");
            assertEquals("backups.error.notDerby", assertThrows(BusinessException.class, () -> backups.takeNow())
                    .getMessageKey());
            assertEquals(List.of(), backups.list());
            InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
            assertThrows(EJBAccessException.class, () -> backups.takeNow(), "only administrators back up");
            return;
        }
        long adminId = count("SELECT id FROM account WHERE username = 'admin'");
        List<String> units = hamletCodes("Phường Hạ Long");
        String run = unique();
        String marker = "BK" + run + "-";

        // an import confirmed before the backup: it must be in it whole
        String before = "BB" + run;
        ImportJob done = await(imports.upload("truoc-sao-luu.csv", csv(importRows(before, 600, units))));
        imports.apply(done, false);
        assertEquals(600, await(done).getResult().inserted());

        // notifications, one transaction each, written by three threads until the backup is over
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong seq = new AtomicLong();
        Map<Long, Long> confirmedAt = new ConcurrentHashMap<>();
        AtomicLong refusedWrites = new AtomicLong();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            writers.add(executor.submit(() -> {
                while (!stop.get()) {
                    long n = seq.incrementAndGet();
                    try {
                        inbox.send(Notification.toAccount(adminId, NotificationKind.OTHER, null, "backups.done", marker + n));
                    } catch (jakarta.ejb.EJBException refused) {
                        // a write refused (Derby's lock timeout among the writers and the import) was never confirmed:
                        // it is owed to nobody; only the confirmed ones must be in the backup
                        refusedWrites.incrementAndGet();
                        continue;
                    }
                    confirmedAt.put(n, System.nanoTime());
                }
                return null;
            }));
        }

        // an import in flight: the backup begins once its first batch is written, inside its transaction
        String during = "BD" + run;
        ImportJob flying = await(imports.upload("trong-luc-sao-luu.csv", csv(importRows(during, 3000, units))));
        imports.apply(flying, false);
        long deadline = System.currentTimeMillis() + 120_000;
        while (flying.isWorking() && flying.getDone() < 500 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(flying.isWorking(), "the import is still writing when the backup begins");
        long began = System.nanoTime();
        Instant started = backups.takeNow();
        assertEquals("backups.error.running", assertThrows(BusinessException.class, () -> backups.takeNow())
                .getMessageKey(), "a second backup at the same time is refused");
        BackupService.Status status = backups.status();
        while (status.running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            status = backups.status();
        }
        long ended = System.nanoTime();
        stop.set(true);
        for (Future<?> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        await(flying);
        assertEquals(3000, flying.getResult().inserted(), "the import in flight went through");
        assertFalse(status.running(), "the backup finished");
        assertNull(status.lastError(), "the backup succeeded");
        assertTrue(status.lastFinished().isAfter(started));
        long duringBackup = confirmedAt.values().stream().filter(t -> t > began && t < ended).count();
        assertTrue(duringBackup > 0, "rows were committed while the backup ran");
        System.out.println("BACKUP UNDER LOAD: " + confirmedAt.size() + " writes confirmed, " + refusedWrites.get()
                + " refused by a lock timeout (never confirmed)");
        Set<Long> mustBeThere = confirmedAt.entrySet().stream().filter(e -> e.getValue() < began)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertFalse(mustBeThere.isEmpty());
        assertTrue(backups.list().stream().anyMatch(b -> b.name().equals(backups.status().lastName())), "listed");

        // restore it as an administrator would, into a new data folder, and open it there
        Path backupFolder = backups.status().folder().resolve(backups.status().lastName());
        Path data = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "restored-");
        Process restore = new ProcessBuilder("setup/restore", backupFolder.toString(), data.toString())
                .redirectErrorStream(true).start();
        String said = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), said);
        assertTrue(said.contains("APP_DATA_DIR=" + data.toRealPath() + " setup/run"), said);

        EmbeddedDataSource restored = new EmbeddedDataSource();
        restored.setDatabaseName(data.resolve("cadre").toString());
        try (Connection c = restored.getConnection(); Statement s = c.createStatement()) {
            Set<Long> found = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT message_args FROM notification WHERE message_args LIKE '"
                    + marker + "%'")) {
                while (rs.next()) {
                    found.add(Long.parseLong(rs.getString(1).substring(marker.length())));
                }
            }
            Set<Long> missing = new HashSet<>(mustBeThere);
            missing.removeAll(found);
            assertEquals(Set.of(), missing, "every notification confirmed before the backup began is in it");
            assertEquals(600, count(s, "SELECT COUNT(*) FROM cadre WHERE code LIKE '" + before + "%'"));
            assertEquals(600, count(s, "SELECT COUNT(*) FROM position p JOIN cadre c ON c.id = p.cadre_id"
                    + " WHERE c.code LIKE '" + before + "%'"));
            long cadresInFlight = count(s, "SELECT COUNT(*) FROM cadre WHERE code LIKE '" + during + "%'");
            long positionsInFlight = count(s, "SELECT COUNT(*) FROM position p JOIN cadre c ON c.id = p.cadre_id"
                    + " WHERE c.code LIKE '" + during + "%'");
            assertTrue(cadresInFlight == 0 || cadresInFlight == 3000, "all or nothing: " + cadresInFlight);
            assertEquals(cadresInFlight, positionsInFlight, "each cadre with their position");
            try (ResultSet rs = s.executeQuery("SELECT t.tablename, SYSCS_UTIL.SYSCS_CHECK_TABLE(sc.schemaname, t.tablename)"
                    + " FROM sys.systables t JOIN sys.sysschemas sc ON sc.schemaid = t.schemaid WHERE t.tabletype = 'T'")) {
                int tables = 0;
                while (rs.next()) {
                    assertEquals(1, rs.getInt(2), rs.getString(1) + ": its indexes agree with its rows");
                    tables++;
                }
                assertTrue(tables > 20);
            }
            System.out.printf("BACKUP UNDER LOAD: %d notifications confirmed before it began, all there;"
                    + " %d committed while it ran; the import in flight %s%n", mustBeThere.size(), duringBackup,
                    cadresInFlight == 0 ? "not in it (committed after it began)" : "in it whole");
        } finally {
            restored.setShutdownDatabase("shutdown");
            try {
                restored.getConnection().close();
            } catch (SQLException shutDown) {
                // Derby says a database shut down with an exception (08006)
            }
        }

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertThrows(EJBAccessException.class, () -> backups.takeNow(), "only administrators back up");
        assertThrows(EJBAccessException.class, () -> backups.list());
    }

    static List<String> importRows(String prefix, int n, List<String> units) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(String.join(",", prefix + i, "Đặng Văn Sao Lưu " + i, "Nam", "12/03/1980", "Kinh", "",
                    "", "", "", "", "", units.get(i % units.size()), "PARTY_CELL_SECRETARY", "01/07/2025", "2025–2030", "Có"));
        }
        return rows;
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        List<String> units = hamletCodes("Phường Hạ Long");
        Cadre known = someCadreIn("Phường Hạ Long");
        String prefix = "ID" + unique();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(String.join(",", prefix + i, "Lò Thị Lặp Lại " + i, "Nữ", "05/06/1990", "Dao", "0912" + String.format("%06d", i),
                    "Trung học cơ sở", "Sơ cấp", "Có", "01/01/2015", "", units.get(i % units.size()),
                    "\"WOMEN_UNION; Phó bí thư chi bộ\"", "01/07/2025", "2025–2030", "Có"));
        }
        // someone already on the roster: a new phone and a new title
        rows.add(String.join(",", known.getCode(), known.getFullName(), known.getGender() == Gender.MALE ? "Nam" : "Nữ",
                date(known.getBirthDate()), "", "0987000111", "", "", "", "", "", known.getUnit().getCode(),
                "SECURITY", "01/08/2025", "", "Không"));
        byte[] file = csv(rows);
        long heldAlready = count("SELECT COUNT(*) FROM position p JOIN position_title t ON t.id = p.title_id"
                + " WHERE p.cadre_id = " + known.getId() + " AND p.unit_id = " + known.getUnit().getId()
                + " AND p.end_date IS NULL AND t.code = 'SECURITY'");

        ImportJob first = await(imports.upload("lap-lai.csv", file));
        assertEquals(0, first.getProblemCount(), () -> problems(first));
        assertEquals(40, first.getInsertCount());
        assertEquals(1, first.getUpdateCount());
        imports.apply(first, false);
        ImportResult written = await(first).getResult();
        assertEquals(40, written.inserted());
        assertEquals(1, written.updated());
        assertEquals(81 - heldAlready, written.positionsStarted(), "two titles each for the new, one for the known cadre");
        assertEquals("0987000111", cadres.findByCode(known.getCode()).orElseThrow().getPhone());
        assertEquals(1, cadres.count(RosterFilter.text("0987000111")), "search words follow the new phone");
        List<Object[]> versions = versions(prefix, known.getCode());
        long[] counts = counts();

        ImportJob second = await(imports.upload("lap-lai.csv", file));
        assertEquals(41, second.getUnchangedCount(), "the preview already says nothing will change");
        imports.apply(second, false);
        ImportResult again = await(second).getResult();
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(41, again.unchanged());
        assertEquals(0, again.positionsStarted());
        assertEquals(Arrays.toString(counts), Arrays.toString(counts()), "no new cadre, position or search word");
        assertEquals(toString(versions), toString(versions(prefix, known.getCode())), "not even a version number moved");
        assertEquals(2L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ROSTER_IMPORTED'"
                + " AND subject_label = 'lap-lai.csv' AND actor_username = 'xa.halong'"), "one audit entry an import");
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ROSTER_IMPORTED'"
                + " AND subject_label = 'lap-lai.csv' AND note LIKE '40 hồ sơ mới, 1 hồ sơ cập nhật%'"));
    }

    @Test
    void gendersAndPhonesAsRealFilesWriteThemAreStoredInOneFormAndThePreviewSaysSo() {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        String unit = hamletCodes("Phường Hạ Long").get(0);
        String prefix = "NF" + unique();
        // gender, phone as typed → gender and phone stored
        String[][] cases = {
            {"M", "+84 912 345 601", "MALE", "0912345601"},
            {"f", "84 912 345 602", "FEMALE", "0912345602"},
            {"nu", "(+84) 0912.345.603", "FEMALE", "0912345603"},
            {"NAM", "0912.345.604", "MALE", "0912345604"},
            {"Nữ", "0203 3825 605", "FEMALE", "02033825605"},
            {"Nam", "0912345606", "MALE", "0912345606"},
        };
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(String.join(",", prefix + i, "Đinh Thị Chuẩn " + i, cases[i][0], "05/06/1990", "", cases[i][1],
                    "", "", "", "", "", unit, "", "", "", ""));
        }
        rows.add(String.join(",", prefix + "X", "Đinh Văn Sai", "Khác", "05/06/1990", "", "+84 12 345", "", "", "", "",
                "", unit, "", "", "", ""));
        ImportJob job = await(imports.upload("chuan-hoa.csv", csv(rows)));
        List<ImportRow> preview = job.getRows();
        assertEquals(cases.length, job.getValidCount(), () -> problems(job));
        assertEquals(List.of("import.normalised.MALE", "import.normalised.phone"), noteKeys(preview.get(0)));
        assertEquals(List.of("M"), List.of(preview.get(0).notes().get(0).args()));
        assertEquals(List.of("+84 912 345 601", "0912345601"), List.of(preview.get(0).notes().get(1).args()));
        assertEquals(List.of("import.normalised.FEMALE", "import.normalised.phone"), noteKeys(preview.get(2)));
        assertEquals(List.of("import.normalised.phone"), noteKeys(preview.get(4)), "Nữ as the label writes it");
        assertEquals(List.of(), noteKeys(preview.get(5)), "nothing to say of values written as stored");
        ImportRow wrong = preview.get(cases.length);
        assertEquals(List.of("import.problem.gender", "import.problem.phone"), keys(wrong), "wrong values still refused");

        imports.apply(job, true);
        assertEquals(cases.length, await(job).getResult().inserted());
        for (int i = 0; i < cases.length; i++) {
            Cadre stored = cadres.findByCode(prefix + i).orElseThrow();
            assertEquals(Gender.valueOf(cases[i][2]), stored.getGender(), cases[i][0]);
            assertEquals(cases[i][3], stored.getPhone(), cases[i][1]);
        }
        assertEquals(1, cadres.count(RosterFilter.text("0912345601")), "found by the number as stored");
    }

    static List<String> noteKeys(ImportRow row) {
        return row.notes().stream().map(ImportProblem::key).toList();
    }

    @Test
    void aCoordinatorCannotImportIntoUnitsOrOverCadresOutsideTheirScope() {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        Cadre outsider = cadreOutside();
        long outsiderVersion = outsider.getVersion();
        String baiChayHamlet = hamletCodes("Phường Bãi Cháy").get(0);
        String mine = hamletCodes("Phường Hạ Long").get(0);
        String code = "SC" + unique();
        byte[] file = csv(List.of(
                String.join(",", code + "A", "Vi Văn Trong", "Nam", "", "", "", "", "", "", "", "", mine, "", "", "", ""),
                String.join(",", code + "B", "Vi Văn Ngoài", "Nam", "", "", "", "", "", "", "", "", baiChayHamlet, "", "", "", ""),
                String.join(",", outsider.getCode(), outsider.getFullName(), outsider.getGender() == Gender.MALE ? "Nam" : "Nữ",
                        date(outsider.getBirthDate()), "", "", "", "", "", "", "", mine, "", "", "", "")));

        ImportJob job = await(imports.upload("pham-vi.csv", file));
        assertEquals(1, job.getValidCount());
        List<ImportRow> rows = job.getRows();
        assertEquals(List.of("import.problem.unitOutOfScope"), keys(rows.get(1)), "a unit of another ward");
        assertEquals(List.of("import.problem.codeOutOfScope"), keys(rows.get(2)), "a cadre of another ward");
        String said = Arrays.toString(rows.get(2).problems().get(0).args());
        assertFalse(said.contains(outsider.getFullName()), "says nothing about who it is: " + said);

        assertEquals("import.error.hasProblems", assertThrows(BusinessException.class,
                () -> imports.apply(job, false)).getMessageKey(), "only with an explicit choice to skip them");
        imports.apply(job, true);
        ImportResult result = await(job).getResult();
        assertEquals(1, result.inserted());
        assertEquals(2, result.skipped());
        em.clear();
        Cadre after = em.find(Cadre.class, outsider.getId());
        assertEquals(outsiderVersion, after.getVersion(), "the other ward's cadre was not touched");
        assertEquals(outsider.getUnit().getId(), after.getUnit().getId());
        assertEquals(0L, count("SELECT COUNT(*) FROM cadre WHERE code = '" + code + "B'"));

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertThrows(EJBAccessException.class, () -> imports.upload("x.csv", file), "province reviewers do not import");
    }

    @Test
    void aRowThatStopsBeingValidBeforeTheImportStopsItAndIsShownAgain() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Cadre known = someCadreIn("Phường Hà Tu");
        byte[] file = csv(List.of(String.join(",", known.getCode(), known.getFullName(),
                known.getGender() == Gender.MALE ? "Nam" : "Nữ", date(known.getBirthDate()), "", "0911222333", "", "", "",
                "", "", known.getUnit().getCode(), "", "", "", "")));
        ImportJob job = await(imports.upload("doi.csv", file));
        assertEquals(1, job.getValidCount(), () -> problems(job));
        // meanwhile someone corrects the person's date of birth: the row now names someone else
        cadres.update(known.getId(), known.getVersion(), new CadreService.Details(known.getFullName(), known.getGender(),
                known.getBirthDate().minusYears(1), null, known.getPhone(), null, null, known.isPartyMember(),
                known.getPartyJoined(), null, known.getUnit().getId()));
        imports.apply(job, false);
        await(job);
        assertTrue(job.isChangedSincePreview());
        assertEquals(ImportJob.Phase.READY, job.getPhase());
        assertEquals(List.of("import.problem.codeTaken"), keys(job.getRows().get(0)));
        assertFalse("0911222333".equals(cadres.findByCode(known.getCode()).orElseThrow().getPhone()), "nothing written");
    }

    @Test
    void exportsKeepToTheCallersScopeNeutraliseFormulasAndMaskIdsForReviewers() throws IOException {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Cadre formula = cadres.create("FX" + unique(), new CadreService.Details("=HYPERLINK(\"http://x\";\"Lạ\")", Gender.FEMALE,
                LocalDate.of(1985, 1, 2), "TAY", null, null, null, false, null, "022185123456",
                em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.code = :c", Long.class)
                        .setParameter("c", hamletCodes("Phường Hạ Long").get(1)).getSingleResult()));

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(RosterFilter.ALL, FileFormat.CSV, out);
        List<CSVRecord> records = parseCsv(out.toByteArray());
        List<String> headers = records.get(0).toList();
        assertEquals(RosterColumn.EXPORTED.stream().map(RosterColumn::header).toList(), headers);
        int unit = headers.indexOf("Mã đơn vị");
        assertEquals(cadres.count(RosterFilter.ALL), records.size() - 1, "every cadre of the ward, once");
        assertTrue(records.stream().skip(1).allMatch(r -> r.get(unit).startsWith("20001")), "and only the ward's");
        CSVRecord lạ = records.stream().filter(r -> r.get(0).equals(formula.getCode())).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x\";\"Lạ\")", lạ.get(1), "never a formula");
        assertEquals("Tày", lạ.get(headers.indexOf("Dân tộc")));
        assertEquals("022185123456", lạ.get(headers.indexOf("Số căn cước")));

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        // the whole province with nothing in the shared cache: statements by the batch, not by the row or unit
        em.getEntityManagerFactory().getCache().evictAll();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int calls = statements(() -> {
            try {
                exports.export(RosterFilter.ALL, FileFormat.CSV, whole);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int rows = parseCsv(whole.toByteArray()).size() - 1;
        assertTrue(rows > 500, "the province's roster: " + rows);
        // about ten a batch of 1,000 (the cursor's page, units, positions and their units in IN queries): a
        // statement per row or per unit would be thousands, or a hundred more at this size
        assertTrue(calls <= 12 * (rows / 1000 + 1) + 10, calls + " statements for " + rows + " rows");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exports.export(RosterFilter.text(formula.getCode()), FileFormat.XLSX, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum(), "the filter applies");
            Row row = sheet.getRow(1);
            assertEquals("'=HYPERLINK(\"http://x\";\"Lạ\")", row.getCell(1).getStringCellValue());
            assertEquals("•••••••••456", row.getCell(RosterColumn.NATIONAL_ID.ordinal()).getStringCellValue(),
                    "a reviewer's export masks ID numbers as the page does");
            // a spreadsheet, not a text dump: the birth date a date cell, what the cadre lacks an empty cell,
            // the header frozen and printed on each A4 landscape page, one page wide
            Workbooks.assertDate(row.getCell(RosterColumn.EXPORTED.indexOf(RosterColumn.BIRTH_DATE)), "the birth date");
            Workbooks.assertEmpty(row, RosterColumn.EXPORTED.indexOf(RosterColumn.EDUCATION), "no education given");
            Workbooks.assertEmpty(row, RosterColumn.EXPORTED.indexOf(RosterColumn.PARTY_JOINED), "not a Party member");
            Workbooks.assertFramedAndPrinted(sheet, 0, 0);
            assertEquals("Danh sách cán bộ", sheet.getSheetName());
        }
    }

    @Test
    void theTemplateListsTheUnitsOfTheCoordinatorsScope() throws IOException {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.template(FileFormat.XLSX, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row header = wb.getSheetAt(0).getRow(0);
            assertEquals("Mã cán bộ", header.getCell(0).getStringCellValue());
            assertEquals(RosterColumn.IMPORTED.size(), header.getLastCellNum());
            Sheet units = wb.getSheet("Đơn vị");
            assertTrue(units.getLastRowNum() > 5);
            for (int r = 1; r <= units.getLastRowNum(); r++) {
                assertTrue(units.getRow(r).getCell(0).getStringCellValue().startsWith("20001"), "only the ward's units");
            }
        }
    }

    @Test
    void tenThousandRowsImportInSeconds() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        List<String> units = new ArrayList<>();
        for (String ward : List.of("Phường Hạ Long", "Phường Bãi Cháy", "Phường Hà Tu")) {
            units.addAll(hamletCodes(ward));
        }
        String prefix = "BM" + unique();
        List<String> rows = new ArrayList<>();
        String[] titles = {"PARTY_CELL_SECRETARY", "\"HAMLET_HEAD; FRONT_HEAD\"", "Bí thư chi đoàn thanh niên", ""};
        for (int i = 0; i < 10_000; i++) {
            String title = titles[i % titles.length];
            rows.add(String.join(",", prefix + i, "Đặng Thị Tốc Độ " + i, i % 2 == 0 ? "Nữ" : "Nam", "0" + (1 + i % 28)
                    + "/0" + (1 + i % 9) + "/19" + (60 + i % 40), i % 3 == 0 ? "Sán Dìu" : "Kinh",
                    "09" + String.format("%08d", i), "Trung học phổ thông", "Sơ cấp", "Có", "01/01/2015",
                    "0220" + String.format("%08d", i), units.get(i % units.size()), title, title.isEmpty() ? "" : "01/07/2025",
                    "2025–2030", "Có"));
        }
        byte[] file = csv(rows);
        long before = cadres.count(RosterFilter.ALL);
        long started = System.nanoTime();
        ImportJob job = await(imports.upload("toc-do-10000.csv", file));
        long checked = System.nanoTime();
        assertEquals(10_000, job.getValidCount(), () -> problems(job));
        imports.apply(job, false);
        ImportResult result = await(job).getResult();
        long applied = System.nanoTime();
        assertEquals(10_000, result.inserted());
        long applyMillis = (applied - checked) / 1_000_000;
        long rowsPerSecond = 10_000L * 1000 / Math.max(1, applyMillis);
        System.out.printf("IMPORT BENCHMARK: 10,000 rows (%d KB): read and checked in %d ms; applied in %d ms"
                + " (%d in the transaction) = %d rows/s; %d positions started%n", file.length / 1024,
                (checked - started) / 1_000_000, applyMillis, result.millis(), rowsPerSecond, result.positionsStarted());
        // the rate is only printed: speed is measured by setup/bench on the application's on-disk database

        // a search that finds them all shows the first thousand found, by name, and says there are more
        RosterFilter all = new RosterFilter("toc do", null, null, null, null, null);
        assertEquals(CadreService.SEARCH_CAP + 1, cadres.count(all), "more than the cap");
        List<RosterRow> page = cadres.search(all, PageRequest.of(0, 25));
        assertEquals(25, page.size());
        assertTrue(page.stream().allMatch(r -> r.getCadre().getFullName().startsWith("Đặng Thị Tốc Độ ")));
        List<RosterRow> last = cadres.search(all, PageRequest.of(CadreService.SEARCH_CAP - 10, 25));
        assertEquals(10, last.size(), "the last page of the thousand shown");
        // one more word narrows it to an exact count
        RosterFilter narrow = new RosterFilter("toc do 123", null, null, null, null, null);
        assertEquals(11, cadres.count(narrow), "123 and 1230-1239");
        assertEquals(11, cadres.search(narrow, PageRequest.of(0, 25)).size());

        // the whole roster's size, now over RosterCounts.KEEP_FROM: the import's cadres counted, then kept
        // between pages (no statement), and forgotten when a coordinator adds a cadre
        assertEquals(before + 10_000, cadres.count(RosterFilter.ALL), "the import's cadres are counted");
        assertEquals(0, statements(() -> assertEquals(before + 10_000, cadres.count(RosterFilter.ALL))),
                "a large roster's size is kept between pages");
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        long ward = cadres.count(RosterFilter.ALL);
        AdminUnit hamlet = em.createQuery("SELECT u FROM AdminUnit u WHERE u.code = :c", AdminUnit.class)
                .setParameter("c", hamletCodes("Phường Hạ Long").get(0)).getSingleResult();
        cadres.create("IT-DEM-" + unique(), new CadreService.Details("Lý Thị Đếm", Gender.FEMALE,
                LocalDate.of(1980, 3, 8), "KINH", null, null, null, false, null, null, hamlet.getId()));
        assertEquals(ward + 1, cadres.count(RosterFilter.ALL), "the ward's roster");
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertEquals(before + 10_001, cadres.count(RosterFilter.ALL), "a kept count is forgotten after a change");
        String oneRow = rows.get(0).replace(prefix + "0,", prefix + "X,");
        ImportJob one = await(imports.upload("mot-dong.csv", csv(List.of(oneRow))));
        imports.apply(one, false);
        assertEquals(1, await(one).getResult().inserted());
        assertEquals(before + 10_002, cadres.count(RosterFilter.ALL), "and after an import");
    }

    /** The SQL statements the action sends through JPA. */
    int statements(Runnable action) {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        org.eclipse.persistence.sessions.SessionEventAdapter counter = new org.eclipse.persistence.sessions.SessionEventAdapter() {
            @Override
            public void preExecuteCall(org.eclipse.persistence.sessions.SessionEvent event) {
                calls.incrementAndGet();
            }
        };
        org.eclipse.persistence.sessions.server.Server server =
                org.eclipse.persistence.jpa.JpaHelper.getServerSession(em.getEntityManagerFactory());
        server.getEventManager().addListener(counter);
        try {
            action.run();
        } finally {
            server.getEventManager().removeListener(counter);
        }
        return calls.get();
    }

    // ---- helpers ----

    static byte[] csv(List<String> rows) {
        return ("\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<CSVRecord> parseCsv(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    /** Waits for the background work to end (at most two minutes). */
    static ImportJob await(ImportJob job) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (job.isWorking()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the import did not finish: " + job.getPhase());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertNull(job.getPhase() == ImportJob.Phase.FAILED ? job.getMessageKey() : null, "the file was read");
        return job;
    }

    static List<String> keys(ImportRow row) {
        return row.problems().stream().map(ImportProblem::key).toList();
    }

    static String problems(ImportJob job) {
        return job.getRows().stream().filter(r -> !r.isValid()).limit(5)
                .map(r -> r.getNumber() + ": " + r.problems()).collect(Collectors.joining("; "));
    }

    List<String> hamletCodes(String ward) {
        return em.createQuery("SELECT u.code FROM AdminUnit u WHERE u.parent.name = :w AND u.validTo IS NULL ORDER BY u.code",
                String.class).setParameter("w", ward).getResultList();
    }

    Cadre someCadreIn(String ward) {
        return em.createQuery("SELECT c FROM Cadre c WHERE c.unit.parent.name = :w AND c.birthDate IS NOT NULL"
                + " AND c.code LIKE 'CB%' ORDER BY c.id", Cadre.class).setParameter("w", ward).setMaxResults(1).getSingleResult();
    }

    Cadre cadreOutside() {
        return someCadreIn("Phường Bãi Cháy");
    }

    /** Cadres, positions and search words. */
    long[] counts() {
        return new long[] {count("SELECT COUNT(*) FROM cadre"), count("SELECT COUNT(*) FROM position"),
            count("SELECT COUNT(*) FROM cadre_search_token")};
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    List<Object[]> versions(String prefix, String code) {
        return em.createNativeQuery("SELECT code, version, updated_at FROM cadre WHERE code LIKE ? OR code = ? ORDER BY code")
                .setParameter(1, prefix + "%").setParameter(2, code).getResultList();
    }

    static String toString(List<Object[]> rows) {
        return rows.stream().map(Arrays::toString).collect(Collectors.joining("\n"));
    }

    static String date(LocalDate d) {
        return d == null ? "" : String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

}
