package vn.cadretraining.enrollment.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.enrollment.service.OfferService;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
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
        try {
            mine = enrollments.request(id);
            Messages.info("offer.asked");
        } catch (BusinessException e) {
            Messages.error(e);
        }
    }

    public void withdraw() {
        try {
            enrollments.withdraw(mine.getId(), reason);
            Messages.info("offer.withdrawn");
            PrimeFaces.current().executeScript("PF('withdrawDialog').hide()");
            reason = null;
            load();
        } catch (BusinessException e) {
            Messages.error(e);
        }
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
