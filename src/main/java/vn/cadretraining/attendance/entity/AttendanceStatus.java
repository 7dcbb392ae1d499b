package vn.cadretraining.attendance.entity;

/** How a cadre was at a session. */
public enum AttendanceStatus {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    /** Present, or late: the person was there. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
