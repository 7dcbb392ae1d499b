package vn.cadretraining.inbox.entity;

/** What a notification is about. */
public enum NotificationKind {
    NOMINATED,
    REQUEST_RECEIVED,
    APPROVED,
    WAITLISTED,
    DECLINED,
    PROMOTED,
    WITHDRAWN,
    SESSION_CHANGED,
    SESSION_CANCELLED,
    CLASS_CANCELLED,
    /** A petition the cadre raised moved a step. */
    PETITION,
    OTHER
}
