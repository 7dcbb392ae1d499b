package vn.cadretraining.reporting.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
     * The targets of {@code measure}, or, when null, every target of the unit and its children's (those in service)
     * of the measures without a dimension (those a row of the units table shows). One statement, in SQL: the
     * children's targets looked up unit by unit through the index (unit, year, …) that holds every column read
     * (V21), which Derby otherwise read whole into a hash table (97,000 targets at national scale).
     */
    static List<Value> of(EntityManager em, long unitId, int year, Measure measure) {
        ProgressSql.Statement statement = statement(unitId, year, measure);
        Query q = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.values().size(); i++) {
            q.setParameter(i + 1, statement.values().get(i));
        }
        List<Value> found = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            found.add(new Value(ProgressService.num(r[0]), Measure.valueOf((String) r[1]), ProgressService.num(r[2]),
                    (int) ProgressService.num(r[3]), (int) ProgressService.num(r[4])));
        }
        return found;
    }

    /** {@link #of}'s statement. Columns: unit, measure, dimension, year, value. */
    static ProgressSql.Statement statement(long unitId, int year, Measure measure) {
        String select = "SELECT t.unit_id, t.measure, t.dimension_id, t.year_no, t.target_value FROM ";
        String which = " AND t.year_no >= ? AND t.year_no <= ?" + (measure == null ? "" : " AND t.measure = ?");
        ProgressSql.Statement s = new ProgressSql.Statement(select + "training_target t WHERE t.unit_id = ?" + which
                + " UNION ALL " + select + ProgressSql.FIXED_ORDER + "admin_unit u JOIN training_target t"
                + ProgressSql.nested("index=IX_TRAINING_TARGET_FIGURES") + "ON t.unit_id = u.id"
                + " WHERE u.parent_id = ? AND u.valid_to IS NULL" + which
                + (measure == null ? " AND t.dimension_id = 0" : ""));
        for (int part = 0; part < 2; part++) {
            s.values().addAll(List.of(unitId, year - 1, year));
            if (measure != null) {
                s.values().add(measure.name());
            }
        }
        return s;
    }
}
