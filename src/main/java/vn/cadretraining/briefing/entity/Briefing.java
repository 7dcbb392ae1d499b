package vn.cadretraining.briefing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The facts of a briefing conference that its class does not hold: the chair and the secretary as the minutes name
 * them (free text: the chair is often a guest from the level above, not on the roster), and the theme of a thematic
 * briefing, which a thematic one must have before its minutes are drawn up.
 */
@Entity
@Table(name = "briefing")
public class Briefing extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_LENGTH = Lengths.NAME;
    public static final int THEME_LENGTH = Lengths.TITLE;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false, updatable = false)
    private CourseClass courseClass;

    @Column(name = "chair_name", length = NAME_LENGTH)
    private String chairName;

    @Column(name = "chair_position", length = NAME_LENGTH)
    private String chairPosition;

    @Column(name = "secretary_name", length = NAME_LENGTH)
    private String secretaryName;

    @Column(name = "theme", length = THEME_LENGTH)
    private String theme;

    protected Briefing() {
    }

    /** The facts of a briefing class; refused for a class of any other kind. */
    public Briefing(CourseClass courseClass) {
        if (!isBriefing(courseClass)) {
            throw new BusinessException("briefing.error.notBriefing");
        }
        this.courseClass = courseClass;
    }

    public static boolean isBriefing(CourseClass cls) {
        ActivityKind kind = cls.getCourse().getKind();
        return kind == ActivityKind.PERIODIC_BRIEFING || kind == ActivityKind.THEMATIC_BRIEFING;
    }

    public boolean isThematic() {
        return courseClass.getCourse().getKind() == ActivityKind.THEMATIC_BRIEFING;
    }

    /** Who chaired and who kept the minutes; a thematic briefing names its theme, a periodic one has none. */
    public void describe(String chair, String position, String secretary, String newTheme) {
        String t = clean(newTheme, THEME_LENGTH);
        if (isThematic() && t == null) {
            throw new BusinessException("briefing.error.theme");
        }
        this.chairName = clean(chair, NAME_LENGTH);
        this.chairPosition = clean(position, NAME_LENGTH);
        this.secretaryName = clean(secretary, NAME_LENGTH);
        this.theme = isThematic() ? t : null;
    }

    private static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (v.length() > max) {
            throw new BusinessException("briefing.error.tooLong", max);
        }
        return v;
    }

    public CourseClass getCourseClass() {
        return courseClass;
    }

    public String getChairName() {
        return chairName;
    }

    public String getChairPosition() {
        return chairPosition;
    }

    public String getSecretaryName() {
        return secretaryName;
    }

    public String getTheme() {
        return theme;
    }
}
