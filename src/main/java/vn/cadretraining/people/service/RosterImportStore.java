package vn.cadretraining.people.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;
import vn.cadretraining.people.service.transfer.ImportReferences;
import vn.cadretraining.people.service.transfer.ImportRow;
import vn.cadretraining.people.service.transfer.RawRow;
import vn.cadretraining.people.service.transfer.RosterColumn;
import vn.cadretraining.people.service.transfer.RosterRowValidator;
import vn.cadretraining.people.service.transfer.RowAction;
import vn.cadretraining.people.service.transfer.RowChange;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The import's database side, in plain JDBC through the container's DataSource (so inside the EJB's JTA
 * transaction): reading what a file's rows are checked against, and applying them.
 *
 * <p>Applying is one transaction: every row, or none. EclipseLink cannot batch inserts into IDENTITY
 * columns, so rows go in as JDBC batches of {@value #BATCH}, and a new cadre's id is read back by its code
 * (unique). Cadre and Position are not in JPA's shared cache, so nothing goes stale behind JPA's back.
 * Past 5,000 row locks Derby escalates to a table lock: accepted for the few seconds an import takes.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class RosterImportStore {

    private static final Logger LOG = Logger.getLogger(RosterImportStore.class.getName());

    /** Rows per JDBC batch, and between two progress events. */
    static final int BATCH = 500;
    /** Values per IN list when reading. */
    private static final int IN_LIST = 500;
    private static final Set<UnitKind> NOT_ROSTERS = Set.of(UnitKind.PROVINCE, UnitKind.DISTRICT);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<RowsWritten> rowsWritten;

    @Inject
    Event<RosterCounts.Changed> rostersChanged;

    @Inject
    Event<PeopleEvents.Described> described;

    @Inject
    Event<PeopleEvents.PositionsChanging> positionsChanging;

    @Inject
    Event<PeopleEvents.PositionsChanged> positionsChanged;

    @Inject
    AuditTrail audit;

    /** Applying's outcome: done, or (nothing written) the rows as they check now, when that differs. */
    public record Outcome(ImportResult result, List<ImportRow> recheckedRows) {
    }

    // ---- checking -----------------------------------------------------------------------------------

    /** Checks the rows against the database as it is now, in the caller's scope. */
    public List<ImportRow> check(List<RawRow> rows, Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            ImportReferences refs = references(c, rows, caller);
            return preview(RosterRowValidator.check(rows, refs), refs);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the import's references failed", e);
        }
    }

    private static List<ImportRow> preview(List<RosterRowValidator.Checked> checked, ImportReferences refs) {
        List<ImportRow> rows = new ArrayList<>(checked.size());
        for (RosterRowValidator.Checked row : checked) {
            RowAction action = row.isValid()
                    ? RowChange.of(row.values(), refs.cadre(row.values().code())).action() : null;
            rows.add(new ImportRow(row.raw(), row.problems(), action, row.notes()));
        }
        return rows;
    }

    // ---- applying -----------------------------------------------------------------------------------

    /**
     * Checks the rows again against the database as it is inside this transaction, then writes those that
     * were valid in the preview. Should one of them no longer be valid (someone changed the roster in
     * between), nothing is written and the rows come back as they check now, for a new decision.
     *
     * @param validAtPreview row numbers the person saw as valid and chose to import
     */
    public Outcome apply(String importId, String fileName, List<RawRow> rows, Set<Integer> validAtPreview,
            Caller caller) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            ImportReferences refs = references(c, rows, caller);
            List<RosterRowValidator.Checked> checked = RosterRowValidator.check(rows, refs);
            List<RowChange> changes = new ArrayList<>();
            for (RosterRowValidator.Checked row : checked) {
                if (!validAtPreview.contains(row.raw().number())) {
                    continue;
                }
                if (!row.isValid()) {
                    return new Outcome(null, preview(checked, refs));
                }
                changes.add(RowChange.of(row.values(), refs.cadre(row.values().code())));
            }
            // cadres already on the roster who take up titles: counted as holders again once written
            positionsChanging.fire(new PeopleEvents.PositionsChanging(changes.stream()
                    .filter(ch -> ch.existing() != null && !ch.newTitles().isEmpty())
                    .map(ch -> ch.existing().id()).toList()));
            List<Long> titled = new ArrayList<>();
            int[] counts = write(c, importId, fileName, changes, titled);
            positionsChanged.fire(new PeopleEvents.PositionsChanged(titled));
            rostersChanged.fire(new RosterCounts.Changed());
            described.fire(new PeopleEvents.Described(changes.stream()
                    .filter(ch -> ch.action() != RowAction.INSERT && ch.cadreChanged())
                    .map(ch -> ch.existing().id()).toList()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            ImportResult result = new ImportResult(counts[0], counts[1], counts[2], rows.size() - changes.size(),
                    counts[3], millis);
            audit.rosterImported(caller, fileName, result.inserted(), result.updated(), result.skipped());
            LOG.info(() -> String.format("Import %s (%s): %d rows in %d ms (%d rows/s): %d new, %d changed,"
                    + " %d unchanged, %d skipped, %d positions started", importId, fileName, changes.size(), millis,
                    result.rowsPerSecond(), result.inserted(), result.updated(), result.unchanged(), result.skipped(),
                    result.positionsStarted()));
            return new Outcome(result, null);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the import failed", e);
        }
    }

    /** Writes the changes batch by batch; returns {inserted, updated, unchanged, positions started}. */
    private int[] write(Connection c, String importId, String fileName, List<RowChange> changes, List<Long> titled)
            throws SQLException {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int positions = 0;
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO cadre (version, code, full_name,"
                + " full_name_folded, gender, birth_date, ethnicity_code, phone, education, political_theory,"
                + " party_member, party_joined, national_id, unit_id, unit_path, created_at, updated_at, name_sort)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE cadre SET version = version + 1,"
                        + " full_name = ?, full_name_folded = ?, gender = ?, birth_date = ?, ethnicity_code = ?,"
                        + " phone = ?, education = ?, political_theory = ?, party_member = ?, party_joined = ?,"
                        + " national_id = ?, unit_id = ?, unit_path = ?, updated_at = ?, name_sort = ?"
                        + " WHERE id = ? AND version = ?");
                PreparedStatement dropWords = c.prepareStatement("DELETE FROM cadre_search_token WHERE cadre_id = ?");
                PreparedStatement addWord = c.prepareStatement(
                        "INSERT INTO cadre_search_token (token, cadre_id) VALUES (?, ?)");
                PreparedStatement addPosition = c.prepareStatement("INSERT INTO position (version, cadre_id,"
                        + " title_id, unit_id, start_date, end_date, term, newly_elected)"
                        + " VALUES (0, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (int from = 0; from < changes.size(); from += BATCH) {
                List<RowChange> batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
                List<RowChange> inserts = new ArrayList<>();
                List<RowChange> updates = new ArrayList<>();
                for (RowChange change : batch) {
                    if (change.action() == RowAction.INSERT) {
                        inserts.add(change);
                        setCadre(insert, 1, change);
                        insert.setTimestamp(15, now);
                        insert.setTimestamp(16, now);
                        insert.setString(17, Cadre.sortKey(change.fullName()));
                        insert.addBatch();
                    } else if (change.action() == RowAction.UNCHANGED) {
                        unchanged++;
                    } else {
                        updates.add(change);
                        if (change.cadreChanged()) {
                            update.setString(1, change.fullName());
                            setCadre(update, 2, change); // the code is never changed: it is the key
                            update.setTimestamp(14, now);
                            update.setString(15, Cadre.sortKey(change.fullName()));
                            update.setLong(16, change.existing().id());
                            update.setLong(17, change.existing().version());
                            update.addBatch();
                        }
                    }
                }
                if (!inserts.isEmpty()) {
                    insert.executeBatch();
                }
                for (int count : update.executeBatch()) {
                    if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                        // someone saved one of these cadres since the check: their change must not be lost
                        throw new BusinessException("import.error.changedMeanwhile");
                    }
                }
                Map<String, Long> ids = idsOf(c, inserts);
                for (RowChange change : updates) {
                    ids.put(change.code(), change.existing().id());
                    if (change.searchWordsChanged()) {
                        dropWords.setLong(1, change.existing().id());
                        dropWords.addBatch();
                    }
                }
                dropWords.executeBatch();
                for (RowChange change : batch) {
                    if (change.action() == RowAction.UNCHANGED) {
                        continue;
                    }
                    long id = ids.get(change.code());
                    if (change.searchWordsChanged()) {
                        for (String word : Cadre.searchTokens(change.fullName(), change.code(), change.phone())) {
                            addWord.setString(1, word);
                            addWord.setLong(2, id);
                            addWord.addBatch();
                        }
                    }
                    if (!change.newTitles().isEmpty()) {
                        titled.add(id);
                    }
                    for (ImportReferences.Title title : change.newTitles()) {
                        addPosition.setLong(1, id);
                        addPosition.setLong(2, title.id());
                        addPosition.setLong(3, change.unit().id());
                        addPosition.setDate(4, Date.valueOf(change.titlesFrom()));
                        addPosition.setString(5, change.term());
                        addPosition.setBoolean(6, change.newlyElected());
                        addPosition.addBatch();
                        positions++;
                    }
                }
                addWord.executeBatch();
                addPosition.executeBatch();
                inserted += inserts.size();
                updated += updates.size();
                rowsWritten.fire(new RowsWritten(importId, fileName, from + batch.size(), changes.size()));
            }
        }
        return new int[] {inserted, updated, unchanged, positions};
    }

    /** The columns from gender to unit_path, in the order both statements share, starting at {@code i}. */
    private static void setCadre(PreparedStatement s, int first, RowChange r) throws SQLException {
        int i = first;
        if (r.action() == RowAction.INSERT) {
            s.setString(i++, r.code());
            s.setString(i++, r.fullName());
        }
        s.setString(i++, TextFold.fold(r.fullName()));
        s.setString(i++, r.gender().name());
        setDate(s, i++, r.birthDate());
        s.setString(i++, r.ethnicityCode());
        s.setString(i++, r.phone());
        s.setString(i++, r.education() == null ? null : r.education().name());
        s.setString(i++, r.politicalTheory() == null ? null : r.politicalTheory().name());
        s.setBoolean(i++, r.partyMember());
        setDate(s, i++, r.partyJoined());
        s.setString(i++, r.nationalId());
        s.setLong(i++, r.unit().id());
        s.setString(i, r.unit().path());
    }

    private static void setDate(PreparedStatement s, int i, LocalDate d) throws SQLException {
        if (d == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setDate(i, Date.valueOf(d));
        }
    }

    /** The ids the database gave the cadres just inserted, by code (unique). */
    private static Map<String, Long> idsOf(Connection c, List<RowChange> inserted) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> codes = inserted.stream().map(RowChange::code).toList();
        select(c, "SELECT id, code FROM cadre WHERE code IN ", codes, rs -> ids.put(rs.getString(2), rs.getLong(1)));
        return ids;
    }

    // ---- what rows are checked against --------------------------------------------------------------

    private static ImportReferences references(Connection c, List<RawRow> rows, Caller caller) throws SQLException {
        LocalDate today = VietnamTime.today();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> unitCodes = new LinkedHashSet<>();
        for (RawRow row : rows) {
            String code = Cadre.normalizeCode(row.get(RosterColumn.CODE));
            if (code != null) {
                codes.add(code);
            }
            String unit = row.get(RosterColumn.UNIT_CODE);
            if (unit != null) {
                unitCodes.add(unit);
                unitCodes.add(unit.toUpperCase(Locale.ROOT));
            }
        }
        List<ImportReferences.Ethnicity> ethnicities = new ArrayList<>();
        select(c, "SELECT code, name_vi, name_en FROM ethnicity", List.of(),
                rs -> ethnicities.add(new ImportReferences.Ethnicity(rs.getString(1), rs.getString(2), rs.getString(3))));
        List<ImportReferences.Title> titles = titles(c);
        List<ImportReferences.Unit> units = new ArrayList<>();
        select(c, "SELECT id, code, name, path, kind, valid_from, valid_to FROM admin_unit WHERE code IN ",
                List.copyOf(unitCodes), rs -> units.add(new ImportReferences.Unit(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4),
                        rs.getDate(7) == null && !rs.getDate(6).toLocalDate().isAfter(today),
                        !NOT_ROSTERS.contains(UnitKind.valueOf(rs.getString(5))))));
        List<Object[]> found = new ArrayList<>();
        select(c, "SELECT id, version, code, full_name, full_name_folded, gender, birth_date, ethnicity_code, phone,"
                + " education, political_theory, party_member, party_joined, national_id, unit_id, unit_path"
                + " FROM cadre WHERE code IN ", List.copyOf(codes), rs -> {
                    Object[] values = new Object[16];
                    for (int i = 0; i < 16; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    found.add(values);
                });
        Map<Long, Set<ImportReferences.Held>> held = new HashMap<>();
        select(c, "SELECT cadre_id, title_id, unit_id FROM position WHERE end_date IS NULL AND cadre_id IN ",
                found.stream().map(v -> ((Number) v[0]).longValue()).toList(),
                rs -> held.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(new ImportReferences.Held(rs.getLong(2), rs.getLong(3))));
        List<ImportReferences.Existing> cadres = new ArrayList<>(found.size());
        for (Object[] v : found) {
            long id = ((Number) v[0]).longValue();
            cadres.add(new ImportReferences.Existing(id, ((Number) v[1]).longValue(), (String) v[2], (String) v[3],
                    (String) v[4], Gender.valueOf((String) v[5]), localDate(v[6]), (String) v[7], (String) v[8],
                    v[9] == null ? null : EducationLevel.valueOf((String) v[9]),
                    v[10] == null ? null : PoliticalTheoryLevel.valueOf((String) v[10]), Boolean.TRUE.equals(v[11]),
                    localDate(v[12]), (String) v[13], ((Number) v[14]).longValue(), (String) v[15],
                    held.getOrDefault(id, Set.of())));
        }
        return new ImportReferences(caller::coversUnitPath, today, ethnicities, titles, units, cadres);
    }

    static List<ImportReferences.Title> titles(Connection c) throws SQLException {
        List<ImportReferences.Title> titles = new ArrayList<>();
        select(c, "SELECT id, code, name_vi, name_en, active FROM position_title ORDER BY sort_order, name_vi",
                List.of(), rs -> titles.add(new ImportReferences.Title(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5))));
        return titles;
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql}; when it ends with "IN ", once per slice of {@code values} with that many
     * placeholders (nothing at all for no values).
     */
    private static void select(Connection c, String sql, Collection<?> values, RowReader reader) throws SQLException {
        if (!sql.endsWith("IN ")) {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
            return;
        }
        List<?> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<?> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement s = c.prepareStatement(sql + "(" + marks + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    s.setObject(i + 1, slice.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }
}
