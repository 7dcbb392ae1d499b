package vn.cadretraining.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.shared.service.BusinessException;

class EnrollmentRulesTest {

    @Test
    void noOneLeavesAClassWhoseResultsAreClosed() {
        AdminUnit ward = new AdminUnit("W1", "Phường Hạ Long", UnitKind.WARD, null, LocalDate.of(2025, 7, 1));
        Course course = new Course("DV", "Kỹ năng dân vận", "Mass mobilization",
                new SubjectGroup("MASS", "Dân vận", "Mass", 10), ActivityKind.TRAINING_COURSE, BigDecimal.TEN);
        CourseClass k = new CourseClass("DV-2025-01", course, ward);
        k.schedule(LocalDate.of(2025, 10, 13), LocalDate.of(2025, 10, 15), 30, null, null);
        Enrollment open = Enrollment.nominate(k, new Cadre("C1", "Nguyễn Văn An", Gender.MALE, ward), "test");
        Enrollment closed = Enrollment.nominate(k, new Cadre("C2", "Trần Thị Bình", Gender.FEMALE, ward), "test");
        assertTrue(open.isWithdrawable());
        open.withdraw("Bận việc gia đình");
        assertEquals(EnrollmentStatus.WITHDRAWN, open.getStatus());

        closed.conclude(Outcome.COMPLETED);
        k.closeResults("test");
        assertFalse(closed.isWithdrawable(), "no withdraw button once the results are closed");
        BusinessException e = assertThrows(BusinessException.class, () -> closed.withdraw("Bận việc gia đình"));
        assertEquals("result.error.closed", e.getMessageKey());
        assertEquals(EnrollmentStatus.ENROLLED, closed.getStatus(), "a completion stays a completion");
    }
}
