package vn.cadretraining.catalog.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.service.CourseService;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;

/** One course: its description, audience, prerequisites and completion rule; a new course when no id is given. */
@Named
@ViewScoped
public class CourseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CourseService courses;

    @Inject
    ReferenceListService references;

    @Inject
    ReferenceData people;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private Course course;
    private boolean editable;
    private boolean planner;
    private List<SubjectGroup> groups = List.of();
    private List<PositionTitle> titles = List.of();

    // the form
    private String code;
    private String titleVi;
    private String titleEn;
    private String descriptionVi;
    private String descriptionEn;
    private Long subjectGroupId;
    private ActivityKind kind;
    private BigDecimal hours;
    private List<Long> titleIds = new ArrayList<>();
    private List<Course> prerequisites = new ArrayList<>();
    private Integer minAttendancePct;
    private boolean hasAssessment;
    private boolean excusedCounts;
    private BigDecimal passMark;
    private boolean issuesCertificate;
    private boolean certificateForever;
    private Integer certificateYears;
    private boolean active;

    /** The view action: loads the course, or the defaults of a new one (80% attendance, a certificate). */
    public void load() {
        planner = currentUser.mayCall(CourseService.class, "create");
        editable = planner;
        groups = references.subjectGroups(true);
        Set<PositionTitle> offered = new LinkedHashSet<>(people.activeTitles());
        if (id == null) {
            if (!editable) {
                // reviewers and coordinators read the catalog; there is no blank course for them to fill
                throw new NotFoundException("course");
            }
            CompletionRule rule = new CompletionRule();
            kind = ActivityKind.TRAINING_COURSE;
            minAttendancePct = rule.getMinAttendancePct();
            issuesCertificate = rule.isIssuesCertificate();
            certificateForever = true;
            active = true;
            titles = new ArrayList<>(offered);
            return;
        }
        course = courses.get(id);
        editable = planner && courses.mayChange(course);
        code = course.getCode();
        titleVi = course.getTitleVi();
        titleEn = course.getTitleEn();
        descriptionVi = course.getDescriptionVi();
        descriptionEn = course.getDescriptionEn();
        subjectGroupId = course.getSubjectGroup().getId();
        if (!course.getSubjectGroup().isActive()) {
            groups = new ArrayList<>(groups);
            groups.add(course.getSubjectGroup());
        }
        kind = course.getKind();
        hours = course.getHours();
        // titles retired since stay on the course, and in the list
        offered.addAll(course.getTitles());
        titles = new ArrayList<>(offered);
        titleIds = new ArrayList<>(course.getTitles().stream().map(PositionTitle::getId).toList());
        prerequisites = new ArrayList<>(course.getPrerequisites());
        prerequisites.sort(Comparator.comparing(Course::getCode));
        CompletionRule rule = course.getRule();
        minAttendancePct = rule.getMinAttendancePct();
        hasAssessment = rule.isHasAssessment();
        excusedCounts = rule.isExcusedCounts();
        passMark = rule.getPassMark();
        issuesCertificate = rule.isIssuesCertificate();
        certificateYears = rule.getCertificateYears();
        certificateForever = certificateYears == null;
        active = course.isActive();
    }

    public String save() {
        CompletionRule rule = new CompletionRule(minAttendancePct == null ? 0 : minAttendancePct, excusedCounts, hasAssessment, passMark,
                issuesCertificate, certificateForever ? null : yearsOrZero());
        CourseService.Details details = new CourseService.Details(code, titleVi, titleEn, descriptionVi, descriptionEn,
                subjectGroupId, kind, hours, titleIds, prerequisites.stream().map(Course::getId).toList(), rule, active);
        try {
            if (course == null) {
                Course created = courses.create(details);
                Messages.info("course.created", created.getCode());
                Messages.keepForRedirect();
                return "/catalog/course?faces-redirect=true&id=" + created.getId();
            }
            courses.update(course.getId(), course.getVersion(), details);
            Messages.info("course.saved", code);
            load();
        } catch (BusinessException e) {
            Messages.error(e);
        }
        return null;
    }

    /** "Valid for N years" left empty is a mistake to point out, not "for ever" in disguise. */
    private Integer yearsOrZero() {
        return certificateYears == null ? 0 : certificateYears;
    }

    /** Courses to pick as prerequisites: any active one but this course. */
    public List<Course> completePrerequisite(String typed) {
        return courses.complete(typed, 20).stream().filter(c -> course == null || !c.getId().equals(course.getId()))
                .toList();
    }

    public boolean isCreating() {
        return course == null;
    }

    public String getTitleText() {
        return course == null ? Messages.text("course.new") : course.getCode();
    }

    public boolean isMayPlanClass() {
        return planner && course != null && course.isActive();
    }

    /** A trainer reading a course that another trainer's classes use: the page says why it cannot be changed. */
    public boolean isLockedForTrainer() {
        return planner && !editable;
    }

    public ActivityKind[] getKinds() {
        return ActivityKind.values();
    }

    public List<SubjectGroup> getGroups() {
        return groups;
    }

    public List<PositionTitle> getTitles() {
        return titles;
    }

    public Course getCourse() {
        return course;
    }

    public boolean isEditable() {
        return editable;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitleVi() {
        return titleVi;
    }

    public void setTitleVi(String titleVi) {
        this.titleVi = titleVi;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getDescriptionVi() {
        return descriptionVi;
    }

    public void setDescriptionVi(String descriptionVi) {
        this.descriptionVi = descriptionVi;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public Long getSubjectGroupId() {
        return subjectGroupId;
    }

    public void setSubjectGroupId(Long subjectGroupId) {
        this.subjectGroupId = subjectGroupId;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public void setKind(ActivityKind kind) {
        this.kind = kind;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public List<Long> getTitleIds() {
        return titleIds;
    }

    public void setTitleIds(List<Long> titleIds) {
        this.titleIds = titleIds;
    }

    public List<Course> getPrerequisites() {
        return prerequisites;
    }

    public void setPrerequisites(List<Course> prerequisites) {
        this.prerequisites = prerequisites;
    }

    public Integer getMinAttendancePct() {
        return minAttendancePct;
    }

    public void setMinAttendancePct(Integer minAttendancePct) {
        this.minAttendancePct = minAttendancePct;
    }

    public boolean isHasAssessment() {
        return hasAssessment;
    }

    public boolean isExcusedCounts() {
        return excusedCounts;
    }

    public void setExcusedCounts(boolean excusedCounts) {
        this.excusedCounts = excusedCounts;
    }

    public void setHasAssessment(boolean hasAssessment) {
        this.hasAssessment = hasAssessment;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }

    public void setPassMark(BigDecimal passMark) {
        this.passMark = passMark;
    }

    public boolean isIssuesCertificate() {
        return issuesCertificate;
    }

    public void setIssuesCertificate(boolean issuesCertificate) {
        this.issuesCertificate = issuesCertificate;
    }

    public boolean isCertificateForever() {
        return certificateForever;
    }

    public void setCertificateForever(boolean certificateForever) {
        this.certificateForever = certificateForever;
    }

    public Integer getCertificateYears() {
        return certificateYears;
    }

    public void setCertificateYears(Integer certificateYears) {
        this.certificateYears = certificateYears;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
