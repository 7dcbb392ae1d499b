package vn.cadretraining.reporting.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cadretraining.catalog.entity.ActivityKind;

/**
 * A change to the progress summaries, gathered before it is written: turns by (unit, day, subject group), and
 * per (cadre, year, unit) how many completions appear or leave. Knowing the rows of {@code progress_cadre} as
 * they stand, it says which rows appear, change or go, and so how the (unit, year, ethnicity, gender) counters
 * move: a row that appears adds a cadre, one that goes removes one. Keys are kept sorted, so that every
 * transaction writes the shared rows (the province's) in the same order.
 */
public final class ProgressDelta {

    /** Ethnicity as stored in the summaries: '' when not recorded (a key column cannot be null). */
    public static String ethnicity(String code) {
        return code == null ? "" : code;
    }

    /** Briefing conferences are not training: their participants' completions never count. */
    public static boolean briefing(String kind) {
        return ActivityKind.PERIODIC_BRIEFING.name().equals(kind) || ActivityKind.THEMATIC_BRIEFING.name().equals(kind);
    }

    public record TurnKey(long unitId, LocalDate day, long groupId) {
    }

    public record CadreKey(long cadreId, int year, long unitId) {
    }

    public record PeopleKey(long unitId, int year, String ethnicity, String gender) {
    }

    /** A row of {@code progress_cadre}: the turns counted and the pair they were counted with. */
    public record Counted(int turns, String ethnicity, String gender) {
    }

    private static final Comparator<TurnKey> TURN_ORDER = Comparator.comparingLong(TurnKey::unitId)
            .thenComparing(TurnKey::day).thenComparingLong(TurnKey::groupId);
    private static final Comparator<CadreKey> CADRE_ORDER = Comparator.comparingLong(CadreKey::cadreId)
            .thenComparingInt(CadreKey::year).thenComparingLong(CadreKey::unitId);
    public static final Comparator<PeopleKey> PEOPLE_ORDER = Comparator.comparingLong(PeopleKey::unitId)
            .thenComparingInt(PeopleKey::year).thenComparing(PeopleKey::ethnicity).thenComparing(PeopleKey::gender);

    private final Map<TurnKey, Integer> turns = new TreeMap<>(TURN_ORDER);
    private final Map<CadreKey, Counted> cadres = new TreeMap<>(CADRE_ORDER);

    /** The units of a path ("/1/5/23/"), from the top: a unit and all those above it. */
    public static List<Long> units(String path) {
        List<Long> ids = new ArrayList<>();
        for (String id : path.split("/")) {
            if (!id.isEmpty()) {
                ids.add(Long.valueOf(id));
            }
        }
        return ids;
    }

    /**
     * One completion ({@code sign} +1) or its removal (-1), made under a unit whose history today's unit at
     * {@code path} carries: it counts under that unit and every unit above it.
     */
    public void completion(long cadreId, String path, LocalDate day, long groupId, String ethnicity, String gender,
            int sign) {
        for (long unit : units(path)) {
            addTurns(new TurnKey(unit, day, groupId), sign);
            addCadre(new CadreKey(cadreId, day.getYear(), unit), sign, ethnicity, gender);
        }
    }

    /** Turns of a day and group counted, or no longer counted, under these units. */
    public void turns(Set<Long> units, LocalDate day, long groupId, int n) {
        for (long unit : units) {
            addTurns(new TurnKey(unit, day, groupId), n);
        }
    }

    /** A cadre's turns of a year counted, or no longer counted, under these units. */
    public void cadre(Set<Long> units, long cadreId, int year, int n, String ethnicity, String gender) {
        for (long unit : units) {
            addCadre(new CadreKey(cadreId, year, unit), n, ethnicity, gender);
        }
    }

    /**
     * What a unit's rows move to when what counted under it counts under other units from now on: the units
     * it leaves are on the path it had and not on the new one; those it joins the reverse.
     */
    public static Set<Long> minus(List<Long> these, List<Long> those) {
        Set<Long> s = new TreeSet<>(these);
        s.removeAll(those);
        return s;
    }

    private void addTurns(TurnKey k, int n) {
        turns.merge(k, n, Integer::sum);
    }

    private void addCadre(CadreKey k, int n, String ethnicity, String gender) {
        cadres.merge(k, new Counted(n, ethnicity, gender),
                (a, b) -> new Counted(a.turns() + b.turns(), a.ethnicity(), a.gender()));
    }

    public Map<TurnKey, Integer> turns() {
        turns.values().removeIf(n -> n == 0);
        return turns;
    }

    public Map<CadreKey, Counted> cadres() {
        cadres.values().removeIf(c -> c.turns() == 0);
        return cadres;
    }

    public boolean isEmpty() {
        return turns().isEmpty() && cadres().isEmpty();
    }

    /** The cadres concerned, in order. */
    public Set<Long> cadreIds() {
        Set<Long> ids = new TreeSet<>();
        cadres().keySet().forEach(k -> ids.add(k.cadreId()));
        return ids;
    }

    /** How the rows of {@code progress_cadre} change, and the counters with them. */
    public record Plan(Map<CadreKey, Counted> inserts, Map<CadreKey, Integer> updates, List<CadreKey> deletes,
            Map<PeopleKey, int[]> people) {
    }

    /**
     * The plan against the rows as they stand ({@code existing}: at least those of the keys concerned). A row
     * whose turns fall to 0 or below goes; its counter loses what the row held, so that a stale row never leaves
     * a negative count behind.
     */
    public Plan plan(Map<CadreKey, Counted> existing) {
        Map<CadreKey, Counted> inserts = new TreeMap<>(CADRE_ORDER);
        Map<CadreKey, Integer> updates = new TreeMap<>(CADRE_ORDER);
        List<CadreKey> deletes = new ArrayList<>();
        Map<PeopleKey, int[]> people = new TreeMap<>(PEOPLE_ORDER);
        for (Map.Entry<CadreKey, Counted> e : cadres().entrySet()) {
            CadreKey k = e.getKey();
            Counted d = e.getValue();
            Counted now = existing.get(k);
            if (now == null) {
                if (d.turns() > 0) {
                    inserts.put(k, d);
                    move(people, k, d.ethnicity(), d.gender(), d.turns(), 1);
                }
            } else if (now.turns() + d.turns() > 0) {
                updates.put(k, d.turns());
                move(people, k, now.ethnicity(), now.gender(), d.turns(), 0);
            } else {
                deletes.add(k);
                move(people, k, now.ethnicity(), now.gender(), -now.turns(), -1);
            }
        }
        people.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        return new Plan(inserts, updates, deletes, people);
    }

    private static void move(Map<PeopleKey, int[]> people, CadreKey k, String ethnicity, String gender, int turns,
            int cadres) {
        int[] v = people.computeIfAbsent(new PeopleKey(k.unitId(), k.year(), ethnicity, gender), x -> new int[2]);
        v[0] += turns;
        v[1] += cadres;
    }
}
