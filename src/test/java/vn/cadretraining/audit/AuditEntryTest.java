package vn.cadretraining.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.audit.entity.AuditSubject;
import vn.cadretraining.audit.service.AuditService;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.shared.text.Bundle;

/** The audit trail cannot be changed from the application: no setter, no updatable column, no such method. */
class AuditEntryTest {

    @Test
    void anEntryHasNoSetterAndEveryColumnIsInsertOnly() {
        for (Method m : AuditEntry.class.getDeclaredMethods()) {
            assertFalse(Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("set"), m.getName());
        }
        for (Field f : AuditEntry.class.getDeclaredFields()) {
            Column column = f.getAnnotation(Column.class);
            if (column != null) {
                assertFalse(column.updatable(), f.getName() + " is updatable");
            }
        }
    }

    @Test
    void noServiceOffersToChangeOrRemoveAnEntry() {
        for (Class<?> service : List.of(AuditTrail.class, AuditService.class)) {
            for (Method m : service.getDeclaredMethods()) {
                String name = m.getName().toLowerCase(Locale.ROOT);
                assertFalse(Modifier.isPublic(m.getModifiers()) && Arrays.asList("update", "delete", "remove", "edit",
                        "purge", "clear").stream().anyMatch(name::startsWith), service.getSimpleName() + "." + m.getName());
            }
        }
    }

    @Test
    void anEntryKeepsWhoAndWhatAsTheyWereWithinItsColumns() {
        AuditEntry e = new AuditEntry(new AuditEntry.Actor(7L, "xa.halong", "Trần Văn Đức"), AuditAction.ATTENDANCE_MARKED,
                AuditSubject.ENROLLMENT, 42L, "Nguyễn Thị Hoà · LOP-01 · 01/12/2026 07:30".repeat(20), 3L,
                "AttendanceStatus.ABSENT", "AttendanceStatus.PRESENT", null);
        assertEquals(AuditEntry.LABEL_LENGTH, e.getSubjectLabel().length(), "a long label is cut to its column");
        assertTrue(e.getSubjectLabel().endsWith("…"));
        assertEquals("Trần Văn Đức", e.getActorName());
        assertEquals("Vắng không phép", AuditService.value(Bundle.VIETNAMESE, e.getValueBefore()));
        assertEquals("Present", AuditService.value(Locale.ENGLISH, e.getValueAfter()));
        assertEquals("7,5", AuditService.value(Locale.ENGLISH, "7,5"), "other values stay as written");
    }
}
