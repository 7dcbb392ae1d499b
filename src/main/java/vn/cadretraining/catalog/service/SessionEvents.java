package vn.cadretraining.catalog.service;

/**
 * What the catalog tells other features about sessions and classes, inside the same transaction (synchronous
 * CDI events, as {@code UnitEvents} does for units): enrollment observes them to tell the enrolled cadres. The
 * catalog does not know who is enrolled; an observer that throws rolls the change back.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /**
     * A session changed. {@code what} lists the parts that changed, comma-separated, from {@code date},
     * {@code time}, {@code topic}, {@code trainer}, {@code venue} (a class moved to another place changes the
     * venue of every session that has none of its own).
     */
    public record Changed(long sessionId, long classId, String what) {
    }

    /** A session was cancelled, for the reason given (shown to the cadres). */
    public record Cancelled(long sessionId, long classId, String reason) {
    }

    /** The whole class was cancelled: none of its sessions will take place. */
    public record ClassCancelled(long classId) {
    }

    /**
     * What a briefing's figures count may have changed: the class's status, first day or organiser (here; a new
     * class is a draft, which counts nothing), who is invited (enrollment and briefings fire it too). Marks and
     * cancelled sessions are told by their own events.
     */
    public record ClassChanged(long classId) {
    }

    /**
     * A course's subject group or kind changed (from those given): what its classes counted moves with it
     * (progress counts turns by subject group, and briefings apart from training).
     */
    public record CourseRegrouped(long courseId, long oldSubjectGroupId, String oldKind) {
    }
}
