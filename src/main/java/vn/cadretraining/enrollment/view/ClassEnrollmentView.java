package vn.cadretraining.enrollment.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.service.ClassRosterExport;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.commendation.entity.IssuingLevel;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * A class's participants: who has a place, who waits, who asked; decisions on requests; a bulk nomination
 * from roster filters with a preview; the list as a spreadsheet or a PDF.
 */
@Named
@ViewScoped
public class ClassEnrollmentView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EnrollmentService enrollments;

    @Inject
    ClassRosterExport export;

    @Inject
    ReferenceData reference;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private CourseClass courseClass;
    private List<Enrollment> roster = List.of();

    // deciding and withdrawing
    private Long actingOn;
    private String reason;

    // nominating
    private AdminUnit nominateUnit;
    private Long nominateTitleId;
    private boolean nominateNewlyElected;
    private boolean nominateNotCompleted = true;
    private Integer nominateCommendedYear;
    private IssuingLevel nominateCommendedLevel;
    private EnrollmentService.NominationPreview preview;

    public void load() {
        if (id == null) {
            throw new NotFoundException("class");
        }
        courseClass = enrollments.visibleClass(id);
        roster = enrollments.roster(id);
    }

    public void approve(Enrollment e) {
        Actions.attempt(() -> {
            Enrollment done = enrollments.approve(e.getId());
            Messages.info(done.getStatus() == EnrollmentStatus.ENROLLED ? "classEnrollment.approved" : "classEnrollment.approvedWaitlisted",
                    e.getCadre().getFullName());
            load();
        });
    }

    public void startDecline(Enrollment e) {
        actingOn = e.getId();
        reason = null;
    }

    public void decline() {
        Actions.inDialog("declineDialog", () -> enrollments.decline(actingOn, reason), this::load,
                "classEnrollment.declined");
    }

    public void startWithdraw(Enrollment e) {
        actingOn = e.getId();
        reason = null;
    }

    public void withdraw() {
        Actions.inDialog("withdrawDialog", () -> enrollments.withdraw(actingOn, reason), this::load,
                "classEnrollment.withdrawn");
    }

    public void previewNomination() {
        RosterFilter filter = new RosterFilter(null, nominateUnit == null ? null : nominateUnit.getId(),
                nominateTitleId, nominateNewlyElected ? Boolean.TRUE : null, null, null)
                .withCommendation(nominateCommendedYear, nominateCommendedLevel == null ? null : nominateCommendedLevel.name());
        Actions.attempt(() -> preview = enrollments.previewNomination(id, filter,
                nominateNotCompleted ? courseClass.getCourse().getId() : null));
    }

    public void nominate() {
        Actions.attempt(() -> {
            EnrollmentService.NominationResult result = enrollments.nominate(id, preview.eligibleIds());
            Messages.info("classEnrollment.nominated", result.enrolled(), result.waitlisted(), result.skipped());
            preview = null;
            load();
        });
    }

    public StreamedContent getXlsx() {
        return DefaultStreamedContent.builder()
                .name("danh-sach-lop-" + courseClass.getCode() + ".xlsx")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .writer(out -> export.xlsx(id, language.getLocale(), out))
                .build();
    }

    public StreamedContent getPdf() {
        return DefaultStreamedContent.builder()
                .name("danh-sach-lop-" + courseClass.getCode() + ".pdf")
                .contentType("application/pdf")
                .writer(out -> export.pdf(id, language.getLocale(), out))
                .build();
    }

    public String problemText(String key) {
        return key == null ? "" : Messages.text(key);
    }

    /** Decides requests and withdraws: not a province reviewer, who only reads. */
    public boolean isManager() {
        return !currentUser.is(Role.PROVINCE);
    }

    /**
     * For an administrator or a coordinator, why nominating to this class is not offered now and when it can be
     * (null when it is offered, or for anyone else).
     */
    public String getNominationClosed() {
        if (!enrollments.mayNominate()) {
            return null;
        }
        var why = courseClass.enrollmentClosedOn(VietnamTime.today());
        if (why == null) {
            return null;
        }
        LocalDate from = courseClass.getEnrollFrom();
        String key = "classEnrollment.closed." + why + (why == CourseClass.EnrollmentClosed.DRAFT && from != null ? ".from" : "");
        return Messages.text(key,
                why == CourseClass.EnrollmentClosed.ENDED ? date(courseClass.getEnrollUntil()) : date(from),
                date(courseClass.getStartDate()));
    }

    private static String date(LocalDate d) {
        return d == null ? "" : VietnamTime.DATE.format(d);
    }

    public boolean isNominator() {
        return enrollments.mayNominate() && courseClass.acceptsEnrollmentsOn(VietnamTime.today());
    }

    public long count(EnrollmentStatus status) {
        return roster.stream().filter(e -> e.getStatus() == status).count();
    }

    public List<PositionTitle> getTitles() {
        return reference.activeTitles();
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

    public List<Enrollment> getRoster() {
        return roster;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public AdminUnit getNominateUnit() {
        return nominateUnit;
    }

    public void setNominateUnit(AdminUnit nominateUnit) {
        this.nominateUnit = nominateUnit;
    }

    public Long getNominateTitleId() {
        return nominateTitleId;
    }

    public void setNominateTitleId(Long nominateTitleId) {
        this.nominateTitleId = nominateTitleId;
    }

    public boolean isNominateNewlyElected() {
        return nominateNewlyElected;
    }

    public void setNominateNewlyElected(boolean nominateNewlyElected) {
        this.nominateNewlyElected = nominateNewlyElected;
    }

    public boolean isNominateNotCompleted() {
        return nominateNotCompleted;
    }

    public void setNominateNotCompleted(boolean nominateNotCompleted) {
        this.nominateNotCompleted = nominateNotCompleted;
    }

    public EnrollmentService.NominationPreview getPreview() {
        return preview;
    }

    /** The years a commendation filter offers: this one and the five before. */
    public List<Integer> getCommendationYears() {
        int year = vn.cadretraining.shared.time.VietnamTime.today().getYear();
        return java.util.stream.IntStream.rangeClosed(0, 5).mapToObj(n -> year - n).toList();
    }

    public IssuingLevel[] getCommendationLevels() {
        return IssuingLevel.values();
    }

    public Integer getNominateCommendedYear() {
        return nominateCommendedYear;
    }

    public void setNominateCommendedYear(Integer nominateCommendedYear) {
        this.nominateCommendedYear = nominateCommendedYear;
    }

    public IssuingLevel getNominateCommendedLevel() {
        return nominateCommendedLevel;
    }

    public void setNominateCommendedLevel(IssuingLevel nominateCommendedLevel) {
        this.nominateCommendedLevel = nominateCommendedLevel;
    }
}
