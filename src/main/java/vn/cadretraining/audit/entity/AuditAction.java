package vn.cadretraining.audit.entity;

/** What an audit entry records. Stored by name: never rename a constant, add new ones. */
public enum AuditAction {
    ATTENDANCE_MARKED,
    SCORE_RECORDED,
    OUTCOME_DECIDED,
    CLASS_CLOSED,
    CERTIFICATE_ISSUED,
    CERTIFICATE_REVOKED,
    TARGET_SAVED,
    ACCOUNT_CREATED,
    ACCOUNT_ROLE_CHANGED,
    ACCOUNT_SCOPE_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_RESET,
    ROSTER_IMPORTED,
    UNITS_MERGED,
    COMMENDATION_RECORDED,
    PETITION_RECORDED,
    PETITION_MOVED
}
