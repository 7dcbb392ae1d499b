package vn.cadretraining.certification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.CertificateService;
import vn.cadretraining.certification.service.ResultService;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * A class as its trainer runs it: the sessions (each with its attendance grid), the results by the course's
 * rule with the assessment scores, closing the class, and its certificates.
 */
@Named
@ViewScoped
public class TeachClassView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ResultService results;

    @Inject
    CertificateService certificates;

    private Long id;
    private CourseClass courseClass;
    private boolean closed;
    private boolean closable;
    private List<ClassSession> sessions = List.of();
    private List<ResultService.ResultRow> participants = List.of();
    private List<Certificate> issued = List.of();
    private final Map<Long, BigDecimal> scores = new HashMap<>();
    private Long revokingId;
    private String reason;
    private String closedText;

    public void load() {
        if (id == null) {
            throw new NotFoundException("class");
        }
        ResultService.ClassPage page = results.classPage(id);
        courseClass = page.courseClass();
        closed = courseClass.areResultsClosed();
        sessions = page.sessions();
        participants = page.participants();
        scores.clear();
        participants.forEach(r -> scores.put(r.enrollment().getId(), r.enrollment().getScore()));
        issued = page.certificates();
        closable = page.closable();
    }

    public void saveScores() {
        Actions.change(() -> results.saveScores(id, scores), this::load, "teach.scoresSaved");
    }

    /**
     * Closes the class. The trainer pressed the button below a long list of results: the outcome is said at the
     * head of the certificates just issued, and the page scrolls there (the message area at the top is out of sight).
     */
    public void close() {
        try {
            int n = results.close(id);
            closedText = Messages.text("teach.closed", n);
            load();
            // below the sticky top bar
            PrimeFaces.current().executeScript("PrimeFaces.scrollTo('certs', 0, 72)");
        } catch (BusinessException e) {
            Messages.error(e);
            PrimeFaces.current().executeScript("PrimeFaces.scrollTo('messages', 0, 72)");
        }
    }

    public String getClosedText() {
        return closedText;
    }

    public void startRevoke(Certificate c) {
        revokingId = c.getId();
        reason = null;
    }

    public void revoke() {
        if (revokingId == null) {
            // the dialog was posted without a certificate chosen from the table (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("revokeDialog", () -> certificates.revoke(revokingId, reason), this::load, "teach.revoked");
    }

    /** The course's completion rule in words. */
    public String getRuleText() {
        var rule = courseClass.getCourse().getRule();
        return rule.isHasAssessment()
                ? Messages.text("teach.ruleAssessed", rule.getMinAttendancePct(), rule.getPassMark())
                : Messages.text("teach.rule", rule.getMinAttendancePct());
    }

    /** "29 of 34 complete (expected)" — the count the trainer looks for before closing. */
    public String getSummaryText() {
        long done = participants.stream().filter(r -> r.getOutcome() == Outcome.COMPLETED)
                .count();
        return Messages.text(closed ? "teach.summary" : "teach.summary.expected", done, participants.size());
    }

    public boolean isClosable() {
        return closable;
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public String reasonText(ResultService.ResultRow r) {
        return r.getReasonKey() == null ? "" : Messages.text(r.getReasonKey());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CourseClass getCourseClass() {
        return courseClass;
    }

    public boolean isClosed() {
        return closed;
    }

    public List<ClassSession> getSessions() {
        return sessions;
    }

    public List<ResultService.ResultRow> getParticipants() {
        return participants;
    }

    public List<Certificate> getIssued() {
        return issued;
    }

    public Map<Long, BigDecimal> getScores() {
        return scores;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
