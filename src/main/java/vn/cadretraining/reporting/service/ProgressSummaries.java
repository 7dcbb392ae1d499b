package vn.cadretraining.reporting.service;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.service.SessionEvents;
import vn.cadretraining.certification.service.ResultEvents;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.people.service.PeopleEvents;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.service.PetitionEvents;
import vn.cadretraining.reporting.entity.ProgressDelta;
import vn.cadretraining.reporting.entity.ProgressDelta.PeopleKey;

/**
 * Keeps the progress summaries (see the package's notes) in the transaction of each change that moves a figure,
 * told by the features below through their events. Each change reads what it moves and writes it in a few
 * batched statements.
 */
@Stateless
public class ProgressSummaries {

    @PersistenceContext
    EntityManager em;

    @Inject
    HoldersBefore before;

    /** A class's results closed: its completions count from now on. */
    public void onClassClosed(@Observes ResultEvents.Closed closed) {
        briefing(closed.classId());
        run(c -> {
            ProgressDelta delta = new ProgressDelta();
            addCompletions(c, delta, " AND e.class_id = ?", closed.classId());
            SummaryRows.apply(c, delta);
            // its participants' title-holder counts: before, without the class; now, with it
            Map<Long, Integer> holders = new HashMap<>();
            HolderRows.count(c, HolderRows.cadresWithCompletions(c, "e.class_id = ?", closed.classId()),
                    HolderRows.COUNTED.and(d -> d.classId() != closed.classId()), HolderRows.COUNTED, holders);
            HolderRows.apply(c, holders);
        });
    }

    /** A class's status, first day, organiser or invitations changed: a briefing is counted again. */
    public void onClassChanged(@Observes SessionEvents.ClassChanged changed) {
        briefing(changed.classId());
    }

    /** A class called off: a briefing no longer counts as held. */
    public void onClassCancelled(@Observes SessionEvents.ClassCancelled cancelled) {
        briefing(cancelled.classId());
    }

    /** A session called off: the marks of it no longer make a briefing's invitee one who attended. */
    public void onSessionCancelled(@Observes SessionEvents.Cancelled cancelled) {
        briefing(cancelled.classId());
    }

    /** Marks saved: a briefing's invitees who attended are counted again. */
    public void onAttendanceChanged(@Observes AttendanceService.AttendanceChanged changed) {
        briefing(changed.classId());
    }

    /**
     * A briefing counted again from its records, the difference moved into the counters. A training class (most
     * changes) costs nothing here: its course is in the persistence context already, and no lock is taken.
     */
    private void briefing(long classId) {
        CourseClass k = em.find(CourseClass.class, classId);
        if (k != null && ProgressDelta.briefing(k.getCourse().getKind().name())) {
            run(c -> BriefingRows.refresh(c, List.of(classId)));
        }
    }

    /**
     * A petition recorded or moved a step: the difference of what it counts moves into the counters of its year. A
     * step that changes nothing counted (assigned, handling begun) costs nothing here: no statement, no lock.
     */
    public void onPetitionChanged(@Observes PetitionEvents.Changed changed) {
        Petition p = em.find(Petition.class, changed.petitionId());
        PetitionRows.Standing after = new PetitionRows.Standing(p.getState(), p.getReopenedOn() != null,
                p.getTransferredOn() != null, p.getAnsweredOn());
        PetitionRows.Standing before = changed.stateBefore() == null ? null : new PetitionRows.Standing(
                changed.stateBefore(), changed.reopenedBefore(), changed.transferredBefore(), changed.answeredBefore());
        if (before == null || !Arrays.equals(before.counts(), after.counts())
                || !Objects.equals(before.days(p.getReceivedOn()), after.days(p.getReceivedOn()))) {
            run(c -> PetitionRows.change(c, p.getHamlet().getId(), p.getReceivedOn(), p.getField().name(), before,
                    after));
        }
    }

    /** A unit moved with its subtree: what counts under it leaves the units it was under and joins the new ones. */
    public void onSubtreeMoved(@Observes UnitEvents.SubtreeMoved moved) {
        List<Long> before = ProgressDelta.units(moved.oldPath());
        List<Long> after = ProgressDelta.units(moved.newPath());
        long unit = after.get(after.size() - 1);
        run(c -> {
            carry(c, unit, ProgressDelta.minus(before, after), ProgressDelta.minus(after, before));
            SummaryRows.moved(c, unit);
        });
    }

