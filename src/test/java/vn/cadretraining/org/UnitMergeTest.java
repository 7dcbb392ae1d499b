package vn.cadretraining.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.entity.UnitMerge;

class UnitMergeTest {

    private static final LocalDate D = LocalDate.of(2026, 7, 1);

    private final AdminUnit ward = unit("W", UnitKind.WARD, null, LocalDate.of(2025, 7, 1));
    private final AdminUnit kp4 = unit("KP4", UnitKind.QUARTER, ward, LocalDate.of(2019, 1, 1));
    private final AdminUnit kp5 = unit("KP5", UnitKind.QUARTER, ward, LocalDate.of(2019, 1, 1));
    private final AdminUnit tdp6 = unit("TDP6", UnitKind.RESIDENTIAL_GROUP, ward, LocalDate.of(2019, 1, 1));

    @Test
    void twoHamletLevelUnitsMergeIntoOneOfThem() {
        assertEquals(List.of(), keys(new UnitMerge(List.of(kp5), kp4, null, D)));
        assertEquals(List.of(), keys(new UnitMerge(List.of(kp5, tdp6), kp4, null, D)), "quarters and groups are one level");
    }

    @Test
    void severalUnitsMergeIntoANewOneOfTheSameLevel() {
        assertEquals(List.of(), keys(new UnitMerge(List.of(kp4, kp5), null, UnitKind.QUARTER, D)));
        assertEquals(List.of("merge.error.level", "merge.error.level"),
                keys(new UnitMerge(List.of(kp4, kp5), null, UnitKind.COMMUNE, D)), "a new unit of the sources' level");
    }

    @Test
    void aMergeNeedsTwoUnitsAndADate() {
        assertEquals(List.of("merge.error.tooFew"), keys(new UnitMerge(List.of(kp4), null, UnitKind.QUARTER, D)));
        assertEquals(List.of("merge.error.tooFew"), keys(new UnitMerge(List.of(), kp4, null, D)));
        assertEquals(List.of("merge.error.dateRequired"), keys(new UnitMerge(List.of(kp5), kp4, null, null)));
        assertEquals(List.of("merge.error.kindRequired"), keys(new UnitMerge(List.of(kp4, kp5), null, null, D)));
    }

    @Test
    void aUnitIsNotMergedIntoItself() {
        assertTrue(keys(new UnitMerge(List.of(kp4, kp5), kp4, null, D)).contains("merge.error.targetIsSource"));
    }

    @Test
    void unitsOfDifferentLevelsDoNotMerge() {
        assertEquals(List.of("merge.error.level"), keys(new UnitMerge(List.of(ward), kp4, null, D)));
    }

    @Test
    void everyUnitMustBeInServiceTheDayBeforeAndOnTheDay() {
        AdminUnit young = unit("NEW", UnitKind.QUARTER, ward, D);
        assertEquals(List.of("merge.error.notCurrent"), keys(new UnitMerge(List.of(young), kp4, null, D)),
                "a unit that begins on the merge day cannot be merged that day");
        AdminUnit closed = unit("OLD", UnitKind.QUARTER, ward, LocalDate.of(2019, 1, 1));
        closed.close(D.minusDays(10), kp4);
        assertEquals(List.of("merge.error.notCurrent"), keys(new UnitMerge(List.of(closed), kp4, null, D)));
        assertEquals(List.of(), keys(new UnitMerge(List.of(kp5), kp4, null, D.plusYears(1))), "a merge may be planned ahead");
    }

    @Test
    void closingAUnitHandsItsHistoryToTheSuccessor() {
        kp5.close(D, kp4);
        assertEquals(D.minusDays(1), kp5.getValidTo());
        assertTrue(kp5.isCurrentOn(D.minusDays(1)));
        assertTrue(!kp5.isCurrentOn(D));
        assertEquals(kp4, kp5.getSuccessor());
        assertEquals(kp4.getCurrentUnit(), kp5.getCurrentUnit());
    }

    private static List<String> keys(UnitMerge merge) {
        return merge.problems().stream().map(UnitMerge.Problem::key).toList();
    }

    private static AdminUnit unit(String code, UnitKind kind, AdminUnit parent, LocalDate from) {
        return new AdminUnit(code, code, kind, parent, from);
    }
}
