package vn.cadretraining.catalog.entity;

/** What kind of training activity a course is. Briefings are counted per quarter against the targets. */
public enum ActivityKind {
    /** Lớp bồi dưỡng. */
    TRAINING_COURSE,
    /** Hội nghị giao ban định kỳ (quarterly). */
    PERIODIC_BRIEFING,
    /** Hội nghị giao ban chuyên đề. */
    THEMATIC_BRIEFING,
    /** Tham quan học tập kinh nghiệm. */
    STUDY_TOUR;
}
