package vn.cadretraining.attendance.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.attendance.service.CheckInCodes;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.files.QrCodes;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.PublicAddress;

/**
 * The attendance grid of a session: a row per enrolled cadre, statuses and notes edited in the page and
 * saved together; the rotating QR code of the session; the paper sheet.
 */
@Named
@ViewScoped
public class AttendanceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AttendanceService attendance;

    @Inject
    PublicAddress address;

    /** A row of the grid: what was read, and what the trainer makes of it. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private AttendanceService.GridRow read;
        private AttendanceStatus status;
        private String note;

        Row(AttendanceService.GridRow read) {
            this.read = read;
            this.status = read.status();
            this.note = read.note();
        }

        public AttendanceService.GridRow getRead() {
            return read;
        }

        public AttendanceStatus getStatus() {
            return status;
        }

        public void setStatus(AttendanceStatus status) {
            this.status = status;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    private Long id;
    private ClassSession session;
    private List<Row> rows = new ArrayList<>();
    private List<AttendanceService.Conflict> conflicts = List.of();
    private String qrUrl;
    private String qrImage;
    private int secondsLeft;
    private String saveText;
    private String saveSeverity;

    public void load() {
        if (id == null) {
            throw new NotFoundException("session");
        }
        AttendanceService.GridPage page = attendance.page(id);
        session = page.session();
        show(page.rows());
    }

    private void read() {
        show(attendance.grid(id));
    }

    private void show(List<AttendanceService.GridRow> grid) {
        rows = new ArrayList<>();
        for (AttendanceService.GridRow r : grid) {
            rows.add(new Row(r));
        }
    }

    public void everyonePresent() {
        rows.forEach(r -> r.setStatus(AttendanceStatus.PRESENT));
    }

    /**
     * Saves the grid. Its outcome is said in the sticky save bar, where the trainer's thumb is, and announced to
     * screen readers there; the page's message area at the top is out of sight below a long grid.
     */
    public void save() {
        try {
            AttendanceService.SaveResult result = attendance.save(id, changes());
            conflicts = List.of();
            String text = Messages.text("attendance.saved", result.written());
            if (result.keptFromOthers() > 0) {
                text += " " + Messages.text("attendance.keptOthers", result.keptFromOthers());
            }
            said(text, "info");
            show(result.grid());
        } catch (AttendanceService.ConflictException e) {
            conflicts = e.getConflicts();
            said(Messages.text("attendance.error.conflict", conflicts.size()), "warn");
        } catch (BusinessException e) {
            said(Messages.text(e.getMessageKey(), e.getArguments()), "error");
        }
    }

    private void said(String text, String severity) {
        saveText = text;
        saveSeverity = severity;
    }

    /** Whether the session has begun: before, only excused absences can be marked (the service refuses the rest). */
    public boolean isStarted() {
        return session.hasStarted(VietnamTime.now());
    }

    public String getSaveText() {
        return saveText;
    }

    public String getSaveSeverity() {
        return saveSeverity;
    }

    /**
     * The trainer chose their own values over the ones saved meanwhile: the conflicting rows now count as read
     * in their current state, and the save goes through.
     */
    public void keepMine() {
        List<AttendanceService.GridRow> now = attendance.grid(id);
        for (Row r : rows) {
            now.stream().filter(n -> n.enrollmentId() == r.read.enrollmentId()).findFirst().ifPresent(n -> {
                if (conflicts.stream().anyMatch(c -> c.enrollmentId() == n.enrollmentId())) {
                    r.read = n;
                }
            });
        }
        save();
    }

    /** Drops the trainer's changes and shows the grid as saved now. */
    public void reload() {
        conflicts = List.of();
        read();
    }

    private List<AttendanceService.GridChange> changes() {
        return rows.stream().map(r -> new AttendanceService.GridChange(r.read, r.status, r.note)).toList();
    }

    /** Refreshes the QR code shown on the trainer's screen (polled every few seconds). */
    public void refreshCode() {
        Actions.attempt(() -> {
            CheckInCodes.Code code = attendance.currentCode(id);
            qrUrl = address.getBase() + "/checkin.xhtml?s=" + id + "&c=" + code.token();
            qrImage = QrCodes.dataUri(qrUrl, 360);
            secondsLeft = code.secondsLeft();
        });
    }

    public AttendanceStatus[] getStatuses() {
        return AttendanceStatus.values();
    }

    public long count(String status) {
        return rows.stream().filter(r -> r.status != null && r.status.name().equals(status)).count();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ClassSession getSession() {
        return session;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<AttendanceService.Conflict> getConflicts() {
        return conflicts;
    }

    public String getQrUrl() {
        return qrUrl;
    }

    public String getQrImage() {
        return qrImage;
    }

    public int getSecondsLeft() {
        return secondsLeft;
    }
}
