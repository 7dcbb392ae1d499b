package vn.cadretraining.org.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A merge as asked for: several units become one on a date. The successor is either one of the existing
 * units, extended, or a new unit of the same level. This value checks the rules before anything is
 * written; each problem is a bundle key with its arguments.
 *
 * <p>The rules: at least two units take part; all of them are of the same level (hamlets with hamlets,
 * communes with communes); each is in service the day before the merge and stays in service on it (a unit
 * cannot be merged on or before the day it began, nor after it ended).
 */
public record UnitMerge(List<AdminUnit> sources, AdminUnit target, UnitKind newKind, LocalDate effective) {

    /** A refusal: the bundle key and its arguments. */
    public record Problem(String key, Object... args) implements Serializable {
    }

    public UnitMerge {
        sources = List.copyOf(sources);
    }

    public boolean createsNewUnit() {
        return target == null;
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (effective == null) {
            problems.add(new Problem("merge.error.dateRequired"));
            return problems;
        }
        int participants = sources.size() + (target == null ? 0 : 1);
        if (participants < 2 || sources.isEmpty()) {
            problems.add(new Problem("merge.error.tooFew"));
        }
        if (target != null && sources.contains(target)) {
            problems.add(new Problem("merge.error.targetIsSource", target.getName()));
        }
        if (target == null && newKind == null) {
            problems.add(new Problem("merge.error.kindRequired"));
        }
        int level = target != null ? target.getKind().getLevel()
                : newKind != null ? newKind.getLevel()
                : sources.isEmpty() ? 0 : sources.get(0).getKind().getLevel();
        List<AdminUnit> all = new ArrayList<>(sources);
        if (target != null) {
            all.add(target);
        }
        for (AdminUnit u : all) {
            if (u.getKind().getLevel() != level) {
                problems.add(new Problem("merge.error.level", u.getName()));
            }
            if (!u.isCurrentOn(effective) || !u.isCurrentOn(effective.minusDays(1))) {
                problems.add(new Problem("merge.error.notCurrent", u.getName()));
            }
        }
        return problems;
    }
}