    /**
     * Units merged: each source's records count under the successor and the units above it from now on, and no
     * longer under the source (closed) nor the units above it that are not above the successor. The sources'
     * children have moved already ({@link #onSubtreeMoved}), taking their own records with them.
     */
    public void onMerged(@Observes UnitEvents.Merged merged) {
        run(c -> {
            List<Long> successor = ProgressDelta.units(path(c, merged.successorId()));
            for (long source : merged.sourceIds()) {
                List<Long> above = ProgressDelta.units(path(c, source));
                above.remove(above.size() - 1);
                Set<Long> leave = ProgressDelta.minus(above, successor);
                leave.add(source);
                carry(c, source, leave, ProgressDelta.minus(successor, above));
            }
        });
    }

    /**
     * Cadres' positions about to change: what they count as title holders now is read, to be taken away once
     * changed. The summaries' lock is taken here, before the change writes anything, so that no other change of
     * these cadres comes between what is read now and what is read after.
     */
    public void onPositionsChanging(@Observes PeopleEvents.PositionsChanging changing) {
        before(changing.cadreIds());
    }

    /** Cadres' positions changed: what they counted before taken away, what they count now added. */
    public void onPositionsChanged(@Observes PeopleEvents.PositionsChanged changed) {
        after(changed.cadreIds());
    }

    /**
     * Units about to be merged: the title holders under them and under the target are read as they count now, to
     * be counted again once the merge is done ({@link #afterMerge}).
     */
    public void onMerging(@Observes UnitEvents.Merging merging) {
        List<Long> units = new ArrayList<>(merging.sourceIds());
        if (merging.targetId() != null) {
            units.add(merging.targetId());
        }
        run(c -> {
            List<String> paths = new ArrayList<>();
            for (long unit : units) {
                paths.add(path(c, unit));
            }
            before.cadres().addAll(HolderRows.cadresUnder(c, paths));
        });
        before(List.of());
    }

