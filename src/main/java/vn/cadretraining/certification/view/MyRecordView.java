package vn.cadretraining.certification.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.time.VietnamTime;

/** "My training record", phone first. */
@Named
@RequestScoped
public class MyRecordView {

    @Inject
    RecordService record;

    private Cadre me;
    private List<Position> positions;
    private List<Enrollment> classes;
    private List<Certificate> certificates;
    private Map<Long, List<RecordService.MarkLine>> marks;
    private List<ClassSession> upcoming;

    @PostConstruct
    void init() {
        me = record.me();
        positions = record.positions(me);
        classes = record.classes(me);
        certificates = record.certificates(me);
        marks = record.marks(me);
        upcoming = record.upcoming(me);
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public String reasonText(Enrollment e) {
        return e.getOutcomeReason() == null ? "" : Messages.text(e.getOutcomeReason());
    }

    /** The enrollment's attendance marks, with who marked each and when. */
    public List<RecordService.MarkLine> marksOf(Enrollment e) {
        return marks.getOrDefault(e.getId(), List.of());
    }

    public Certificate certificateOf(Enrollment e) {
        return certificates.stream().filter(c -> c.getEnrollmentId().equals(e.getId())).findFirst().orElse(null);
    }

    public Cadre getMe() {
        return me;
    }

    public List<Position> getPositions() {
        return positions;
    }

    public List<Enrollment> getClasses() {
        return classes;
    }

    public List<Certificate> getCertificates() {
        return certificates;
    }

    public List<ClassSession> getUpcoming() {
        return upcoming;
    }
}
