package vn.cadretraining.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/** What is taught: a course, with the titles it is meant for, its prerequisites and its completion rule. */
@Entity
@Table(name = "course")
public class Course extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** Upper-case letters, digits, "_" and "-": codes are read aloud and typed on phones. */
    public static final String CODE_PATTERN = "[A-Z0-9_-]{2,30}";
    public static final int TITLE_LENGTH = Lengths.TITLE;
    public static final int DESCRIPTION_LENGTH = Lengths.DESCRIPTION;

    @Column(name = "code", nullable = false, length = Lengths.CATALOG_CODE, updatable = false)
    private String code;

    @Column(name = "title_vi", nullable = false, length = Lengths.TITLE)
    private String titleVi;

    @Column(name = "title_en", nullable = false, length = Lengths.TITLE)
    private String titleEn;

    @Column(name = "title_folded", nullable = false, length = Lengths.TITLE)
    private String titleFolded;

    @Column(name = "description_vi", length = Lengths.DESCRIPTION)
    private String descriptionVi;

    @Column(name = "description_en", length = Lengths.DESCRIPTION)
    private String descriptionEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_group_id", nullable = false)
    private SubjectGroup subjectGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = Lengths.LONG_ENUM)
    private ActivityKind kind;

    @Column(name = "hours", nullable = false, precision = 6, scale = 1)
    private BigDecimal hours;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "course_title", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "title_id"))
    @BatchFetch(BatchFetchType.IN)
    private Set<PositionTitle> titles = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "course_prerequisite", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "required_id"))
    @BatchFetch(BatchFetchType.IN)
    private Set<Course> prerequisites = new HashSet<>();

    @Embedded
    private CompletionRule rule = new CompletionRule();

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Course() {
    }

    public Course(String code, String titleVi, String titleEn, SubjectGroup subjectGroup, ActivityKind kind,
            BigDecimal hours) {
        this.code = normalizeCode(code);
        if (this.code == null || !this.code.matches(CODE_PATTERN)) {
            throw new BusinessException("course.error.code");
        }
        describe(titleVi, titleEn, null, null, subjectGroup, kind, hours);
    }

    public final void describe(String newTitleVi, String newTitleEn, String newDescriptionVi, String newDescriptionEn,
            SubjectGroup newSubjectGroup, ActivityKind newKind, BigDecimal newHours) {
        if (newTitleVi == null || newTitleVi.isBlank()) {
            throw new BusinessException("course.error.title");
        }
        if (newSubjectGroup == null || newKind == null) {
            throw new BusinessException("course.error.groupAndKind");
        }
        if (newHours == null || newHours.signum() <= 0) {
            throw new BusinessException("course.error.hours");
        }
        this.titleVi = newTitleVi.strip();
        this.titleEn = newTitleEn == null || newTitleEn.isBlank() ? this.titleVi : newTitleEn.strip();
        this.descriptionVi = newDescriptionVi;
        this.descriptionEn = newDescriptionEn;
        this.subjectGroup = newSubjectGroup;
        this.kind = newKind;
        this.hours = newHours;
    }

    public static String normalizeCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public void setRule(CompletionRule newRule) {
        if (newRule.getMinAttendancePct() < 1 || newRule.getMinAttendancePct() > 100) {
            throw new BusinessException("course.error.attendancePct");
        }
        if (newRule.isHasAssessment() && (newRule.getPassMark() == null || newRule.getPassMark().signum() < 0
                || newRule.getPassMark().compareTo(BigDecimal.TEN) > 0)) {
            throw new BusinessException("course.error.passMark");
        }
        if (newRule.getCertificateYears() != null && newRule.getCertificateYears() < 1) {
            throw new BusinessException("course.error.certificateYears");
        }
        this.rule = newRule;
    }

    public void meantFor(Collection<PositionTitle> newTitles) {
        titles.clear();
        titles.addAll(newTitles);
    }

    /** Sets the courses to complete first; a course cannot require itself, even through another. */
    public void require(Collection<Course> courses) {
        for (Course c : courses) {
            if (c.equals(this) || c.requiresTransitively(this, new HashSet<>())) {
                throw new BusinessException("course.error.prerequisiteCycle", c.getCode());
            }
        }
        prerequisites.clear();
        prerequisites.addAll(courses);
    }

    private boolean requiresTransitively(Course target, Set<Course> seen) {
        if (!seen.add(this)) {
            return false;
        }
        for (Course p : prerequisites) {
            if (p.equals(target) || p.requiresTransitively(target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** True when the course is for everyone, or for one of these titles. */
    public boolean isMeantForAnyOf(Collection<Long> titleIds) {
        return titles.isEmpty() || titles.stream().anyMatch(t -> titleIds.contains(t.getId()));
    }

    public void retire() {
        active = false;
    }

    public void reinstate() {
        active = true;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        titleFolded = TextFold.fold(titleVi + " " + titleEn + " " + code);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleVi;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionVi;
    }

    public String getCode() {
        return code;
    }

    public String getTitleVi() {
        return titleVi;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getDescriptionVi() {
        return descriptionVi;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public SubjectGroup getSubjectGroup() {
        return subjectGroup;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public Set<PositionTitle> getTitles() {
        return titles;
    }

    public Set<Course> getPrerequisites() {
        return prerequisites;
    }

    public CompletionRule getRule() {
        return rule;
    }

    public boolean isActive() {
        return active;
    }
}
