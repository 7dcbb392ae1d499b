package vn.cadretraining.reporting.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import vn.cadretraining.reporting.entity.Measure;

/**
 * The targets a dashboard reads beside its figures: a unit's and its children's, for a year and the year before,
 * as values. Not managed entities: at national scale the communes' targets are tens of thousands of rows, which
 * as entities took seconds and most of the heap at each view of the province. The children are reached by their
 * parent (through the indexes of both), not listed: a list of 5,400 communes took Derby seconds to compile.
 */
final class TargetValues {

    /** One target: its unit, measure, dimension (0 for the measures without one), year and value. */
    record Value(long unitId, Measure measure, long dimensionId, int year, int value) {
    }

    private TargetValues() {
    }

    /**
     * The targets of {@code measure}, or, when null, every target of the unit and its children's of the measures
     * without a dimension (those a row of the units table shows). Two statements.
     */
    static List<Value> of(EntityManager em, long unitId, int year, Measure measure) {
        String select = "SELECT t.unitId, t.measure, t.dimensionId, t.year, t.value FROM ";
        String which = " AND t.year IN :years" + (measure == null ? "" : " AND t.measure = :m");
        List<Value> found = new ArrayList<>();
        read(em.createQuery(select + "TrainingTarget t WHERE t.unitId = :unit" + which, Object[].class), unitId,
                year, measure, found);
        read(em.createQuery(select + "AdminUnit u, TrainingTarget t WHERE u.parent.id = :unit AND t.unitId = u.id"
                + which + (measure == null ? " AND t.dimensionId = 0" : ""), Object[].class), unitId, year, measure,
                found);
        return found;
    }

    private static void read(TypedQuery<Object[]> q, long unitId, int year, Measure measure, List<Value> into) {
        q.setParameter("unit", unitId).setParameter("years", List.of(year, year - 1));
        if (measure != null) {
            q.setParameter("m", measure);
        }
        for (Object[] r : q.getResultList()) {
            into.add(new Value(ProgressService.num(r[0]), (Measure) r[1], ProgressService.num(r[2]),
                    (int) ProgressService.num(r[3]), (int) ProgressService.num(r[4])));
        }
    }
}
