package vn.cadretraining.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.cadretraining.catalog.service.ClassService;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Roles;

/** Pages show an action to the roles its service method lets in, read from that method's own annotation. */
class RolesTest {

    @Test
    void whoPlansAndWhoNominatesComeFromTheServicesAnnotations() {
        assertEquals(EnumSet.of(Role.ADMIN, Role.TRAINER), Roles.allowed(ClassService.class, "create"));
        assertEquals(EnumSet.of(Role.ADMIN, Role.COORDINATOR), Roles.allowed(EnrollmentService.class, "nominate"));
    }

    @Test
    void aMethodWithoutItsOwnListTakesTheClasssAndAMissingOneIsAnError() {
        assertEquals(EnumSet.of(Role.ADMIN, Role.PROVINCE, Role.COORDINATOR, Role.TRAINER),
                Roles.allowed(ClassService.class, "mayChange"));
        assertThrows(IllegalStateException.class, () -> Roles.allowed(ClassService.class, "noSuchMethod"));
    }
}
