package vn.cadretraining.people.service.transfer;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;
import vn.cadretraining.shared.text.TextFold;

/**
 * What the rows of one file are checked against, read from the database just before (for the preview, and
 * again inside the transaction that applies them): the reference lists, the units and existing cadres the
 * file names, and the importer's scope. Built from plain values so that the rules can be tested without a
 * database.
 */
public final class ImportReferences {

    /** A unit named by a row. {@code current}: in service today; {@code roster}: below the province level. */
    public record Unit(long id, String code, String name, String path, boolean current, boolean roster)
            implements Serializable {
    }

    /** A title, as rows may name it (code, Vietnamese or English name, or one part of a long name). */
    public record Title(long id, String code, String nameVi, String nameEn, boolean active) implements Serializable {
    }

    public record Ethnicity(String code, String nameVi, String nameEn) {
    }

    /** A title a cadre holds now, at a unit. */
    public record Held(long titleId, long unitId) implements Serializable {
    }

    /** A cadre already on some roster, with what an import compares and the titles they hold now. */
    public record Existing(long id, long version, String code, String fullName, String fullNameFolded, Gender gender,
            LocalDate birthDate, String ethnicityCode, String phone, EducationLevel education,
            PoliticalTheoryLevel politicalTheory, boolean partyMember, LocalDate partyJoined, String nationalId,
            long unitId, String unitPath, Set<Held> held) {
    }

    private final Predicate<String> scope;
    private final LocalDate today;
    private final Map<String, String> ethnicities = new HashMap<>();
    private final Map<String, Title> titles = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Existing> cadres = new HashMap<>();

    /**
     * @param scope true for a unit path the importer may change (their subtree, or everything)
     * @param today the day in Vietnam, for "born in the future" and "unit in service"
     */
    public ImportReferences(Predicate<String> scope, LocalDate today, Collection<Ethnicity> ethnicities,
            Collection<Title> titles, Collection<Unit> units, Collection<Existing> cadres) {
        this.scope = scope;
        this.today = today;
        Set<String> ambiguous = new HashSet<>();
        for (Ethnicity e : ethnicities) {
            for (String name : names(e.code(), e.nameVi(), e.nameEn())) {
                add(this.ethnicities, ambiguous, name, e.code());
            }
        }
        ambiguous.clear();
        for (Title t : titles) {
            for (String name : names(t.code(), t.nameVi(), t.nameEn())) {
                add(this.titles, ambiguous, name, t);
            }
            // "Trưởng thôn, trưởng khu phố, tổ trưởng tổ dân phố": each of these is the same title
            for (String part : t.nameVi().split(",")) {
                add(this.titles, ambiguous, RosterColumn.key(part), t);
            }
        }
        for (Unit u : units) {
            this.units.put(unitKey(u.code()), u);
        }
        for (Existing c : cadres) {
            this.cadres.put(c.code(), c);
        }
    }

    /** The code, the names, and any name in brackets ("Sán Chay (Sán Chỉ)" is also "Sán Chỉ"). */
    private static Set<String> names(String code, String nameVi, String nameEn) {
        Set<String> keys = new HashSet<>();
        for (String name : new String[] {code, nameVi, nameEn}) {
            if (name == null) {
                continue;
            }
            keys.add(RosterColumn.key(name));
            int open = name.indexOf('(');
            int close = name.indexOf(')', open + 1);
            if (open > 0 && close > open) {
                keys.add(RosterColumn.key(name.substring(0, open)));
                keys.add(RosterColumn.key(name.substring(open + 1, close)));
            }
        }
        keys.remove("");
        return keys;
    }

    /** A name that could mean two things means neither: the row must say which. */
    private static <V> void add(Map<String, V> map, Set<String> ambiguous, String key, V value) {
        if (key.isEmpty() || ambiguous.contains(key)) {
            return;
        }
        V before = map.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
            map.remove(key);
            ambiguous.add(key);
        }
    }

    static String unitKey(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The ethnic group's code for what a row wrote ("Tày", "Tay", "TAY"), or null. */
    public String ethnicity(String typed) {
        return ethnicities.get(RosterColumn.key(typed));
    }

    public Title title(String typed) {
        return titles.get(RosterColumn.key(typed));
    }

    public Unit unit(String code) {
        return units.get(unitKey(code));
    }

    public Existing cadre(String normalizedCode) {
        return cadres.get(normalizedCode);
    }

    public boolean covers(String unitPath) {
        return scope.test(unitPath);
    }

    public LocalDate today() {
        return today;
    }

    /** The fold a name is compared with, as stored in {@code cadre.full_name_folded}. */
    static String folded(String name) {
        return TextFold.fold(name);
    }
}
