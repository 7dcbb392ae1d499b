package vn.cadretraining.certification.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.view.CadreView;
import vn.cadretraining.shared.faces.Messages;

/**
 * The training record shown on a cadre's page to those who keep the roster: classes with attendance and
 * outcome, certificates, the transcript. The scope is the record service's (a coordinator, their commune).
 */
@Named
@RequestScoped
public class CadreRecordView {

    @Inject
    RecordService record;

    @Inject
    CadreView cadreView;

    private Cadre cadre;
    private List<Enrollment> classes;
    private List<Certificate> certificates;
    private java.util.Map<Long, List<RecordService.MarkLine>> marks;

    private void load() {
        if (classes != null) {
            return;
        }
        if (cadreView.getId() == null) {
            classes = List.of();
            certificates = List.of();
            marks = java.util.Map.of();
            return;
        }
        cadre = record.of(cadreView.getId());
        classes = record.classes(cadre);
        certificates = record.certificates(cadre);
        marks = record.marks(cadre);
    }

    public List<Enrollment> getClasses() {
        load();
        return classes;
    }

    /** The enrolment's attendance marks, with who marked each and when. */
    public List<RecordService.MarkLine> marksOf(Enrollment e) {
        load();
        return marks.getOrDefault(e.getId(), List.of());
    }

    public Certificate certificateOf(Enrollment e) {
        load();
        return certificates.stream().filter(c -> c.getEnrollmentId().equals(e.getId())).findFirst().orElse(null);
    }

    public String reasonText(Enrollment e) {
        return e.getOutcomeReason() == null ? "" : Messages.text(e.getOutcomeReason());
    }

    public java.time.LocalDate getToday() {
        return vn.cadretraining.shared.time.VietnamTime.today();
    }
}
