package vn.cadretraining.certification.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The training record shown on a cadre's page to those who keep the roster: classes with attendance and
 * outcome, certificates, the transcript. The page gives the cadre's id as a view parameter; the record is read
 * once, in the caller's scope (a coordinator, their commune), when first shown.
 */
@Named
@RequestScoped
public class CadreRecordView {

    @Inject
    RecordService record;

    private Long id;
    private RecordService.Record training;

    private RecordService.Record training() {
        if (training == null) {
            training = id == null ? RecordService.Record.EMPTY : record.recordOf(id);
        }
        return training;
    }

    public List<Enrollment> getClasses() {
        return training().classes();
    }

    /** The study tours, each as the record says it ("Tham quan học tập kinh nghiệm: …, dates"). */
    public List<String> getTours() {
        java.util.Locale locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return training().tours().stream().map(t -> RecordService.tourText(locale, t)).toList();
    }

    public List<Commendation> getCommendations() {
        return training().commendations();
    }

    /** The enrollment's attendance marks, with who marked each and when. */
    public List<RecordService.MarkLine> marksOf(Enrollment e) {
        return training().marksOf(e);
    }

    public Certificate certificateOf(Enrollment e) {
        return training().certificateOf(e);
    }

    public String reasonText(Enrollment e) {
        return e.getOutcomeReason() == null ? "" : Messages.text(e.getOutcomeReason());
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