    /**
     * The title holders read before a merge ({@link #onMerging}) counted again: after the other features' observers
     * (positions continued at the successor). The same cadres: those under the successor now were under the sources
     * or the target, and a closed unit left under a source keeps its holders under the source's path.
     */
    public void afterMerge(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) UnitEvents.Merged merged) {
        after(List.of());
    }

    /**
     * Reads what these cadres (and those already named for this change) count now, to be taken away. None (a roster
     * import of new cadres only): nothing to read, and no lock held through the import's writes.
     */
    private void before(List<Long> cadreIds) {
        before.cadres().addAll(cadreIds);
        if (!before.cadres().isEmpty()) {
            run(c -> HolderRows.count(c, before.cadres(), HolderRows.COUNTED, null, before.change()));
        }
    }

    /** Adds what the cadres read before the change (and these) count now, and writes the difference. */
    private void after(List<Long> cadreIds) {
        before.cadres().addAll(cadreIds);
        if (before.cadres().isEmpty()) {
            return;
        }
        run(c -> {
            HolderRows.count(c, before.cadres(), null, HolderRows.COUNTED, before.change());
            HolderRows.apply(c, before.change());
            before.clear();
        });
    }

    /**
     * A course's subject group or kind changed: its completions leave the group they counted in (if its old
     * kind counted) and join the new one (if the new kind counts).
     */
    public void onCourseRegrouped(@Observes SessionEvents.CourseRegrouped regrouped) {
        String where = " AND k.course_id = ?";
        run(c -> {
            ProgressDelta delta = new ProgressDelta();
            if (!ProgressDelta.briefing(regrouped.oldKind())) {
                try (PreparedStatement s = c.prepareStatement(SummaryRows.completionsOfAnyKind(where))) {
                    SummaryRows.bindOutcome(s);
                    s.setLong(3, regrouped.courseId());
                    try (ResultSet r = s.executeQuery()) {
                        SummaryRows.addCompletions(r, delta, -1, regrouped.oldSubjectGroupId());
                    }
                }
            }
            addCompletions(c, delta, where, regrouped.courseId());
            SummaryRows.apply(c, delta);
            // made a briefing or no longer one: its participants' completions leave or join the holders' counts
            boolean wasBriefing = ProgressDelta.briefing(regrouped.oldKind());
            if (wasBriefing == ProgressDelta.briefing(kind(c, regrouped.courseId()))) {
                return;
            }
            Map<Long, Integer> holders = new HashMap<>();
            HolderRows.count(c, HolderRows.cadresWithCompletions(c, "k.course_id = ?", regrouped.courseId()),
                    d -> d.courseId() == regrouped.courseId() ? !wasBriefing : HolderRows.COUNTED.test(d),
                    HolderRows.COUNTED, holders);
            HolderRows.apply(c, holders);
            // and its classes start or stop counting as briefings held
            BriefingRows.refresh(c, BriefingRows.classesOf(c, regrouped.courseId()));
        });
    }

    /** Adds to the change the completions counted by the rule among the records {@code where} names by one id. */
    private static void addCompletions(Connection c, ProgressDelta delta, String where, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SummaryRows.completions(where))) {
            SummaryRows.bindCompletions(s);
            s.setLong(5, id);
            try (ResultSet r = s.executeQuery()) {
                SummaryRows.addCompletions(r, delta, 1);
            }
        }
    }

    /** Cadres described anew: what they counted moves to their new ethnicity and gender. */
    public void onDescribed(@Observes PeopleEvents.Described described) {
        if (described.cadreIds().isEmpty()) {
            return;
        }
        run(c -> moveDescribed(c, described.cadreIds()));
    }

    /** Moves the rows of these cadres counted with another ethnicity or gender than theirs today. */
    static void moveDescribed(Connection c, List<Long> cadreIds) throws SQLException {
        Map<PeopleKey, int[]> people = new TreeMap<>(ProgressDelta.PEOPLE_ORDER);
        List<Object[]> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(cadreIds));
        for (int i = 0; i < ids.size(); i += SummaryRows.IN_AT_ONCE) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + SummaryRows.IN_AT_ONCE));
            try (PreparedStatement s = c.prepareStatement("SELECT r.cadre_id, r.year_no, r.unit_id, r.turns,"
                    + " r.ethnicity_code, r.gender, d.ethnicity_code, d.gender FROM progress_cadre r"
                    + " JOIN cadre d ON d.id = r.cadre_id WHERE r.cadre_id IN (" + SummaryRows.marks(part.size()) + ")"
                    + " AND (r.ethnicity_code <> COALESCE(d.ethnicity_code, '') OR r.gender <> d.gender)")) {
                for (int j = 0; j < part.size(); j++) {
                    s.setLong(j + 1, part.get(j));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long unit = r.getLong(3);
                        int year = r.getInt(2);
                        int turns = r.getInt(4);
                        String eth = ProgressDelta.ethnicity(r.getString(7));
                        String gender = r.getString(8);
                        add(people, new PeopleKey(unit, year, r.getString(5), r.getString(6)), -turns, -1);
                        add(people, new PeopleKey(unit, year, eth, gender), turns, 1);
                        rows.add(new Object[] {eth, gender, r.getLong(1), year, unit});
                    }
                }
            }
        }
        SummaryRows.batch(c, "UPDATE progress_cadre SET ethnicity_code = ?, gender = ?"
                + " WHERE cadre_id = ? AND year_no = ? AND unit_id = ?", rows);
        people.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        SummaryRows.people(c, people);
    }

    private static void add(Map<PeopleKey, int[]> people, PeopleKey k, int turns, int cadres) {
        int[] v = people.computeIfAbsent(k, x -> new int[2]);
        v[0] += turns;
        v[1] += cadres;
    }

    /**
     * What counts under {@code unit} (its rows) stops counting under {@code leave} and starts under {@code join}.
     */
    private static void carry(Connection c, long unit, Set<Long> leave, Set<Long> join) throws SQLException {
        if (leave.isEmpty() && join.isEmpty()) {
            return;
        }
        ProgressDelta delta = new ProgressDelta();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT end_date, subject_group_id, turns FROM progress_turns WHERE unit_id = ?")) {
            s.setLong(1, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    delta.turns(leave, r.getDate(1).toLocalDate(), r.getLong(2), -r.getInt(3));
                    delta.turns(join, r.getDate(1).toLocalDate(), r.getLong(2), r.getInt(3));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT cadre_id, year_no, turns, ethnicity_code, gender"
                + " FROM progress_cadre WHERE unit_id = ?")) {
            s.setLong(1, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    delta.cadre(leave, r.getLong(1), r.getInt(2), -r.getInt(3), r.getString(4), r.getString(5));
                    delta.cadre(join, r.getLong(1), r.getInt(2), r.getInt(3), r.getString(4), r.getString(5));
                }
            }
        }
        SummaryRows.apply(c, delta);
        BriefingRows.carry(c, unit, leave, join);
        PetitionRows.carry(c, unit, leave, join);
    }

    private static String kind(Connection c, long courseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT kind FROM course WHERE id = ?")) {
            s.setLong(1, courseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String path(Connection c, long unitId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM admin_unit WHERE id = ?")) {
            s.setLong(1, unitId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no unit " + unitId);
                }
                return r.getString(1);
            }
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** On the transaction's connection, after what the entities changed is written; one change at a time. */
    private void run(Work work) {
        em.flush();
        try {
            Connection c = em.unwrap(Connection.class);
            SummaryRows.serialize(c);
            work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException("keeping the progress summaries failed", e);
        }
    }
}
