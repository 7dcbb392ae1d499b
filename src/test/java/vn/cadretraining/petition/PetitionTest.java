package vn.cadretraining.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionDeadlines;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.shared.service.BusinessException;

/** The petition's lifecycle, its overdue rule and the deadlines setting. */
class PetitionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static Petition received(LocalDate on, int days) {
        AdminUnit commune = new AdminUnit("X1", "Phường Hạ Long", UnitKind.WARD, null, LocalDate.of(2025, 7, 1));
        AdminUnit hamlet = new AdminUnit("T1", "Khu 1", UnitKind.QUARTER, commune, LocalDate.of(2025, 7, 1));
        Cadre raiser = new Cadre("C1", "Nguyễn Văn A", Gender.MALE, hamlet);
        return new Petition(raiser, commune, null, PetitionField.LAND, "Nội dung", on, TODAY, days, "xa.halong");
    }

    @Test
    void aPetitionMovesOnlyInTurnAndKeepsEachStepsDate() {
        Petition p = received(TODAY.minusDays(3), 30);
        assertEquals(TODAY.plusDays(27), p.getDueOn());
        assertThrows(BusinessException.class, () -> p.answer("Trả lời", "1/UBND", TODAY), "not assigned yet");
        assertThrows(BusinessException.class, () -> p.confirm(TODAY));
        p.assign("Phòng Kinh tế", TODAY);
        assertThrows(BusinessException.class, () -> p.assign("Phòng khác", TODAY), "assigned once");
        p.startHandling(TODAY);
        BusinessException noNumber = assertThrows(BusinessException.class, () -> p.answer("Trả lời", " ", TODAY));
        assertEquals("petition.answerNumber.required", noNumber.getMessageKey());
        assertEquals(PetitionState.IN_PROGRESS, p.getState(), "a refused answer leaves it as it was");
        p.answer("Trả lời", "1/UBND", TODAY);
        assertFalse(p.canTransferUp(), "answered: no longer sent up");
        p.reopen("Chưa thỏa đáng", TODAY);
        assertEquals(PetitionState.REOPENED, p.getState());
        p.startHandling(TODAY);
        p.answer("Trả lời lần hai", "2/UBND", TODAY);
        p.confirm(TODAY);
        assertEquals(PetitionState.CONFIRMED, p.getState());
        assertEquals(TODAY, p.getConfirmedOn());
        assertEquals("2/UBND", p.getAnswerNumber());
    }

    @Test
    void overdueIsUnansweredAfterTheDueDateAndTransferStartsTheProvincesOwnDeadline() {
        Petition p = received(TODAY.minusDays(20), 15);
        assertTrue(p.isOverdue(TODAY));
        assertFalse(p.isOverdue(TODAY.minusDays(5)), "on its due date it is not yet overdue");
        assertThrows(BusinessException.class, () -> p.transferUp(" ", TODAY, 15), "a reason is required");
        p.transferUp("Vượt thẩm quyền", TODAY, 15);
        assertTrue(p.isAtProvince());
        assertEquals(TODAY.plusDays(15), p.getDueOn());
        assertFalse(p.isOverdue(TODAY));
        assertFalse(p.canTransferUp(), "sent up once");
        assertTrue(p.canAssign(), "the province assigns it");
        assertThrows(BusinessException.class, () -> received(TODAY.plusDays(1), 15), "received in the future");
    }

    @Test
    void theProvinceSendsBackDownWhatIsTheCommunesAndTheCommuneMayNotSendItUpAgain() {
        Petition p = received(TODAY.minusDays(10), 30);
        assertFalse(p.canTransferDown(), "only what the province holds");
        p.transferUp("Vượt thẩm quyền", TODAY.minusDays(8), 15);
        p.assign("Sở Xây dựng", TODAY.minusDays(6));
        BusinessException noReason = assertThrows(BusinessException.class, () -> p.transferDown("", TODAY, 30));
        assertEquals("petition.transferDownReason.required", noReason.getMessageKey());
        assertEquals(PetitionState.ASSIGNED, p.getState(), "a refused step leaves it as it was");
        p.transferDown("Thuộc thẩm quyền cấp xã", TODAY, 30);
        assertEquals(PetitionState.TRANSFERRED_DOWN, p.getState());
        assertFalse(p.isAtProvince());
        assertEquals(null, p.getResponsibleBody());
        assertEquals(TODAY.plusDays(30), p.getDueOn(), "the commune's own deadline from today");
        assertEquals(TODAY, p.getTransferredDownOn());
        assertFalse(p.canTransferUp(), "the province has said whose it is");
        assertFalse(p.canTransferDown());
        p.assign("Phòng Kinh tế", TODAY);
        assertFalse(p.canTransferUp(), "not even once assigned");
        p.startHandling(TODAY);
        p.answer("Đã giải quyết", "3/UBND", TODAY);
        p.confirm(TODAY);
        assertEquals(PetitionState.CONFIRMED, p.getState());
    }

    @Test
    void deadlinesDefaultPerFieldAndASettingChangesOnlyWhatItNames() {
        PetitionDeadlines defaults = PetitionDeadlines.parse(null);
        assertEquals(30, defaults.daysFor(PetitionField.LAND));
        assertEquals(10, defaults.daysFor(PetitionField.SECURITY_ORDER));
        PetitionDeadlines set = PetitionDeadlines.parse("land=45, ENVIRONMENT=20,OTHER=x,NOPE=3,SOCIAL_POLICY=0");
        assertEquals(45, set.daysFor(PetitionField.LAND));
        assertEquals(20, set.daysFor(PetitionField.ENVIRONMENT));
        assertEquals(15, set.daysFor(PetitionField.OTHER), "not a number: the default");
        assertEquals(15, set.daysFor(PetitionField.SOCIAL_POLICY), "out of range: the default");
    }
}
