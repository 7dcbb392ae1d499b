package vn.cadretraining.enrollment.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;

/** Requests for places waiting for the caller's decision, oldest first. */
@Named
@ViewScoped
public class RequestsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EnrollmentService enrollments;

    private List<Enrollment> pending;
    private Long decliningId;
    private String reason;

    @PostConstruct
    void init() {
        pending = enrollments.pendingRequests();
    }

    public void approve(Enrollment e) {
        Actions.attempt(() -> {
            Enrollment done = enrollments.approve(e.getId());
            Messages.info(done.getStatus() == EnrollmentStatus.ENROLLED ? "classEnrollment.approved" : "classEnrollment.approvedWaitlisted",
                    e.getCadre().getFullName());
            init();
        });
    }

    public void startDecline(Enrollment e) {
        decliningId = e.getId();
        reason = null;
    }

    public void decline() {
        if (decliningId == null) {
            // the dialog was posted without a request chosen from the list (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("declineDialog", () -> enrollments.decline(decliningId, reason), this::init,
                "classEnrollment.declined");
    }

    public List<Enrollment> getPending() {
        return pending;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
