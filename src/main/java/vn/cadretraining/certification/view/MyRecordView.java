package vn.cadretraining.certification.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.commendation.entity.Commendation;
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
    private RecordService.Record training;
    private List<ClassSession> upcoming;

    @PostConstruct
    void init() {
        RecordService.MyRecord mine = record.myRecord();
        me = mine.me();
        positions = mine.positions();
        training = mine.record();
        upcoming = mine.upcoming();
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public String reasonText(Enrollment e) {
        return e.getOutcomeReason() == null ? "" : Messages.text(e.getOutcomeReason());
    }

    /** The enrollment's attendance marks, with who marked each and when. */
    public List<RecordService.MarkLine> marksOf(Enrollment e) {
        return training.marksOf(e);
    }

    public Certificate certificateOf(Enrollment e) {
        return training.certificateOf(e);
    }

    public Cadre getMe() {
        return me;
    }

    public List<Position> getPositions() {
        return positions;
    }

    public List<Enrollment> getClasses() {
        return training.classes();
    }

    public List<Certificate> getCertificates() {
        return training.certificates();
    }

    /** The study tours, each as the record says it ("Tham quan học tập kinh nghiệm: …, dates"). */
    public List<String> getTours() {
        java.util.Locale locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return training.tours().stream().map(t -> RecordService.tourText(locale, t)).toList();
    }

    public List<Commendation> getCommendations() {
        return training.commendations();
    }

    public List<ClassSession> getUpcoming() {
        return upcoming;
    }
}
