package vn.cadretraining.attendance.entity;

/** Where a mark came from. */
public enum MarkSource {
    /** The trainer's grid (on the spot, or entered afterwards from the paper sheet). */
    GRID,
    /** The cadre scanned the session's QR code. */
    QR
}
