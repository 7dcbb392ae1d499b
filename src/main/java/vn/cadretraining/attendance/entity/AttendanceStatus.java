package vn.cadretraining.attendance.entity;

/** How a cadre was at a session. */
public enum AttendanceStatus {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    /**
     * Known before the session starts: a cadre who sends word ahead is excused; present, late or absent are facts
     * of the session itself, refused until it starts.
     */
    public boolean knownAhead() {
        return this == EXCUSED;
    }

    /** Present, or late: the person was there. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
