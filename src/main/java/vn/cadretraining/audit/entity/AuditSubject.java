package vn.cadretraining.audit.entity;

/** The kind of thing an audit entry is about; its id is of that kind's table. Stored by name. */
public enum AuditSubject {
    /** An enrollment (a cadre's place in a class): attendance marks, scores, outcomes. */
    ENROLLMENT,
    CLASS,
    CERTIFICATE,
    TARGET,
    ACCOUNT,
    /** A roster import: no row of its own, the id is empty and the label is the file's name. */
    IMPORT,
    UNIT,
    COMMENDATION,
    /** A cadre: a candidate for commendation set aside for a year. */
    CADRE,
    PETITION
}
