package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.service.AuditService;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.commendation.entity.CommendationForm;
import vn.cadretraining.commendation.entity.IssuingLevel;
import vn.cadretraining.commendation.service.CommendationService;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitAdminService;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.CadreAccountService;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.people.service.RosterRow;
import vn.cadretraining.people.service.TitleService;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.petition.service.PetitionService;
import vn.cadretraining.petition.service.PetitionService.Filter;
import vn.cadretraining.petition.service.PetitionService.Step;
import vn.cadretraining.petition.service.PetitionService.StepForm;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.service.ProgressService;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.InContainer;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.tour.entity.StudyTour;
import vn.cadretraining.tour.service.StudyTourService;
import java.util.Map;
import java.util.HashMap;

/**
 * The roster and the units inside a real Payara Micro, each test signed in as the demo account it is
 * about: finding people without diacritics, scope, paging, and a merge moving what is current.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    AuditService audit;

    @Inject
    CadreService cadres;

    @Inject
    ReferenceData reference;

    @Inject
    UnitAdminService unitAdmin;

    @Inject
    TitleService titles;

    @Inject
    CadreAccountService cadreAccounts;

    @Inject
    AccountService accounts;

    @Inject
    CommendationService commendations;

    @Inject
    RecordService records;

    @Inject
    PetitionService petitions;

    @Inject
    vn.cadretraining.reporting.service.PetitionProgress petitionProgress;

    @Inject
    ProgressService progress;

    @Inject
    vn.cadretraining.reporting.service.PetitionReport petitionReport;

    @Inject
    StudyTourService tours;

    @Inject
    EnrollmentService enrollments;

    @PersistenceContext
    EntityManager em;

    @Test
    void searchFindsAPersonWhateverTheDiacriticsCaseOrUnicodeForm() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        String suffix = unique();
        Cadre hoi = cadres.create("IT-HOI-" + suffix, details("Nguyễn Văn Hồi", hamlet("Phường Hạ Long"), "0912" + suffix));
        Cadre duc = cadres.create("IT-DUC-" + suffix, details("Đặng Đình Đức", hamlet("Phường Hạ Long"), null));

        for (String typed : List.of("nguyen van hoi", "Nguyễn Văn Hồi", "NGUYEN VAN HOI", "hồi nguyễn",
                Normalizer.normalize("Nguyễn Văn Hồi", Normalizer.Form.NFD), "  van   HOI ")) {
            assertTrue(ids(RosterFilter.text(typed)).contains(hoi.getId()), "\"" + typed + "\" finds Nguyễn Văn Hồi");
        }
        assertTrue(ids(RosterFilter.text("dang dinh duc")).contains(duc.getId()), "đ matches d");
        assertTrue(ids(RosterFilter.text("Đặng đình")).contains(duc.getId()));
        assertTrue(ids(RosterFilter.text("it-hoi-" + suffix)).contains(hoi.getId()), "by code, any case");
        assertTrue(ids(RosterFilter.text("0912 " + suffix)).contains(hoi.getId()), "by phone, typed with a space");
        assertFalse(ids(RosterFilter.text("nguyen van hoi")).contains(duc.getId()), "and not someone else");
    }

    /** The "newly elected" filter once failed with a 500 on Derby (a boolean printed as 1 inside EXISTS). */
    @Test
    void theNewlyElectedFilterCountsOnlyThoseNewlyElectedToATitleTheyHoldNow() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        RosterFilter newlyElected = new RosterFilter(null, null, null, Boolean.TRUE, null, null);
        long found = cadres.count(newlyElected);
        long expected = em.createQuery("SELECT COUNT(DISTINCT p.cadre.id) FROM Position p WHERE p.endDate IS NULL"
                + " AND p.newlyElected = TRUE", Long.class).getSingleResult();
        assertTrue(expected > 0, "the demo has newly elected cadres");
        assertEquals(expected, found);
        assertEquals(Math.min(found, 20), cadres.search(newlyElected, PageRequest.of(0, 20)).size());
    }

    @Test
    void aCoordinatorSeesAndChangesOnlyTheirOwnUnit() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        String suffix = unique();
        Cadre outside = cadres.create("IT-OUT-" + suffix, details("Lê Thị Ngoài", hamlet("Phường Bãi Cháy"), null));
        Cadre inside = cadres.create("IT-IN-" + suffix, details("Lê Thị Trong", hamlet("Phường Hạ Long"), null));
        long everyone = cadres.count(RosterFilter.ALL);

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        long mine = cadres.count(RosterFilter.ALL);
        assertTrue(mine > 0 && mine < everyone, "the coordinator counts only their ward: " + mine + " of " + everyone);
        assertEquals(inside.getId(), cadres.get(inside.getId()).getId());
        assertThrows(NotFoundException.class, () -> cadres.get(outside.getId()), "a changed id in the URL finds nothing");
        assertThrows(NotFoundException.class, () -> cadres.update(outside.getId(), outside.getVersion(),
                details("Lê Thị Ngoài", hamlet("Phường Bãi Cháy"), null)), "nor can it be changed by a crafted request");
        assertTrue(ids(RosterFilter.text("le thi ngoai")).isEmpty(), "search does not reach outside the ward");
        AdminUnit baiChay = unit("Phường Bãi Cháy");
        assertEquals(0, cadres.count(RosterFilter.ALL.withUnit(baiChay.getId())), "a filter on another ward is empty");
        assertThrows(vn.cadretraining.shared.service.BusinessException.class, () -> cadres.update(inside.getId(),
                cadres.get(inside.getId()).getVersion(), details("Lê Thị Trong", hamlet("Phường Bãi Cháy"), null)),
                "nor can someone be moved out of reach");
    }

    @Test
    void aCoordinatorCommendsOnlyTheirOwnCadresAndBadInputChangesNothing() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        String suffix = unique();
        Cadre outside = cadres.create("IT-KTN-" + suffix, details("Lê Văn Ngoài", hamlet("Phường Bãi Cháy"), null));
        Cadre inside = cadres.create("IT-KTT-" + suffix, details("Lê Văn Trong", hamlet("Phường Hạ Long"), null));
        LocalDate today = VietnamTime.today();

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        commendations.record(inside.getId(), new CommendationService.Draft(" 12-QĐ/ĐU ", today.minusDays(3),
                IssuingLevel.COMMUNE, CommendationForm.GIAY_KHEN, "Vận động nhân dân hiến đất làm đường"));
        List<Commendation> shown = records.recordOf(inside.getId()).commendations();
        assertEquals(1, shown.size(), "the cadre page's one read brings the commendation");
        assertEquals("12-QĐ/ĐU", shown.get(0).getDecisionNumber());
        assertEquals("Đảng ủy Phường Hạ Long", shown.get(0).getIssuerName(), "issued by the cadre's commune");

        CommendationService.Draft good = new CommendationService.Draft("13-QĐ/ĐU", today, IssuingLevel.COMMUNE,
                CommendationForm.BIEU_DUONG, "Hòa giải tốt");
        assertThrows(NotFoundException.class, () -> commendations.record(outside.getId(), good),
                "a crafted call for a cadre of another ward finds nobody");
        BusinessException empty = assertThrows(BusinessException.class, () -> commendations.record(inside.getId(),
                new CommendationService.Draft("   ", today, IssuingLevel.COMMUNE, CommendationForm.BIEU_DUONG, "Tốt")));
        assertEquals("commendation.decisionNumber.required", empty.getMessageKey());
        BusinessException future = assertThrows(BusinessException.class, () -> commendations.record(inside.getId(),
                new CommendationService.Draft("14-QĐ/ĐU", today.plusDays(1), IssuingLevel.COMMUNE,
                        CommendationForm.GIAY_KHEN, "Tốt")));
        assertEquals("commendation.decisionDate.future", future.getMessageKey());
        assertEquals("Hãy nhập số quyết định khen thưởng.", Bundle.text(Bundle.VIETNAMESE, empty.getMessageKey()));
        assertEquals("Ngày quyết định khen thưởng không được sau hôm nay.",
                Bundle.text(Bundle.VIETNAMESE, future.getMessageKey()));
        assertEquals(1, count("SELECT COUNT(k) FROM Commendation k WHERE k.cadre.id IN ("
                + inside.getId() + ", " + outside.getId() + ")"), "refused calls changed nothing");
        assertEquals(1, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.subjectId = " + shown.get(0).getId()
                + " AND a.action = vn.cadretraining.audit.entity.AuditAction.COMMENDATION_RECORDED"
                + " AND a.actorUsername = 'xa.halong'"), "the audit trail says who recorded it");

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        commendations.record(outside.getId(), new CommendationService.Draft("7-QĐ/BDVTU", today,
                IssuingLevel.PROVINCE, CommendationForm.BANG_KHEN, "Thành tích xuất sắc trong công tác dân vận"));
        assertEquals("Ban Dân vận Tỉnh ủy Quảng Ninh",
                records.recordOf(outside.getId()).commendations().get(0).getIssuerName(), "the province commends anyone");

        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        assertThrows(EJBAccessException.class, () -> commendations.record(inside.getId(), good), "a cadre records none");
        assertTrue(count("SELECT COUNT(k) FROM Commendation k WHERE k.recordedBy = 'demo'"
                + " AND k.issuingUnit.parent IS NULL") > 0, "the demo has the province's commendations");
        assertTrue(count("SELECT COUNT(k) FROM Commendation k WHERE k.recordedBy = 'demo'"
                + " AND k.issuingUnit.parent IS NOT NULL") > 0, "and the communes'");
    }

    /**
     * A study tour: its place and cost set by the province (a coordinator's crafted call for a tour it does not
     * organise finds nothing; a blank place or a negative cost is refused and changes nothing); its participants
     * chosen by commendation; on a participant's record as a study tour, not as a training with a certificate.
     */
    @Test
    void aStudyTourHasAPlaceACostParticipantsByCommendationAndReadsAsATourOnTheRecord() {
        CourseClass tour = em.createQuery("SELECT k FROM CourseClass k WHERE k.course.kind = :kind AND k.unit.parent IS NULL"
                + " AND k.status = vn.cadretraining.catalog.entity.ClassStatus.FINISHED ORDER BY k.startDate DESC",
                CourseClass.class).setParameter("kind", ActivityKind.STUDY_TOUR).setMaxResults(1).getSingleResult();
        long tourId = tour.getId();

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertThrows(NotFoundException.class, () -> tours.describe(tourId, "Hà Nam", 1L),
                "a coordinator does not describe the province's tour, whatever the request says");
        assertThrows(NotFoundException.class, () -> tours.of(tourId), "nor reads its cost by a crafted call");
        assertTrue(tours.list(tour.getStartDate().getYear(), PageRequest.of(0, 50)).stream()
                .anyMatch(r -> r.classId() == tourId && !r.editable()), "but reads it: their cadres go on it");

        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        tours.describe(tourId, "  Xã Đường Lâm, Hà Nội ", 12_500_000L);
        BusinessException blank = assertThrows(BusinessException.class, () -> tours.describe(tourId, "  ", 1L));
        assertEquals("tour.error.destinationRequired", blank.getMessageKey());
        BusinessException negative = assertThrows(BusinessException.class, () -> tours.describe(tourId, "Hà Nam", -5L));
        assertEquals("tour.error.cost", negative.getMessageKey());
        assertEquals("Kinh phí phải là số đồng không âm và hợp lý.", Bundle.text(Bundle.VIETNAMESE, negative.getMessageKey()));
        StudyTour kept = tours.of(tourId);
        assertEquals("Xã Đường Lâm, Hà Nội", kept.getDestination(), "the refused calls changed nothing");
        assertEquals(12_500_000L, kept.getCostVnd());
        tours.describe(tourId, "Xã Đường Lâm, Hà Nội", null);
        assertEquals(null, tours.of(tourId).getCostVnd(), "an empty cost is no cost");
        assertEquals(List.of("Xã Đường Lâm, Hà Nội · 12.500.000 đ", "Xã Đường Lâm, Hà Nội · "), em.createQuery(
                "SELECT a.valueAfter FROM AuditEntry a WHERE a.subjectId = :k AND a.action ="
                + " vn.cadretraining.audit.entity.AuditAction.STUDY_TOUR_DESCRIBED ORDER BY a.id", String.class)
                .setParameter("k", tourId).getResultList(), "each change audited, the refused ones not");

        // participants by commendation: the filter finds exactly the cadres commended that year at that level
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        // the small test province has few of the province's commendations: the latest year that has some
        int year = em.createQuery("SELECT MAX(m.decisionDate) FROM Commendation m WHERE m.issuingUnit.parent IS NULL",
                LocalDate.class).getSingleResult().getYear();
        Set<Long> previewed = new HashSet<>();
        enrollments.previewNomination(tourId, RosterFilter.ALL.withCommendation(year, "PROVINCE"), null).getCandidates()
                .forEach(c -> previewed.add(c.getCadre().getId()));
        Set<Long> expected = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT DISTINCT m.cadre_id FROM commendation m JOIN admin_unit u"
                        + " ON u.id = m.issuing_unit_id WHERE u.parent_id IS NULL AND m.decision_date BETWEEN ? AND ?")
                .setParameter(1, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)))
                .setParameter(2, java.sql.Date.valueOf(LocalDate.of(year, 12, 31))).getResultList()) {
            expected.add(((Number) id).longValue());
        }
        assertFalse(expected.isEmpty(), "the demo's province commends some cadres each year");
        assertEquals(expected, previewed, "the nomination preview by commendation");
        long communeOnly = cadres.count(RosterFilter.ALL.withCommendation(year, "COMMUNE"));
        long anyLevel = cadres.count(RosterFilter.ALL.withCommendation(year, null));
        assertTrue(anyLevel >= communeOnly && anyLevel >= expected.size() && anyLevel > 0, anyLevel + " " + communeOnly);

        // on the record: a participant reads it as a study tour with its place and dates, never as a class
        long participant = ((Number) em.createNativeQuery("SELECT MIN(cadre_id) FROM enrollment WHERE class_id = ?"
                + " AND status = 'ENROLLED'").setParameter(1, tourId).getSingleResult()).longValue();
        RecordService.Record record = records.recordOf(participant);
        assertTrue(record.classes().stream().noneMatch(e -> e.getCourseClass().getId() == tourId),
                "not listed among the trainings");
        StudyTourService.TourLine line = record.tours().stream().filter(t -> t.classId() == tourId).findFirst().orElseThrow();
        String dates = VietnamTime.DATE.format(tour.getStartDate()) + " – " + VietnamTime.DATE.format(tour.getEndDate());
        assertEquals("Tham quan học tập kinh nghiệm: Xã Đường Lâm, Hà Nội, " + dates,
                RecordService.tourText(Bundle.VIETNAMESE, line));
        assertEquals(0, count("SELECT COUNT(c) FROM Certificate c WHERE c.classId = " + tourId), "a tour gives no certificate");
    }

    /** The commendations of a year counted by unit: the province's communes, a commune's hamlets; scope checked. */
    @Test
    void commendationsAreCountedByUnitAndYearAsAnIndependentCountSaysWithinTheCallersScope() {
        int year = VietnamTime.today().getYear() - 1;
        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        CommendationService.Counts province = commendations.counts(null, year);
        assertThrows(NotFoundException.class, () -> commendations.counts(null, 1_000_000_000),
                "a year typed into the address: not found, not a 500");
        assertThrows(NotFoundException.class, () -> commendations.candidates(null, 1, PageRequest.of(0, 10)));
        assertTrue(province.rows().size() > 1, "the province's communes");
        long sum = 0;
        for (CommendationService.Count row : province.rows()) {
            assertEquals(independentCount(row.unitId(), year), row.getTotal(), row.unitName());
            sum += row.getTotal();
        }
        assertTrue(sum > 0, "the demo commends cadres every year");
        assertEquals(independentCount(province.unit().getId(), year), province.total().getTotal());

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        CommendationService.Counts commune = commendations.counts(null, year);
        assertEquals("Phường Hạ Long", commune.unit().getName(), "a coordinator's own commune, its hamlets");
        for (CommendationService.Count row : commune.rows()) {
            assertEquals(independentCount(row.unitId(), year), row.getTotal(), row.unitName());
        }
        assertEquals(independentCount(commune.unit().getId(), year), commune.total().getTotal());
        long baiChay = unit("Phường Bãi Cháy").getId();
        assertThrows(NotFoundException.class, () -> commendations.counts(baiChay, year),
                "a crafted call for another ward finds nothing");
        assertThrows(NotFoundException.class, () -> commendations.candidateCount(baiChay, year));
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        assertThrows(EJBAccessException.class, () -> commendations.counts(null, year), "a cadre counts nothing");
    }

    /** Commendations of cadres on rosters under the unit, decided in the year: counted another way, per unit. */
    private long independentCount(long unitId, int year) {
        String path = em.find(AdminUnit.class, unitId).getPath();
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM commendation m WHERE m.cadre_id IN (SELECT c.id FROM"
                        + " cadre c WHERE SUBSTR(c.unit_path, 1, " + path.length() + ") = ? AND LENGTH(c.unit_path) >= "
                        + path.length() + ") AND m.decision_date BETWEEN ? AND ?")
                .setParameter(1, path).setParameter(2, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)))
                .setParameter(3, java.sql.Date.valueOf(LocalDate.of(year, 12, 31))).getSingleResult()).longValue();
    }

    /**
     * The candidates the records propose in a commune, against a query written another way (grouped counts);
     * "not now" hides one for the year; a crafted call for a cadre of another ward finds nobody.
     */
    @Test
    void candidatesForCommendationAreThoseTheRecordsShowAndNotNowHidesOneForTheYear() {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        int year = VietnamTime.today().getYear() - 1;
        String path = unit("Phường Hạ Long").getPath();
        java.sql.Date from = java.sql.Date.valueOf(LocalDate.of(year, 1, 1));
        java.sql.Date to = java.sql.Date.valueOf(LocalDate.of(year, 12, 31));
        Set<Long> resolvedHamlets = new HashSet<>();
        // by the raiser's hamlet as it is today (a hamlet merged since brings its petitions)
        for (Object h : em.createNativeQuery("SELECT h.current_unit_id FROM petition p, admin_unit h WHERE h.id = p.hamlet_id"
                + " AND p.received_on BETWEEN ? AND ? GROUP BY h.current_unit_id"
                + " HAVING COUNT(*) = SUM(CASE WHEN p.state = 'CONFIRMED' THEN 1 ELSE 0 END)")
                .setParameter(1, from).setParameter(2, to).getResultList()) {
            resolvedHamlets.add(((Number) h).longValue());
        }
        Map<Long, String> expected = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT c.id, c.unit_id FROM cadre c WHERE c.unit_path LIKE ?"
                + " AND c.id IN (SELECT cadre_id FROM position WHERE end_date IS NULL)").setParameter(1, path + "%")
                .getResultList()) {
            if (resolvedHamlets.contains(((Number) r[1]).longValue())) {
                expected.put(((Number) r[0]).longValue(), "p");
            }
        }
        for (Object id : em.createNativeQuery("SELECT e.cadre_id FROM enrollment e, course_class k, course co, cadre c"
                + " WHERE k.id = e.class_id AND co.id = k.course_id AND c.id = e.cadre_id AND c.unit_path LIKE ?"
                + " AND e.status = 'ENROLLED' AND co.kind = 'TRAINING_COURSE' AND k.closed_at IS NOT NULL"
                + " AND k.end_date BETWEEN ? AND ? GROUP BY e.cadre_id"
                + " HAVING MIN(COALESCE(e.attendance_pct, 0)) >= 100 AND SUM(CASE WHEN e.outcome = 'COMPLETED' THEN 1 ELSE 0 END) > 0")
                .setParameter(1, path + "%").setParameter(2, from).setParameter(3, to).getResultList()) {
            expected.merge(((Number) id).longValue(), "a", String::concat);
        }
        // less those commended since the year began (for it, or later) and those set aside for it
        for (Object id : em.createNativeQuery("SELECT cadre_id FROM commendation WHERE decision_date >= ?"
                + " UNION SELECT cadre_id FROM commendation_deferral WHERE year_no = " + year)
                .setParameter(1, from).getResultList()) {
            expected.remove(((Number) id).longValue());
        }
        assertFalse(expected.isEmpty(), "the demo ward has candidates");
        assertEquals(expected.size(), commendations.candidateCount(null, year));
        Map<Long, String> proposed = new HashMap<>();
        for (int first = 0; first < expected.size(); first += 7) {
            for (CommendationService.Candidate c : commendations.candidates(null, year, PageRequest.of(first, 7))) {
                assertEquals(null, proposed.put(c.cadreId(), (c.petitionsResolved() ? "p" : "") + (c.fullAttendance() ? "a" : "")),
                        "each once across the pages");
            }
        }
        assertEquals(expected, proposed, "the candidates and their reasons");

        long first = commendations.candidates(null, year, PageRequest.of(0, 1)).get(0).cadreId();
        commendations.defer(first, year);
        commendations.defer(first, year);
        assertEquals(expected.size() - 1, commendations.candidateCount(null, year), "not now: hidden for the year");
        assertEquals(1, count("SELECT COUNT(d) FROM CommendationDeferral d WHERE d.cadre.id = " + first), "once");
        assertEquals(1, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.subjectId = " + first + " AND a.action ="
                + " vn.cadretraining.audit.entity.AuditAction.COMMENDATION_DEFERRED"), "audited once");
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Cadre outside = cadres.create("IT-DXN-" + unique(), details("Lê Văn Ngoài", hamlet("Phường Bãi Cháy"), null));
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertThrows(NotFoundException.class, () -> commendations.defer(outside.getId(), year),
                "a crafted call for a cadre of another ward finds nobody");
    }

    @Test
    void aPetitionGoesThroughItsLifecycleInItsCommunesHandsAndNoOneElses() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        String suffix = unique();
        Cadre outside = cadres.create("IT-KNN-" + suffix, details("Vũ Văn Ngoài", hamlet("Phường Bãi Cháy"), null));
        Cadre inside = cadres.create("IT-KNT-" + suffix, details("Vũ Văn Trong", hamlet("Phường Hạ Long"), null));
        LocalDate today = VietnamTime.today();
        Petition theirs = petitions.record(new PetitionService.Draft(outside.getId(), null, PetitionField.OTHER,
                "Kiến nghị của phường khác", today));

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        long overdueBefore = petitions.count(new Filter(null, true, false));
        Petition p = petitions.record(new PetitionService.Draft(inside.getId(), null, PetitionField.LAND,
                "  Đề nghị cấp giấy chứng nhận quyền sử dụng đất  ", today.minusDays(2)));
        assertEquals(PetitionState.RECEIVED, p.getState());
        assertEquals("Đề nghị cấp giấy chứng nhận quyền sử dụng đất", p.getContent());
        assertEquals(today.minusDays(2).plusDays(30), p.getDueOn(), "land: 30 days from receipt by default");
        assertEquals("Phường Hạ Long", p.getCommune().getName(), "received in the raiser's ward");

        // bad input: a clear message, nothing recorded
        long mine = count("SELECT COUNT(p) FROM Petition p WHERE p.raiser.id = " + inside.getId());
        BusinessException blank = assertThrows(BusinessException.class, () -> petitions.record(
                new PetitionService.Draft(inside.getId(), null, PetitionField.LAND, "   ", today)));
        assertEquals("petition.content.required", blank.getMessageKey());
        assertEquals("Hãy nhập nội dung kiến nghị.", Bundle.text(Bundle.VIETNAMESE, blank.getMessageKey()));
        assertEquals("petition.receivedOn.future", assertThrows(BusinessException.class, () -> petitions.record(
                new PetitionService.Draft(inside.getId(), null, PetitionField.LAND, "Nội dung", today.plusDays(1))))
                .getMessageKey());
        assertEquals("petition.field.required", assertThrows(BusinessException.class, () -> petitions.record(
                new PetitionService.Draft(inside.getId(), null, null, "Nội dung", today))).getMessageKey());
        assertEquals(mine, count("SELECT COUNT(p) FROM Petition p WHERE p.raiser.id = " + inside.getId()),
                "refused records changed nothing");
        // raised at a briefing: only by someone invited to it
        Object[] invitation = em.createQuery("SELECT e.courseClass.id, e.cadre.id FROM Enrollment e"
                + " WHERE e.courseClass.course.kind = vn.cadretraining.catalog.entity.ActivityKind.PERIODIC_BRIEFING"
                + " AND e.courseClass.unit.name = 'Phường Hạ Long' AND e.status ="
                + " vn.cadretraining.enrollment.entity.EnrollmentStatus.ENROLLED ORDER BY e.id", Object[].class)
                .setMaxResults(1).getSingleResult();
        Long briefingId = (Long) invitation[0];
        assertEquals("petition.error.briefing", assertThrows(BusinessException.class, () -> petitions.record(
                new PetitionService.Draft(inside.getId(), briefingId, PetitionField.LAND, "Nội dung", today)))
                .getMessageKey(), "not invited to that briefing");
        assertEquals(mine, count("SELECT COUNT(p) FROM Petition p WHERE p.raiser.id = " + inside.getId()));
        Petition atBriefing = petitions.record(new PetitionService.Draft((Long) invitation[1], briefingId,
                PetitionField.INFRASTRUCTURE, "Đề nghị sửa cầu tràn", today));
        assertEquals(briefingId, atBriefing.getBriefing().getId(), "an invitee's is recorded at the briefing");

        // scope: another ward's petition and cadre are not found, whatever the request says
        assertThrows(NotFoundException.class, () -> petitions.get(theirs.getId()));
        assertThrows(NotFoundException.class, () -> petitions.move(theirs.getId(), Step.ASSIGN,
                new StepForm("Phòng Kinh tế", null, null, null)), "a crafted call cannot move it");
        assertThrows(NotFoundException.class, () -> petitions.record(new PetitionService.Draft(outside.getId(), null,
                PetitionField.OTHER, "Ghi hộ phường khác", today)), "nor record one for a cadre of another ward");
        assertTrue(petitions.list(Filter.ALL, PageRequest.of(0, 500)).stream()
                .noneMatch(x -> x.getId().equals(theirs.getId())), "the list stays in the ward");
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertEquals(PetitionState.RECEIVED, petitions.get(theirs.getId()).getState(), "the crafted call changed nothing");
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);

        // the lifecycle, each step refused out of turn or without what it needs, and then taken
        assertRefused("petition.error.state", p, Step.ANSWER, new StepForm(null, "Trả lời", "1/UBND", null));
        assertRefused("petition.body.required", p, Step.ASSIGN, new StepForm("  ", null, null, null));
        petitions.move(p.getId(), Step.ASSIGN, new StepForm("Phòng Kinh tế", null, null, null));
        assertEquals(PetitionState.ASSIGNED, petitions.get(p.getId()).getState());
        petitions.move(p.getId(), Step.START, null);
        assertRefused("petition.answerNumber.required", p, Step.ANSWER, new StepForm(null, "Đã kiểm tra", " ", null));
        petitions.move(p.getId(), Step.ANSWER, new StepForm(null, "Đã kiểm tra thực địa, hướng dẫn hồ sơ", "45/UBND", null));
        assertRefused("petition.reopenReason.required", p, Step.REOPEN, new StepForm(null, null, null, ""));
        petitions.move(p.getId(), Step.REOPEN, new StepForm(null, null, null, "Thôn chưa đồng ý"));
        assertEquals(PetitionState.REOPENED, petitions.get(p.getId()).getState());
        petitions.move(p.getId(), Step.ANSWER, new StepForm(null, "Đã đo đạc lại, cấp giấy", "52/UBND", null));
        petitions.move(p.getId(), Step.CONFIRM, null);
        Petition done = petitions.get(p.getId());
        assertEquals(PetitionState.CONFIRMED, done.getState());
        assertEquals("52/UBND", done.getAnswerNumber());
        assertEquals(today, done.getAssignedOn());
        assertEquals(today, done.getConfirmedOn());
        assertEquals(today, done.getReopenedOn());
        assertRefused("petition.error.state", p, Step.TRANSFER_UP, new StepForm(null, null, null, "Quá muộn"));
        assertEquals(7, count("SELECT COUNT(a) FROM AuditEntry a WHERE a.subjectId = " + p.getId()
                + " AND a.subjectKind = vn.cadretraining.audit.entity.AuditSubject.PETITION AND a.actorUsername = 'xa.halong'"),
                "recorded and six steps in the audit trail, no refused one");
        assertEquals(7, count("SELECT COUNT(n) FROM Notification n WHERE n.recipientCadreId = " + inside.getId()
                + " AND n.kind = vn.cadretraining.inbox.entity.NotificationKind.PETITION"), "the raiser told at each step");
        // and the holders of the hamlet's paid titles, by name of the raiser
        long holders = count("SELECT COUNT(DISTINCT pos.cadre.id) FROM Position pos WHERE pos.unit.id = "
                + inside.getUnit().getId() + " AND pos.title.paid = TRUE AND pos.endDate IS NULL");
        assertTrue(holders > 0, "the demo hamlet has holders of its paid titles");
        assertEquals(7 * holders, count("SELECT COUNT(n) FROM Notification n WHERE n.messageKey LIKE"
                + " 'notify.petitionOfHamlet.%' AND n.messageArgs LIKE '%Vũ Văn Trong%'"), "the hamlet told at each step");

        // transferred up: the ward still reads it but the province handles it
        Petition up = petitions.record(new PetitionService.Draft(inside.getId(), null, PetitionField.ENVIRONMENT,
                "Ô nhiễm từ khu công nghiệp của tỉnh", today.minusDays(20)));
        assertTrue(petitions.count(new Filter(null, true, false)) >= overdueBefore + 1, "15 days for the environment: overdue");
        assertRefused("petition.transferReason.required", up, Step.TRANSFER_UP, new StepForm(null, null, null, null));
        petitions.move(up.getId(), Step.TRANSFER_UP, new StepForm(null, null, null, "Vượt thẩm quyền cấp xã"));
        Petition sent = petitions.get(up.getId());
        assertEquals(PetitionState.TRANSFERRED_UP, sent.getState());
        assertEquals(today.plusDays(15), sent.getDueOn(), "the province's own deadline from the transfer");
        assertFalse(sent.isOverdue(today));
        assertRefused("petition.error.notYours", up, Step.ASSIGN, new StepForm("Phòng Kinh tế", null, null, null));
        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        assertRefused("petition.error.notYours", theirs, Step.ASSIGN, new StepForm("Sở Xây dựng", null, null, null));
        List<Long> atProvince = petitions.list(new Filter(null, false, true), PageRequest.of(0, 500)).stream()
                .map(Petition::getId).toList();
        assertTrue(atProvince.contains(up.getId()) && !atProvince.contains(theirs.getId()),
                "the province finds what was sent up to it");
        petitions.move(up.getId(), Step.ASSIGN, new StepForm("Sở Nông nghiệp và Môi trường", null, null, null));
        assertEquals(PetitionState.ASSIGNED, petitions.get(up.getId()).getState());

        // the province finds it the ward's after all and sends it back down, with a reason
        assertRefused("petition.transferDownReason.required", up, Step.TRANSFER_DOWN, new StepForm(null, null, null, " "));
        petitions.move(up.getId(), Step.TRANSFER_DOWN, new StepForm(null, null, null, "Thuộc thẩm quyền của phường"));
        Petition back = petitions.get(up.getId());
        assertEquals(PetitionState.TRANSFERRED_DOWN, back.getState());
        assertFalse(back.isAtProvince());
        assertNull(back.getResponsibleBody(), "the department the province named no longer answers it");
        assertEquals(today.plusDays(15), back.getDueOn(), "the ward's own deadline from the day it came back");
        assertRefused("petition.error.notYours", up, Step.ASSIGN, new StepForm("Sở Xây dựng", null, null, null));
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertRefused("petition.error.state", up, Step.TRANSFER_UP, new StepForm(null, null, null, "Lên tỉnh lần nữa"));
        petitions.move(up.getId(), Step.ASSIGN, new StepForm("Phòng Kinh tế", null, null, null));
        assertEquals(PetitionState.ASSIGNED, petitions.get(up.getId()).getState(), "the ward assigns it");
        assertRefused("petition.error.state", up, Step.TRANSFER_UP, new StepForm(null, null, null, "Lên tỉnh lần nữa"));
        assertTrue(count("SELECT COUNT(n) FROM Notification n WHERE n.recipientCadreId = " + inside.getId()
                + " AND n.messageKey = 'notify.petition.TRANSFERRED_DOWN'") == 1, "the raiser told it came back");

        // the cadre reads the petitions they raised, and nothing else
        Long demoCadre = em.createQuery("SELECT a.cadreId FROM Account a WHERE a.username = 'canbo'", Long.class)
                .getSingleResult();
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        List<Petition> own = petitions.mine();
        assertTrue(own.stream().allMatch(x -> x.getRaiser().getId().equals(demoCadre)), "only their own");
        assertFalse(own.isEmpty(), "the demo cadre raised some at the briefings");
        assertThrows(EJBAccessException.class, () -> petitions.list(Filter.ALL, PageRequest.of(0, 10)));
        assertThrows(EJBAccessException.class, () -> petitions.move(p.getId(), Step.REOPEN,
                new StepForm(null, null, null, "Không đồng ý")), "a cadre moves none");
    }

    @Test
    void theDemoHasPetitionsInEveryStateMostlyResolvedSatisfactorily() {
        List<?> rows = em.createQuery("SELECT p.state, COUNT(p) FROM Petition p WHERE p.recordedBy = 'demo'"
                + " GROUP BY p.state").getResultList();
        java.util.Map<String, Long> byState = new java.util.TreeMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            byState.put(row[0].toString(), (Long) row[1]);
        }
        System.out.println("demo petitions by state: " + byState);
        assertEquals(Set.of(PetitionState.values()).stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                byState.keySet(), "every state: " + byState);
        long confirmed = byState.get("CONFIRMED");
        long reopened = byState.get("REOPENED");
        double share = (double) confirmed / (confirmed + reopened);
        // the generator reopens 2%; the small demo of the tests adds its commune's one reopened petition
        assertTrue(share > 0.9 && share < 1.0, "about 98% of those the hamlets answered for are satisfied: " + share);
        assertTrue(count("SELECT COUNT(p) FROM Petition p WHERE p.atProvince = TRUE") > 0, "some transferred up");
        assertTrue(count("SELECT COUNT(p) FROM Petition p WHERE p.briefing IS NOT NULL") > 0, "most at briefings");
        assertTrue(count("SELECT COUNT(p) FROM Petition p WHERE p.state NOT IN (vn.cadretraining.petition.entity"
                + ".PetitionState.ANSWERED, vn.cadretraining.petition.entity.PetitionState.CONFIRMED)"
                + " AND p.dueOn < :d", VietnamTime.today()) > 0, "some overdue");
    }

    /**
     * The petition figures and the quarterly report follow the dashboard's scope: a coordinator reads their own
     * ward's, and another ward's (or the province's) by a crafted call is "not found" with nothing written; the
     * page says so in words. A hamlet's report, a quarter out of range are refused with a message; a cadre and a
     * trainer may not read them at all.
     */
    @Test
    void aCoordinatorReadsTheirOwnPetitionReportAndNoOtherWardsByACraftedCall() {
        int year = VietnamTime.today().getYear();
        AdminUnit mine = unit("Phường Hạ Long");
        AdminUnit other = unit("Phường Bãi Cháy");
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertEquals(mine.getId(), progress.page(null, year, Basis.YEAR).petitions().unit().getId());
        assertEquals(mine.getId(), petitionProgress.quarter(mine.getId(), year, 1).unit().getId());
        java.io.ByteArrayOutputStream own = new java.io.ByteArrayOutputStream();
        petitionReport.pdf(null, year, 1, Bundle.VIETNAMESE, own);
        assertTrue(own.size() > 0, "their own ward's report");

        for (Long crafted : java.util.Arrays.asList(other.getId(), mine.getParent().getId(), 999_999_999L)) {
            NotFoundException nf = assertThrows(NotFoundException.class, () -> petitionProgress.quarter(crafted, year, 1));
            assertEquals("unit", nf.getMessage(), "the refusal names nothing of the unit");
            assertThrows(NotFoundException.class, () -> progress.page(crafted, year, Basis.YEAR).petitions());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThrows(NotFoundException.class, () -> petitionReport.pdf(crafted, year, 1, Bundle.VIETNAMESE, out));
            assertThrows(NotFoundException.class, () -> petitionReport.xlsx(crafted, year, 1, Bundle.VIETNAMESE, out));
            assertEquals(0, out.size(), "nothing written");
        }
        BusinessException level = assertThrows(BusinessException.class,
                () -> petitionProgress.quarter(hamlet("Phường Hạ Long").getId(), year, 1));
        assertEquals("petitionReport.error.level", level.getMessageKey());
        BusinessException quarter = assertThrows(BusinessException.class,
                () -> petitionProgress.quarter(null, year, 5));
        assertEquals("petitionReport.error.quarter", quarter.getMessageKey());
        assertTrue(Bundle.text(Bundle.VIETNAMESE, "petitionReport.error.level").contains("xã"));

        // the page: another ward's dashboard (where its report is offered) is a 404 that says why, in words
        vn.cadretraining.testing.Http http = new vn.cadretraining.testing.Http(InContainer.base());
        assertEquals(302, http.signIn("xa.halong", DemoProvince.DEMO_PASSWORD).statusCode(), "signed in");
        var page = http.get("/reports/dashboard.xhtml?unit=" + other.getId() + "&year=" + year);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains(Bundle.text(Bundle.VIETNAMESE, "error.404.text")), page.body());
        assertFalse(page.body().contains("Bãi Cháy"), "nothing of the other ward on the page");
        var own404 = http.get("/reports/dashboard.xhtml?year=" + year);
        assertEquals(200, own404.statusCode());
        assertTrue(own404.body().contains("petitionReport:reportPdf"), "their own ward's report is offered");

        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> petitionProgress.quarter(null, year, 1));
        InContainer.signIn("giangvien", DemoProvince.DEMO_PASSWORD);
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> progress.page(null, year, Basis.YEAR).petitions());
    }

    private void assertRefused(String key, Petition p, Step step, StepForm form) {
        PetitionState before = petitions.get(p.getId()).getState();
        BusinessException refused = assertThrows(BusinessException.class, () -> petitions.move(p.getId(), step, form));
        assertEquals(key, refused.getMessageKey());
        assertTrue(Bundle.text(Bundle.VIETNAMESE, key).length() > 0);
        assertEquals(before, petitions.get(p.getId()).getState(), "a refused step changes nothing");
    }

    @Test
    void aCoordinatorsPasswordResetDoesNotEnableAnAccountAnAdministratorDisabled() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Cadre cadre = cadres.create("IT-ACC-" + unique(), details("Đỗ Văn Khoá", hamlet("Phường Hạ Long"), null));
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        AccountService.Issued given = cadreAccounts.give(cadre.getId(), false);
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        accounts.disable(given.account().getId());
        String hashBefore = accounts.get(given.account().getId()).getPasswordHash();

        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        BusinessException refused = assertThrows(BusinessException.class, () -> cadreAccounts.reset(cadre.getId()));
        assertEquals("account.error.disabledByAdmin", refused.getMessageKey());
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Account after = accounts.get(given.account().getId());
        assertFalse(after.isEnabled(), "still disabled");
        assertEquals(hashBefore, after.getPasswordHash(), "no new password either");

        // an administrator's reset is theirs to decide: it enables the account again
        cadreAccounts.reset(cadre.getId());
        assertTrue(accounts.get(given.account().getId()).isEnabled());
        assertTrue(audit.list(new AuditService.Filter(null, null, AuditAction.ACCOUNT_ENABLED, "admin", null),
                PageRequest.of(0, 100)).stream().anyMatch(e -> Long.valueOf(given.account().getId()).equals(e.getSubjectId())),
                "the trail says the reset gave the account back, not only that its password was reset");
        // and an enabled account's reset by its coordinator works as before
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        assertFalse(cadreAccounts.reset(cadre.getId()).temporaryPassword().isBlank());
    }

    @Test
    void aProvinceReviewerReadsEverythingButChangesNothingAndSeesIdsMasked() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        Cadre someone = cadres.create("IT-PR-" + unique(), details("Vũ Thị Xem", hamlet("Phường Hà Tu"), null));
        InContainer.signIn("tinh", DemoProvince.DEMO_PASSWORD);
        Cadre seen = cadres.get(someone.getId());
        assertEquals("•••••••••789", cadres.nationalIdFor(seen), "the national ID is masked for a reviewer");
        assertThrows(EJBAccessException.class, () -> cadres.update(seen.getId(), seen.getVersion(),
                details("Vũ Thị Đổi", hamlet("Phường Hà Tu"), null)));
    }

    @Test
    void aCadreSeesOnlyThemselvesAndMayCorrectTheirPhone() {
        InContainer.signIn("canbo", DemoProvince.DEMO_PASSWORD);
        Cadre me = cadres.mine().orElseThrow();
        assertEquals(DemoProvince.DEMO_CADRE_NAME, me.getFullName());
        assertTrue(cadres.nationalIdFor(me).matches("[0-9]{12}"), "their own ID in full");
        Cadre changed = cadres.changeOwnPhone(me.getVersion(), "0987 654 321");
        assertEquals("0987654321", changed.getPhone());
        long other = em.createQuery("SELECT c.id FROM Cadre c WHERE c.id <> :me", Long.class)
                .setParameter("me", me.getId()).setMaxResults(1).getSingleResult();
        assertThrows(NotFoundException.class, () -> cadres.get(other));
        assertThrows(EJBAccessException.class, () -> cadres.count(RosterFilter.ALL), "no roster for a cadre");
    }

    @Test
    void theListsOfTitlesAndEthnicGroupsFollowAnAdministratorsChanges() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        assertEquals(54, reference.ethnicities().size());
        assertEquals("KINH", reference.ethnicities().get(0).getCode(), "in their order, read twice (kept)");
        String code = "IT_TITLE_" + unique();
        int before = reference.activeTitles().size();
        PositionTitle made = titles.create(code, "Tổ trưởng thử", "Test leader", false, 99);
        assertTrue(names(reference.activeTitles()).contains("Tổ trưởng thử"), "a new title is offered at once");
        PositionTitle renamed = titles.update(made.getId(), made.getVersion(), "Tổ trưởng tự quản",
                "Self-management leader", false, 99, true);
        assertTrue(names(reference.activeTitles()).contains("Tổ trưởng tự quản"), "renamed at once");
        titles.update(renamed.getId(), renamed.getVersion(), "Tổ trưởng tự quản", "Self-management leader", false, 99,
                false);
        assertEquals(before, reference.activeTitles().size(), "a deactivated title is no longer offered");
    }

    private static List<String> names(List<PositionTitle> list) {
        return list.stream().map(PositionTitle::getNameVi).toList();
    }

    @Test
    void pagesCoverTheCountExactlyOnceInOrder() {
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        long total = cadres.count(RosterFilter.ALL);
        Set<Long> seen = new HashSet<>();
        int pages = 0;
        for (int first = 0; first < total; first += 50) {
            List<RosterRow> page = cadres.search(RosterFilter.ALL, PageRequest.of(first, 50));
            for (RosterRow row : page) {
                assertTrue(seen.add(row.getId()), "no one appears on two pages");
            }
            pages++;
        }
        assertEquals(total, seen.size(), "every counted cadre on exactly one page, over " + pages + " pages");
        List<RosterRow> firstPage = cadres.search(RosterFilter.ALL, PageRequest.of(0, 50));
        for (int i = 1; i < firstPage.size(); i++) {
            assertTrue(Cadre.sortKey(firstPage.get(i - 1).cadre().getFullName())
                    .compareTo(Cadre.sortKey(firstPage.get(i).cadre().getFullName())) <= 0,
                    "sorted the Vietnamese way, by given name first");
        }
        assertTrue(firstPage.stream().anyMatch(r -> !r.titlesVi().isEmpty()), "with the titles held now");
    }

    @Test
    void aMergeClosesTheUnitsAndContinuesWhatWasCurrentInTheSuccessor() {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        List<AdminUnit> haTu = em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent.name = 'Phường Hà Tu'"
                + " AND u.validTo IS NULL ORDER BY u.id", AdminUnit.class).getResultList();
        AdminUnit from = haTu.get(haTu.size() - 1);
        AdminUnit into = haTu.get(haTu.size() - 2);
        long heldBefore = count("SELECT COUNT(p) FROM Position p WHERE p.unit.id = " + from.getId() + " AND p.endDate IS NULL");
        long rosterBefore = count("SELECT COUNT(c) FROM Cadre c WHERE c.unit.id = " + from.getId());
        assertTrue(heldBefore > 0);
        LocalDate day = LocalDate.now().plusDays(1);

        UnitAdminService.Preview preview = unitAdmin.preview(List.of(from.getId()), into.getId(), null, null, day);
        assertTrue(preview.allowed(), () -> "allowed: " + preview.problems());
        assertEquals(heldBefore, preview.lines().stream().filter(l -> l.key().equals("merge.preview.positions"))
                .findFirst().orElseThrow().count(), "the preview counts the positions that move");

        unitAdmin.merge(List.of(from.getId()), into.getId(), null, null, null, null, day);
        em.clear();
        AdminUnit closed = em.find(AdminUnit.class, from.getId());
        assertEquals(day.minusDays(1), closed.getValidTo());
        assertEquals(into.getId(), closed.getSuccessor().getId());
        assertEquals(into.getId(), closed.getCurrentUnit().getId(), "its history counts under the successor");
        assertEquals(0, count("SELECT COUNT(p) FROM Position p WHERE p.unit.id = " + from.getId() + " AND p.endDate IS NULL"));
        assertEquals(heldBefore, count("SELECT COUNT(p) FROM Position p WHERE p.unit.id = " + into.getId()
                + " AND p.startDate = :d", day), "each title held there continues in the successor from the merge day");
        assertEquals(0, count("SELECT COUNT(c) FROM Cadre c WHERE c.unit.id = " + from.getId()));
        assertTrue(count("SELECT COUNT(c) FROM Cadre c WHERE c.unit.id = " + into.getId()) >= rosterBefore);

        // merging a unit that is no longer in service is refused
        assertThrows(vn.cadretraining.shared.service.BusinessException.class,
                () -> unitAdmin.merge(List.of(from.getId()), into.getId(), null, null, null, null, day.plusDays(1)));
    }

    // ---- helpers ----

    private List<Long> ids(RosterFilter filter) {
        return cadres.search(filter, PageRequest.of(0, 100)).stream().map(RosterRow::getId).toList();
    }

    private CadreService.Details details(String name, AdminUnit unit, String phone) {
        return new CadreService.Details(name, Gender.MALE, LocalDate.of(1975, 5, 19), "KINH", phone, null, null,
                false, null, "022075123789", unit.getId());
    }

    private AdminUnit unit(String name) {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = :n AND u.validTo IS NULL", AdminUnit.class)
                .setParameter("n", name).getSingleResult();
    }

    /** The first current hamlet of a ward. */
    private AdminUnit hamlet(String ward) {
        return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parent.name = :w AND u.validTo IS NULL ORDER BY u.id",
                AdminUnit.class).setParameter("w", ward).setMaxResults(1).getSingleResult();
    }

    private long count(String jpql, Object... date) {
        var q = em.createQuery(jpql, Long.class);
        if (date.length > 0) {
            q.setParameter("d", date[0]);
        }
        return q.getSingleResult();
    }

    /** Six digits, always: some tests make a phone number of it, which needs its full length. */
    private static String unique() {
        return String.format("%06d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
    }
}
