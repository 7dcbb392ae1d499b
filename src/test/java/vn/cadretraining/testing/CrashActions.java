package vn.cadretraining.testing;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.certification.service.ResultService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitAdminService;
import vn.cadretraining.people.service.ImportJob;
import vn.cadretraining.people.service.RosterImportService;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.service.TargetService;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The crash test's client: each POST does what one page's action does (the same service call, as the signed-in
 * user of the session), so that the test can fire them fast and kill the server while one is in flight; a 200
 * is the confirmation a person would see. {@code GET sql} answers a read-only query, for the checks after a
 * restart. Deployed only in the crash test's WAR; the application has no such address.
 */
@WebServlet("/testing/crash/*")
public class CrashActions extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Statuses given in turn by the grid saves: save k gives enrollment e the status {@code STATUSES[(k + e) % 4]}. */
    public static final AttendanceStatus[] STATUSES = AttendanceStatus.values();

    /**
     * The status save k gives enrollment e: in turn once the session has started; before, the grid takes only
     * excused absences (sent ahead), so every save gives that and differs by its note alone.
     */
    public static AttendanceStatus status(long k, long e, boolean started) {
        return started ? STATUSES[(int) ((k + e) % STATUSES.length)] : AttendanceStatus.EXCUSED;
    }

    /** The measures the targets saves set (counts only: their values carry the save's number). */
    public static final List<Measure> TARGET_MEASURES = List.of(Measure.TURNS, Measure.CADRES, Measure.BRIEFINGS,
            Measure.SUBJECT_TURNS);

    private static final Map<String, ImportJob> JOBS = new ConcurrentHashMap<>();

    @Inject
    transient RosterImportService imports;

    @Inject
    transient AttendanceService attendance;

    @Inject
    transient ResultService results;

    @Inject
    transient TargetService targets;

    @Inject
    transient UnitAdminService units;

    @Resource(lookup = Database.JNDI_NAME)
    transient DataSource dataSource;

    /** The value save {@code k} gives a target cell: k in the thousands, the cell in the units. */
    public static int targetValue(int k, long unitId, Measure measure, long dimensionId) {
        return k * 1000 + (int) ((unitId * 7 + measure.ordinal() * 101L + dimensionId * 13) % 1000);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String action = request.getPathInfo();
        try {
            if ("/sql".equals(action)) {
                response.getWriter().write(query(request.getParameter("q")));
            } else if ("/import".equals(action)) {
                ImportJob job = job(request);
                response.getWriter().write(job.getPhase() + " " + job.getDone() + " " + job.getTotal() + " "
                        + job.getProblemCount() + " " + (job.getResult() == null ? "-" : job.getResult().inserted()) + " "
                        + job.getMessageKey());
            } else {
                response.sendError(404);
            }
        } catch (SQLException e) {
            response.sendError(500, e.toString());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String action = String.valueOf(request.getPathInfo());
        try {
            String answer = switch (action) {
                case "/import" -> {
                    ImportJob job = imports.upload(request.getParameter("name"), request.getInputStream().readAllBytes());
                    JOBS.put(job.getId(), job);
                    yield job.getId();
                }
                case "/import-apply" -> {
                    imports.apply(job(request), false);
                    yield "applying";
                }
                case "/grid" -> grid(Long.parseLong(request.getParameter("session")),
                        Integer.parseInt(request.getParameter("k")), Boolean.parseBoolean(request.getParameter("started")));
                case "/close" -> String.valueOf(results.close(Long.parseLong(request.getParameter("class"))));
                case "/targets" -> targets(Integer.parseInt(request.getParameter("year")),
                        Integer.parseInt(request.getParameter("k")));
                case "/merge" -> {
                    AdminUnit successor = units.merge(List.of(Long.parseLong(request.getParameter("source"))),
                            Long.parseLong(request.getParameter("target")), null, null, null, null, VietnamTime.today());
                    yield String.valueOf(successor.getId());
                }
                case "/reopen" -> reopen(Long.parseLong(request.getParameter("class")));
                default -> null;
            };
            if (answer == null) {
                response.sendError(404);
            } else {
                response.getWriter().write(answer);
            }
        } catch (BusinessException e) {
            response.sendError(409, e.getMessageKey());
        } catch (SQLException e) {
            response.sendError(500, e.toString());
        }
    }

    private static ImportJob job(HttpServletRequest request) {
        ImportJob job = JOBS.get(request.getParameter("id"));
        if (job == null) {
            throw new IllegalArgumentException("no such import");
        }
        return job;
    }

    /** Every enrolled cadre of the session gets save k's status and the note "crash k". */
    private String grid(long sessionId, int k, boolean started) {
        List<AttendanceService.GridChange> changes = new ArrayList<>();
        for (AttendanceService.GridRow row : attendance.grid(sessionId)) {
            changes.add(new AttendanceService.GridChange(row, status(k, row.enrollmentId(), started),
                    "crash " + k));
        }
        return String.valueOf(attendance.save(sessionId, changes).written());
    }

    /** Every count target of the province and its communes gets save k's value; answers the units written. */
    private String targets(int year, int k) {
        TargetService.Sheet sheet = targets.sheet(year);
        List<Long> unitIds = new ArrayList<>();
        unitIds.add(sheet.province().getId());
        sheet.communes().forEach(c -> unitIds.add(c.getId()));
        List<TargetService.Edit> edits = new ArrayList<>();
        for (long unit : unitIds) {
            for (Measure m : TARGET_MEASURES) {
                List<Long> dimensions = m.hasDimension() ? sheet.groups().stream().map(SubjectGroup::getId).toList()
                        : List.of(0L);
                for (long d : dimensions) {
                    TargetService.Cell cell = new TargetService.Cell(unit, m, d);
                    edits.add(new TargetService.Edit(cell, sheet.values().getOrDefault(cell, TargetService.Value.NONE),
                            targetValue(k, unit, m, d)));
                }
            }
        }
        targets.save(year, edits);
        return edits.size() + " " + unitIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }

    /**
     * Undoes a closed class's closing (the test's fixture, not something the application does): no closing
     * time, no outcomes, no certificates, so that the class can be closed again while the server is killed.
     */
    private String reopen(long classId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cls = c.prepareStatement(
                    "UPDATE course_class SET closed_at = NULL, closed_by = NULL WHERE id = ?");
                    PreparedStatement outcomes = c.prepareStatement("UPDATE enrollment SET outcome = NULL,"
                            + " outcome_reason = NULL WHERE class_id = ? AND status = 'ENROLLED'");
                    PreparedStatement certificates = c.prepareStatement("DELETE FROM certificate WHERE class_id = ?")) {
                for (PreparedStatement s : List.of(cls, outcomes, certificates)) {
                    s.setLong(1, classId);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true); // the connection goes back to the pool as it came
            }
        }
        return "reopened";
    }

    /** Rows as lines, columns separated by tabs, NULL as "\N". Read-only. */
    private String query(String sql) throws SQLException {
        if (sql == null || !sql.strip().toUpperCase().startsWith("SELECT")) {
            throw new SQLException("only SELECT");
        }
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object v = rs.getObject(i);
                        out.append(i > 1 ? "\t" : "").append(v == null ? "\\N" : v.toString());
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
