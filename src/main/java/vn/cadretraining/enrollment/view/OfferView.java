package vn.cadretraining.enrollment.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.enrollment.service.OfferService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;

/** A class as offered to a cadre: what, when, where, places left; ask for a place or leave. */
@Named
@ViewScoped
public class OfferView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferService offers;

    @Inject
    EnrollmentService enrollments;

    private Long id;
    private CourseClass courseClass;
    private List<ClassSession> sessions = List.of();
    private Enrollment mine;
    private String reason;

    public void load() {
        if (id == null) {
            throw new NotFoundException("class");
        }
        OfferService.OfferPage page = offers.page(id);
        courseClass = page.courseClass();
        sessions = page.sessions();
        mine = page.mine();
    }

    public void ask() {
        Actions.change(() -> mine = enrollments.request(id), "offer.asked");
    }

    public void withdraw() {
        Actions.inDialog("withdrawDialog", () -> enrollments.withdraw(mine.getId(), reason), () -> {
            reason = null;
            load();
        }, "offer.withdrawn");
    }

    public boolean isCanAsk() {
        return mine == null && courseClass.acceptsEnrollmentsOn(VietnamTime.today());
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

    public List<ClassSession> getSessions() {
        return sessions;
    }

    public Enrollment getMine() {
        return mine;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
