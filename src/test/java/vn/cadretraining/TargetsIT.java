package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.service.ClassService;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.service.UnitAdminService;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.petition.service.PetitionService;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.entity.Measure;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.reporting.service.Dashboard;
import vn.cadretraining.reporting.service.PetitionFigures;
import vn.cadretraining.reporting.service.ProgressService;
import vn.cadretraining.reporting.service.ReportExport;
import vn.cadretraining.reporting.service.ReportFormat;
import vn.cadretraining.reporting.service.TargetService;
import vn.cadretraining.reporting.service.TargetService.Cell;
import vn.cadretraining.reporting.service.TargetService.Edit;
import vn.cadretraining.reporting.service.TargetService.Value;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.InContainer;
import vn.cadretraining.testing.Workbooks;

/**
 * Targets and progress inside a real Payara Micro. Each test builds its own little district, in last year (a
 * whole year, so that nothing depends on today's date): two communes P and Q, hamlets A, B and M under P (M
 * merged into A on 1 June) and C under Q, and six cadres:
 * <ul>
 * <li>c1, secretary in A, trained twice in the year (a course, and a study tour organised by the district);</li>
 * <li>c2, hamlet head and Front head in A (two titles), trained once; also attended a briefing (not a turn);</li>
 * <li>c3, Front head in B: completed a class, then withdrew (does not count);</li>
 * <li>c4, hamlet head in B: failed in the year; trained the year before, in their term;</li>
 * <li>c5, youth secretary, moved from B (commune P) to C (commune Q) on 1 July, trained once in each;</li>
 * <li>c6, newly elected secretary in M, trained in February while in M, carried to A by the merge.</li>
 * </ul>
 * Every figure is checked against the count made by hand here, and against an independent SQL recomputation.
 */
@ExtendWith(ArquillianExtension.class)
class TargetsIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    ProgressService progress;

    @Inject
    TargetService targets;

    @Inject
    ReportExport export;

    @Inject
    vn.cadretraining.enrollment.service.ClassRosterExport rosters;

    @Inject
    UnitAdminService unitAdmin;

    @Inject
    CadreService cadres;

    @Inject
    EnrollmentService enrollments;

    @Inject
    vn.cadretraining.certification.service.ResultService results;

    @Inject
    vn.cadretraining.reporting.service.ProgressRecount recount;

    @Inject
    vn.cadretraining.catalog.service.CourseService courseService;

    @Inject
    ClassService classService;

    @Inject
    AttendanceService attendance;

    @Inject
    jakarta.enterprise.event.Event<vn.cadretraining.certification.service.ResultEvents.Closed> resultsClosed;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private final int y1 = VietnamTime.today().getYear() - 1;
    private final int y0 = y1 - 1;

    // ---- the measures -----------------------------------------------------------------------------------

    @Test
    void everyMeasureMatchesTheHandCountAndAnIndependentRecomputation() throws Exception {
        Fix f = fixture();
        InContainer.signIn("tinh", PASSWORD);
        Dashboard d = progress.page(f.d, y1, Basis.YEAR).dashboard();

        // turns: c1 twice, c2, c6 (in M, carried to A), c5 twice; not c3 (withdrawn), c4 (failed), nor the briefing
        assertEquals(6, d.turns().actual());
        assertEquals(sqlTurns(f.dPath, y1), d.turns().actual());
        // cadres: c1, c2, c5, c6
        assertEquals(4, d.cadres().actual());
        assertEquals(sqlCadres(f.dPath, y1), d.cadres().actual());
        assertEquals(1.0, d.turns().lastYear(), "the year before: c4's class only");
        // by commune: P has c1 ×2, c2, c6, and c5 while in B; Q has c5 after the move
        Dashboard.UnitRow p = row(d, f.p);
        Dashboard.UnitRow q = row(d, f.q);
        assertEquals(5, p.turns().actual());
        assertEquals(4, p.cadres().actual());
        assertEquals(1, q.turns().actual());
        assertEquals(1, q.cadres().actual());
        assertEquals(sqlTurns(f.pPath, y1), p.turns().actual());
        assertEquals(sqlCadres(f.pPath, y1), p.cadres().actual());
        assertEquals(sqlCadres(f.qPath, y1), q.cadres().actual());
        assertEquals(5, p.cadres().actual() + q.cadres().actual(), "the cadre who moved counts in both communes");
        // the home pages' headline reads the same turns, and each commune's
        ProgressService.Headline headline = progress.headline(f.d, y1);
        assertEquals(6, headline.turns().actual(), 1e-9);
        assertEquals(1.0, headline.turns().lastYear(), 1e-9);
        assertEquals(java.util.Map.of(f.p, 5.0, f.q, 1.0), headline.children().stream().collect(
                java.util.stream.Collectors.toMap(r -> r.unit().getId(), r -> r.turns().actual())));
        assertEquals(2, d.children().size(), "M is closed, and no unit is shown twice");

        // briefings: P's in Q1 and M's in Q2 (carried to P); Q's cancelled and P's draft do not count
        assertEquals(2, d.briefings().actual());
        assertEquals(sqlBriefings(f.dPath, y1), d.briefings().actual());
        assertEquals(List.of(1L, 1L, 0L, 0L), d.quarters().stream().map(Dashboard.QuarterRow::held).toList());
        assertEquals(2, p.briefings().actual());
        assertEquals(0, q.briefings().actual());

        // titles on 31 December: secretaries c1, c6 (both trained); hamlet heads c2 (trained), c4 (failed);
        // Front heads c2 (trained), c3 (withdrawn); youth secretary c5 in C (trained)
        assertShare(d, "PARTY_CELL_SECRETARY", 2, 2);
        assertShare(d, "HAMLET_HEAD", 2, 1);
        assertShare(d, "FRONT_HEAD", 2, 1);
        assertShare(d, "YOUTH_UNION", 1, 1);
        for (Dashboard.TitleRow t : d.titles()) {
            assertEquals(sqlHolders(t.titleId(), f.dPath, LocalDate.of(y1, 12, 31)), t.holders(), t.nameVi());
            assertEquals(sqlTrainedInYear(t.titleId(), f.dPath, y1), t.trained(), t.nameVi());
        }
        // the paid titles together: c1, c2 (two titles, once), c3, c4, c6 hold them; c1, c2, c6 are trained
        assertEquals(5, d.paidHolders());
        assertEquals(60.0, d.paidShare().actual(), 1e-9);
        assertEquals(5, p.paidHolders());
        assertEquals(3, p.paidTrained());
        assertEquals(0, q.paidHolders());

        // people: c1 (Tày, woman) 2, c2 (Kinh, man) 1, c5 (Tày, man) 2, c6 (Kinh, woman) 1
        assertEquals(Map.of("TAY", List.of(4L, 2L), "KINH", List.of(2L, 2L)), breakdown(d.ethnicities()));
        assertEquals(Map.of("FEMALE", List.of(3L, 2L), "MALE", List.of(3L, 2L)), breakdown(d.genders()));
        // subject groups: the courses are mass mobilisation (5), the study tour digital skills (1)
        assertEquals(5, subject(d, "MASS_MOBILIZATION").turns().actual());
        assertEquals(1, subject(d, "DIGITAL_SKILLS").turns().actual());
        // the months: February 3 (K1), March 1 (K3), May 1 (K2), September 1 (K4)
        assertEquals(List.of(0L, 3L, 1L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L),
                java.util.Arrays.stream(d.monthlyTurns()).boxed().toList());

        // down to P: A has c1 ×2, c2, c6 (history across the merge); B has c5 before the move
        Dashboard dp = progress.page(f.p, y1, Basis.YEAR).dashboard();
        assertEquals(5, dp.turns().actual());
        Dashboard.UnitRow a = row(dp, f.a);
        assertEquals(4, a.turns().actual());
        assertEquals(3, a.cadres().actual());
        assertEquals(1, row(dp, f.b).turns().actual());
        assertEquals(sqlTurns(f.aPath, y1), a.turns().actual());
        assertEquals(List.of(f.a, f.b), dp.children().stream().map(r -> r.unit().getId()).sorted().toList());
        Dashboard da = progress.page(f.a, y1, Basis.YEAR).dashboard();
        assertEquals(4, da.turns().actual());
        assertEquals(3, da.cadres().actual());
        assertEquals(1, da.briefings().actual(), "M's briefing counts under A since the merge");
        assertEquals(List.of(f.root, f.d, f.p, f.a), da.path().stream().map(AdminUnit::getId).toList());
    }

    @Test
    void theTermBasisCountsTrainingSinceEachHoldersTermBegan() throws Exception {
        Fix f = fixture();
        InContainer.signIn("tinh", PASSWORD);
        Dashboard d = progress.page(f.d, y1, Basis.TERM).dashboard();
        // c4 failed in the year but was trained the year before, in the term written "y0–…"
        assertShare(d, "HAMLET_HEAD", 2, 2);
        // c3's term began three years ago and nothing was ever completed
        assertShare(d, "FRONT_HEAD", 2, 1);
        assertShare(d, "PARTY_CELL_SECRETARY", 2, 2);
        assertEquals(80.0, d.paidShare().actual(), 1e-9, "c1, c2, c4, c6 of five");
        for (Dashboard.TitleRow t : d.titles()) {
            assertEquals(sqlTrainedInTerm(t.titleId(), f.dPath, LocalDate.of(y1, 12, 31)), t.trained(), t.nameVi());
        }
        // the turns and cadres do not depend on the basis
        assertEquals(6, d.turns().actual());
        assertEquals(4, d.cadres().actual());
    }

    @Test
    void aMergeKeepsEachHoldersTermAndOnlyANewTermStartsAfresh() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        LocalDate since = LocalDate.of(2020, 1, 1);
        AdminUnit d = unitAdmin.create(root(), "MD" + tag, "Khu sáp nhập " + tag, UnitKind.DISTRICT, since);
        AdminUnit p = unitAdmin.create(d.getId(), "MP" + tag, "Xã Hợp " + tag, UnitKind.COMMUNE, since);
        AdminUnit a = unitAdmin.create(p.getId(), "MA" + tag, "Thôn Đông " + tag, UnitKind.HAMLET, since);
        AdminUnit m = unitAdmin.create(p.getId(), "MM" + tag, "Thôn Tây " + tag, UnitKind.HAMLET, since);
        // no term written on any position: each term runs from the day its holder took the title
        long head = cadre("M1" + tag, "Vi Văn Trưởng " + tag, Gender.MALE, "TAY", m);
        long front = cadre("M2" + tag, "Lường Thị Mặt " + tag, Gender.FEMALE, "THAI", m);
        long secretary = cadre("M3" + tag, "Chu Văn Bí " + tag, Gender.MALE, "KINH", a);
        cadres.addPosition(head, title("HAMLET_HEAD"), m.getId(), LocalDate.of(y1 - 2, 3, 1), null, false);
        cadres.addPosition(front, title("FRONT_HEAD"), m.getId(), LocalDate.of(y1 - 2, 3, 1), null, false);
        long training = course(ActivityKind.TRAINING_COURSE, "MASS_MOBILIZATION");
        // all three trained in February, in M (the secretary before taking the title)
        closedClass(training, p.getId(), LocalDate.of(y1, 2, 18), LocalDate.of(y1, 2, 20),
                Map.of(head, "C", front, "C", secretary, "C"));

        // M merged into A on 1 June: the head and the Front head carried there, in the same term
        LocalDate merged = LocalDate.of(y1, 6, 1);
        unitAdmin.merge(List.of(m.getId()), a.getId(), null, null, null, null, merged);
        em.clear();
        Position carried = em.createQuery("SELECT p FROM Position p WHERE p.cadre.id = :c AND p.endDate IS NULL",
                Position.class).setParameter("c", head).getSingleResult();
        assertEquals(a.getId(), carried.getUnit().getId());
        assertEquals(merged, carried.getStartDate());
        assertEquals(LocalDate.of(y1 - 2, 3, 1), carried.getTermStart(), "the term began before the merge");
        // a new term: the Front head re-elected on 1 September; a new secretary of A from then
        long frontCarried = em.createQuery("SELECT p.id FROM Position p WHERE p.cadre.id = :c AND p.endDate IS NULL",
                Long.class).setParameter("c", front).getSingleResult();
        cadres.endPosition(frontCarried, LocalDate.of(y1, 8, 31));
        cadres.addPosition(front, title("FRONT_HEAD"), a.getId(), LocalDate.of(y1, 9, 1), null, true);
        cadres.addPosition(secretary, title("PARTY_CELL_SECRETARY"), a.getId(), LocalDate.of(y1, 9, 1), null, true);

        InContainer.signIn("tinh", PASSWORD);
        Dashboard term = progress.page(p.getId(), y1, Basis.TERM).dashboard();
        assertShare(term, "HAMLET_HEAD", 1, 1);
        assertShare(term, "FRONT_HEAD", 1, 0);
        assertShare(term, "PARTY_CELL_SECRETARY", 1, 0);
        String pPath = em.find(AdminUnit.class, p.getId()).getPath();
        for (Dashboard.TitleRow t : term.titles()) {
            assertEquals(sqlTrainedInTerm(t.titleId(), pPath, LocalDate.of(y1, 12, 31)), t.trained(), t.nameVi());
        }
        assertEquals(Set.of(front, secretary), Set.copyOf(progress.untrainedIds(
                new ProgressService.Untrained(p.getId(), y1, Basis.TERM, null, false), 0, 100)),
                "the untrained list of the term agrees");
        // in the year basis all three trained in the year
        assertShare(progress.page(p.getId(), y1, Basis.YEAR).dashboard(), "FRONT_HEAD", 1, 1);
    }

    @Test
    void theWholeProvinceIncludingItsHistoryMatchesAnIndependentRecomputation() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        int year = VietnamTime.today().getYear();
        for (int y : List.of(year, year - 1)) {
            Dashboard d = progress.page(null, y, Basis.YEAR).dashboard();
            String path = d.unit().getPath();
            assertEquals(sqlTurns(path, y), d.turns().actual(), "turns " + y);
            assertEquals(sqlCadres(path, y), d.cadres().actual(), "cadres " + y);
            assertEquals(sqlBriefings(path, y), d.briefings().actual(), "briefings " + y);
            long sum = 0;
            for (Dashboard.UnitRow r : d.children()) {
                assertEquals(sqlTurns(r.unit().getPath(), y), r.turns().actual(), r.unit().getName());
                assertEquals(sqlCadres(r.unit().getPath(), y), r.cadres().actual(), r.unit().getName());
                sum += (long) r.turns().actual();
            }
            assertEquals(d.turns().actual(), sum + d.direct(), "the communes and what is recorded at the province add up");
            LocalDate asOf = y == year ? VietnamTime.today() : LocalDate.of(y, 12, 31);
            for (Dashboard.TitleRow t : d.titles()) {
                assertEquals(sqlHolders(t.titleId(), path, asOf), t.holders(), t.nameVi());
                assertEquals(sqlTrainedInYear(t.titleId(), path, y, asOf), t.trained(), t.nameVi());
            }
            for (Dashboard.TitleRow t : progress.page(null, y, Basis.TERM).dashboard().titles()) {
                assertEquals(sqlTrainedInTerm(t.titleId(), path, asOf), t.trained(), "term " + t.nameVi());
            }
            long ethnic = d.ethnicities().stream().mapToLong(Dashboard.Breakdown::cadres).sum();
            assertEquals(d.cadres().actual(), ethnic, "the ethnic groups add up to the cadres");
            assertEquals(d.turns().actual(), d.genders().stream().mapToLong(Dashboard.Breakdown::turns).sum());
        }
    }

    // ---- the summaries kept by each change -------------------------------------------------------------------

    /**
     * Many mixed changes through the services (classes closed with mixed outcomes, hamlets and communes merged,
     * cadres moved and described anew, titles started and ended, briefings set up, invited to, marked, withdrawn
     * from, called off and moved), and after each batch the kept summaries equal the recount from the raw records,
     * for every unit and year.
     */
    @Test
    void theSummariesKeptByEachChangeEqualTheRecountAfterManyMixedChanges() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        // other tests write closed classes straight into the entities: start from summaries recounted
        recount.recount(true);
        assertEquals(0, recount.recount(false).differences(), "a repaired recount finds nothing more");
        // a row changed behind the application's back is found, and repaired
        tx.begin();
        em.createNativeQuery("UPDATE progress_people SET cadres = cadres + 1 WHERE unit_id = ?").setParameter(1, root())
                .executeUpdate();
        em.createNativeQuery("DELETE FROM progress_turns WHERE unit_id = ?").setParameter(1, root()).executeUpdate();
        tx.commit();
        vn.cadretraining.reporting.service.Recounter.Report broken = recount.recount(false);
        assertTrue(broken.people() > 0 && broken.turns() > 0 && broken.cadres() == 0, broken.toString());
        assertEquals(broken.differences(), recount.recount(true).differences());
        assertEquals(0, recount.recount(false).differences(), "repaired");
        InContainer.signIn("tinh", PASSWORD);
        assertThrows(EJBAccessException.class, () -> recount.recount(false), "administrators only");
        InContainer.signIn("admin", PASSWORD);
        long seed = Long.getLong("it.summary.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        String tag = tag();
        LocalDate since = LocalDate.of(2020, 1, 1);
        AdminUnit d = unitAdmin.create(root(), "SD" + tag, "Khu đếm " + tag, UnitKind.DISTRICT, since);
        List<Long> communes = new ArrayList<>();
        Map<Long, List<Long>> hamlets = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            long commune = unitAdmin.create(d.getId(), "SX" + i + tag, "Xã Đếm " + i + " " + tag, UnitKind.COMMUNE,
                    since).getId();
            communes.add(commune);
            hamlets.put(commune, new ArrayList<>());
            for (int h = 0; h < 3; h++) {
                hamlets.get(commune).add(unitAdmin.create(commune, "SH" + i + h + tag, "Thôn " + i + h + " " + tag,
                        UnitKind.HAMLET, since).getId());
            }
        }
        String[] ethnicities = {"KINH", "TAY", "DAO", "THAI", null};
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long hamlet = anyHamlet(random, communes, hamlets);
            people.add(cadres.create("S" + i + tag, details("Người Đếm " + i + " " + tag,
                    random.nextBoolean() ? Gender.MALE : Gender.FEMALE, ethnicities[random.nextInt(5)], hamlet)).getId());
        }
        long[] courses = {course(ActivityKind.TRAINING_COURSE, "MASS_MOBILIZATION"),
            course(ActivityKind.STUDY_TOUR, "DIGITAL_SKILLS"), course(ActivityKind.PERIODIC_BRIEFING, "MASS_MOBILIZATION")};
        Map<String, Integer> done = new TreeMap<>();
        List<long[]> briefings = new ArrayList<>(); // class, session
        List<Long> petitions = new ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            for (int op = 0; op < 25; op++) {
                int kind = random.nextInt(16);
                if (kind < 5) {
                    long organiser = random.nextBoolean() ? communes.get(random.nextInt(communes.size()))
                            : anyHamlet(random, communes, hamlets);
                    List<Long> who = new ArrayList<>(people);
                    java.util.Collections.shuffle(who, random);
                    closeThroughTheService(courses[random.nextInt(10) < 8 ? random.nextInt(2) : 2], organiser,
                            random.nextBoolean() ? y0 : y1, who.subList(0, 1 + random.nextInt(10)), random);
                    done.merge("classes closed", 1, Integer::sum);
                } else if (kind == 5) {
                    long commune = communes.get(random.nextInt(communes.size()));
                    List<Long> hs = hamlets.get(commune);
                    if (hs.size() >= 2) {
                        long source = hs.get(random.nextInt(hs.size()));
                        long target = hs.stream().filter(h -> h != source).toList()
                                .get(random.nextInt(hs.size() - 1));
                        try {
                            unitAdmin.merge(List.of(source), target, null, null, null, null, VietnamTime.today());
                            hs.remove(Long.valueOf(source));
                            done.merge("hamlets merged", 1, Integer::sum);
                        } catch (BusinessException refused) {
                            done.merge("merges refused", 1, Integer::sum);
                        }
                    }
                } else if (kind == 6 && communes.size() >= 2) {
                    long source = communes.get(random.nextInt(communes.size()));
                    long target = communes.stream().filter(x -> x != source).toList()
                            .get(random.nextInt(communes.size() - 1));
                    try {
                        unitAdmin.merge(List.of(source), target, null, null, null, null, VietnamTime.today());
                        communes.remove(Long.valueOf(source));
                        hamlets.get(target).addAll(hamlets.remove(source));
                        done.merge("communes merged", 1, Integer::sum);
                    } catch (BusinessException refused) {
                        done.merge("merges refused", 1, Integer::sum);
                    }
                } else if (kind == 7 || kind == 8) {
                    long id = people.get(random.nextInt(people.size()));
                    Cadre c = cadres.get(id);
                    boolean move = kind == 7;
                    cadres.update(id, c.getVersion(), details(c.getFullName(),
                            move ? c.getGender() : random.nextBoolean() ? Gender.MALE : Gender.FEMALE,
                            move ? (c.getEthnicity() == null ? null : c.getEthnicity().getCode())
                                    : ethnicities[random.nextInt(5)],
                            move ? anyHamlet(random, communes, hamlets) : c.getUnit().getId()));
                    done.merge(move ? "cadres moved" : "cadres described anew", 1, Integer::sum);
                } else if (kind == 14) {
                    // received on a day of the two past years or of this year so far
                    LocalDate on = LocalDate.of(y0 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    petitions.add(petitionService.record(new PetitionService.Draft(
                            people.get(random.nextInt(people.size())), null,
                            vn.cadretraining.petition.entity.PetitionField.values()[random.nextInt(3)], "Kiến nghị đếm",
                            on.isAfter(VietnamTime.today()) ? VietnamTime.today() : on)).getId());
                    done.merge("petitions recorded", 1, Integer::sum);
                } else if (kind == 15 && !petitions.isEmpty()) {
                    PetitionService.Step step = PetitionService.Step.values()[random.nextInt(
                            PetitionService.Step.values().length)];
                    try {
                        petitionService.move(petitions.get(random.nextInt(petitions.size())), step,
                                new PetitionService.StepForm("Phòng Văn hóa", "Đã trả lời", "12/UBND", "Chưa thỏa đáng"));
                        done.merge("petitions moved", 1, Integer::sum);
                    } catch (BusinessException refused) {
                        // a step its state does not allow: refused, nothing changed
                        done.merge("petition steps refused", 1, Integer::sum);
                    }
                } else if (kind == 11) {
                    // organised by a commune or the province (neither hamlets nor districts organise classes)
                    briefings.add(briefingThroughTheServices(courses[2], random.nextInt(4) > 0
                            ? communes.get(random.nextInt(communes.size())) : root(), people, random));
                    done.merge("briefings set up", 1, Integer::sum);
                } else if ((kind == 12 || kind == 13) && !briefings.isEmpty()) {
                    long[] b = briefings.get(random.nextInt(briefings.size()));
                    try {
                        done.merge(changeABriefing(b[0], b[1], random.nextInt(4) > 0
                                ? communes.get(random.nextInt(communes.size())) : root(), random), 1, Integer::sum);
                    } catch (BusinessException refused) {
                        // a class called off or closed, a session called off: refused, nothing changed
                        done.merge("briefing changes refused", 1, Integer::sum);
                    }
                } else if (kind == 10) {
                    // a course moved to another subject group, or made a briefing (its completions stop counting)
                    Course course = em.find(Course.class, courses[random.nextInt(2)]);
                    String[] groups = {"MASS_MOBILIZATION", "DIGITAL_SKILLS", "FRONT_WORK"};
                    ActivityKind[] kinds = {ActivityKind.TRAINING_COURSE, ActivityKind.STUDY_TOUR,
                        ActivityKind.THEMATIC_BRIEFING};
                    long group = em.createQuery("SELECT g.id FROM SubjectGroup g WHERE g.code = :c", Long.class)
                            .setParameter("c", groups[random.nextInt(3)]).getSingleResult();
                    courseService.update(course.getId(), course.getVersion(), new vn.cadretraining.catalog.service
                            .CourseService.Details(null, course.getTitleVi(), course.getTitleEn(), null, null, group,
                            kinds[random.nextInt(3)], course.getHours(), List.of(), List.of(), course.getRule(), true));
                    done.merge("courses regrouped", 1, Integer::sum);
                } else {
                    long id = people.get(random.nextInt(people.size()));
                    Cadre c = cadres.get(id);
                    try {
                        long position = cadres.addPosition(id, title(random.nextBoolean() ? "HAMLET_HEAD" : "FRONT_HEAD"),
                                c.getUnit().getId(), LocalDate.of(y0, 1 + random.nextInt(12), 1),
                                random.nextBoolean() ? y0 + "–" + (y0 + 5) : null, random.nextBoolean()).getId();
                        if (random.nextBoolean()) {
                            cadres.endPosition(position, LocalDate.of(y1, 6, 30));
                        }
                        done.merge("titles changed", 1, Integer::sum);
                    } catch (BusinessException held) {
                        // the title is held there already: refused, nothing changed
                        done.merge("titles refused", 1, Integer::sum);
                    }
                }
            }
            ProgressRecountReport r = ProgressRecountReport.of(recount.recount(false));
            assertEquals(0, r.differences(), "after batch " + batch + " (seed " + seed + ", " + done + "): " + r);
        }
        assertTrue(done.getOrDefault("classes closed", 0) > 0, done.toString());
        System.out.println("Summaries equal to the recount after " + done + " (seed " + seed + ")");
    }

    /**
     * A briefing organised by a unit, through the services: on a day of the two past years or of the days to come,
     * one session; three in four are opened and invite some of the people (the others stay drafts, not held).
     * Returns the class and its session.
     */
    private long[] briefingThroughTheServices(long courseId, long unitId, List<Long> people, java.util.Random random) {
        LocalDate today = VietnamTime.today();
        LocalDate day = random.nextInt(4) == 0 ? today.plusDays(1 + random.nextInt(10))
                : LocalDate.of(random.nextBoolean() ? y0 : y1, 1 + random.nextInt(12), 1 + random.nextInt(28));
        CourseClass k = classService.create(new ClassService.Details(null, courseId, unitId, null, List.of(), day, day,
                200, null, null, false, null, List.of(), null));
        long session = classService.addSession(k.getId(), new ClassService.SessionDetails(day,
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(11, 0), "Giao ban", null, null)).getId();
        if (random.nextInt(4) > 0) {
            classService.open(k.getId(), classService.get(k.getId()).getVersion());
            List<Long> who = new ArrayList<>(people);
            java.util.Collections.shuffle(who, random);
            enrollments.nominate(k.getId(), who.subList(0, 1 + random.nextInt(8)));
        }
        return new long[] {k.getId(), session};
    }

    /** One change of a briefing through the services; what was done. */
    private String changeABriefing(long classId, long sessionId, long otherUnit, java.util.Random random) {
        CourseClass k = classService.get(classId);
        switch (random.nextInt(5)) {
            case 0 -> {
                List<AttendanceService.GridChange> rows = new ArrayList<>();
                AttendanceStatus[] marks = {AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT};
                for (AttendanceService.GridRow row : attendance.grid(sessionId)) {
                    rows.add(new AttendanceService.GridChange(row, marks[random.nextInt(3)], null));
                }
                attendance.save(sessionId, rows);
                return "briefing marks saved";
            }
            case 1 -> {
                List<Long> active = em.createQuery("SELECT e.id FROM Enrollment e WHERE e.courseClass.id = :k"
                        + " AND e.status = :s", Long.class).setParameter("k", classId)
                        .setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
                if (active.isEmpty()) {
                    return "briefing changes refused";
                }
                enrollments.withdraw(active.get(random.nextInt(active.size())), "Bận việc gia đình");
                return "briefing invitations withdrawn";
            }
            case 2 -> {
                classService.cancelSession(sessionId, attendance.session(sessionId).getVersion(), "Mưa bão");
                return "briefing sessions called off";
            }
            case 3 -> {
                classService.cancel(classId, k.getVersion());
                return "briefings called off";
            }
            default -> {
                classService.update(classId, k.getVersion(), new ClassService.Details(k.getCode(), k.getCourse().getId(),
                        otherUnit, null, List.of(), k.getStartDate(), k.getEndDate(), 200, null, null, false, null,
                        List.of(), null));
                return "briefings moved to another unit";
            }
        }
    }

    private record ProgressRecountReport(int differences, String text) {
        static ProgressRecountReport of(vn.cadretraining.reporting.service.Recounter.Report r) {
            return new ProgressRecountReport(r.differences(), r.toString());
        }
    }

    private static long anyHamlet(java.util.Random random, List<Long> communes, Map<Long, List<Long>> hamlets) {
        List<Long> hs = hamlets.get(communes.get(random.nextInt(communes.size())));
        return hs.get(random.nextInt(hs.size()));
    }

    /**
     * A class of the year with one session held, closed by the results service: those marked present complete,
     * the others do not, one in five withdraws before the end.
     */
    private void closeThroughTheService(long courseId, long unitId, int year, List<Long> people,
            java.util.Random random) throws Exception {
        LocalDate day = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        tx.begin();
        Course course = em.find(Course.class, courseId);
        CourseClass k = new CourseClass("SK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), course,
                em.find(AdminUnit.class, unitId));
        k.schedule(day, day, 60, null, null);
        em.persist(k);
        vn.cadretraining.catalog.entity.ClassSession session = new vn.cadretraining.catalog.entity.ClassSession(k, day,
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(11, 0), "Chuyên đề", null, null);
        em.persist(session);
        for (long id : people) {
            Enrollment en = Enrollment.nominate(k, em.find(Cadre.class, id), "test");
            em.persist(en);
            int fate = random.nextInt(5);
            if (fate == 0) {
                en.withdraw("Bận việc gia đình");
            } else if (fate >= 2) {
                em.persist(new vn.cadretraining.attendance.entity.AttendanceMark(session, en,
                        vn.cadretraining.attendance.entity.AttendanceStatus.PRESENT, null,
                        vn.cadretraining.attendance.entity.MarkSource.GRID, "admin"));
            }
        }
        tx.commit();
        results.close(k.getId());
    }

    // ---- the lists of people not trained -------------------------------------------------------------------

    @Test
    void theUntrainedListsAreTheHoldersWithoutACompletionAndCanBeNominated() throws Exception {
        Fix f = fixture();
        InContainer.signIn("admin", PASSWORD);
        long head = title("HAMLET_HEAD");
        long front = title("FRONT_HEAD");
        assertEquals(List.of(f.c4), progress.untrainedIds(new ProgressService.Untrained(f.d, y1, Basis.YEAR, head, false), 0, 100));
        assertEquals(List.of(), progress.untrainedIds(new ProgressService.Untrained(f.d, y1, Basis.TERM, head, false), 0, 100));
        assertEquals(List.of(f.c3), progress.untrainedIds(new ProgressService.Untrained(f.d, y1, Basis.YEAR, front, false), 0, 100));
        ProgressService.Untrained any = new ProgressService.Untrained(f.d, y1, Basis.YEAR, null, false);
        assertEquals(Set.of(f.c3, f.c4), Set.copyOf(progress.untrainedIds(any, 0, 100)));
        assertEquals(2, progress.countUntrained(any));
        assertEquals(List.of(f.c4), progress.untrainedIds(new ProgressService.Untrained(f.d, y1, Basis.YEAR, null, true), 0, 100),
                "of the newly elected, c6 is trained and c4 is not");
        // rows with their titles and last completion, a page at a time
        List<ProgressService.UntrainedRow> rows = progress.untrained(any, PageRequest.of(0, 1));
        assertEquals(1, rows.size());
        ProgressService.UntrainedRow c4 = progress.untrained(new ProgressService.Untrained(f.b, y1, Basis.YEAR, head, false),
                PageRequest.of(0, 10)).get(0);
        assertEquals("Lò Thị Bốn " + f.tag, c4.fullName());
        assertEquals(List.of(nameOf("HAMLET_HEAD")), c4.titlesVi());
        assertEquals(LocalDate.of(y0, 10, 15), c4.lastCompleted(), "trained the year before");
        // the list's size follows the dashboard: holders less trained
        Dashboard d = progress.page(f.d, y1, Basis.YEAR).dashboard();
        assertEquals(1, d.titles().stream().filter(t -> t.titleId() == head).findFirst().orElseThrow().getUntrained());

        // nominated from the list to an open class of P, by the enrollment rules
        long open = openClass(f.p);
        assertTrue(progress.openClassesFor(f.b).stream().anyMatch(k -> k.getId() == open));
        EnrollmentService.NominationResult r = enrollments.nominate(open, progress.untrainedIds(any, 0, 500));
        assertEquals(2, r.enrolled());
        assertEquals(0, r.skipped());
        EnrollmentService.NominationResult again = enrollments.nominate(open, progress.untrainedIds(any, 0, 500));
        assertEquals(2, again.skipped(), "already in the class");
    }

    // ---- scope ---------------------------------------------------------------------------------------

    @Test
    void aCoordinatorSeesTheirOwnUnitOnlyAndOthersNothing() throws Exception {
        Fix f = fixture();
        InContainer.signIn("xa.halong", PASSWORD);
        Dashboard mine = progress.page(null, y1, Basis.YEAR).dashboard();
        assertEquals("Phường Hạ Long", mine.unit().getName());
        assertEquals(1, mine.path().size(), "the way up stops at their own unit");
        long hamlet = mine.children().get(0).unit().getId();
        assertEquals(hamlet, progress.page(hamlet, y1, Basis.YEAR).dashboard().unit().getId());
        assertThrows(NotFoundException.class, () -> progress.page(f.d, y1, Basis.YEAR).dashboard());
        assertThrows(NotFoundException.class, () -> progress.page(f.root, y1, Basis.YEAR).dashboard());
        assertThrows(NotFoundException.class, () -> progress.page(999_999_999L, y1, Basis.YEAR).dashboard());
        assertThrows(NotFoundException.class, () -> progress.page(f.m, y1, Basis.YEAR).dashboard());
        assertThrows(NotFoundException.class,
                () -> progress.countUntrained(new ProgressService.Untrained(f.b, y1, Basis.YEAR, null, false)));
        assertThrows(NotFoundException.class, () -> progress.openClassesFor(f.p));
        assertThrows(EJBAccessException.class, () -> targets.save(y1, List.of()));
        assertThrows(EJBAccessException.class, () -> targets.valuesOf(y1));
        assertEquals(List.of(mine.unit().getId()), targets.sheet(y1).communes().stream().map(AdminUnit::getId).toList());
        assertNull(targets.sheet(y1).province(), "a coordinator reads their own targets only");
        assertThrows(NotFoundException.class, () -> progress.page(null, 1999, Basis.YEAR), "a year out of range");

        InContainer.signIn("canbo", PASSWORD);
        assertThrows(EJBAccessException.class, () -> progress.page(null, y1, Basis.YEAR).dashboard());
        InContainer.signIn("giangvien", PASSWORD);
        assertThrows(EJBAccessException.class, () -> progress.page(null, y1, Basis.YEAR).dashboard());
        assertThrows(EJBAccessException.class, () -> targets.sheet(y1));
    }

    // ---- files ----------------------------------------------------------------------------------------

    @Test
    void theExportedFilesHoldTheFiguresOfTheDashboard() throws Exception {
        Fix f = fixture();
        InContainer.signIn("tinh", PASSWORD);
        targets.save(y1, List.of(new Edit(new Cell(f.d, Measure.TURNS, 0), Value.NONE, 8),
                new Edit(new Cell(f.d, Measure.CADRES, 0), Value.NONE, 5)));
        Dashboard province = progress.page(null, y1, Basis.YEAR).dashboard();
        Dashboard.UnitRow district = row(province, f.d);
        assertEquals(Integer.valueOf(8), district.turns().target());
        assertEquals(75.0, district.turns().getPercent(), 1e-9, "6 of 8");
        assertEquals(Standing.FAR_BEHIND, district.turns().standing(), "a past year expects the whole target");

        Dashboard d = progress.page(f.d, y1, Basis.YEAR).dashboard();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        export.dashboardXlsx(d, Bundle.VIETNAMESE, xlsx);
        Map<String, List<List<Object>>> sheets = readXlsx(xlsx.toByteArray());
        List<Object> turns = find(sheets, "Lượt cán bộ được bồi dưỡng");
        assertEquals(6.0, turns.get(1));
        List<Object> cadreLine = find(sheets, "Số cán bộ được bồi dưỡng");
        assertEquals(4.0, cadreLine.get(1));
        List<Object> pLine = find(sheets, f.pName);
        assertEquals(5.0, pLine.get(2), "P's turns in the units sheet");
        assertEquals(4.0, pLine.get(7), "P's cadres");
        // shares are percentages: 0.6 shown as 60,0%
        assertEquals(0.6, find(sheets, "Cán bộ 3 chức danh có phụ cấp đã được bồi dưỡng").get(1));
        assertEquals(1.0, find(sheets, nameOf("PARTY_CELL_SECRETARY")).get(3));
        assertEquals(List.of(2.0, 1.0), find(sheets, nameOf("HAMLET_HEAD")).subList(1, 3));
        assertEquals(1.0, find(sheets, "Quý 1").get(1));

        assertDashboardWorkbookIsASpreadsheet(xlsx.toByteArray(), export.tables(d, Bundle.VIETNAMESE));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        export.dashboardPdf(d, Bundle.VIETNAMESE, pdf);
        String text = pdfText(pdf.toByteArray()).replace('\n', ' ');
        assertTrue(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), text);
        assertTrue(text.contains("BÁO CÁO KẾT QUẢ BỒI DƯỠNG CÁN BỘ CƠ SỞ NĂM " + y1), text);
        // every line of every table, its figures in order and close together, as the page writes them (a long
        // name may wrap inside its cell: its first word)
        for (ReportExport.Table table : export.tables(d, Bundle.VIETNAMESE)) {
            for (List<ReportExport.Value> line : table.rows()) {
                List<String> expected = new ArrayList<>();
                for (ReportExport.Value v : line) {
                    String shown = v.number() != null ? v.text() : v.text().split(" ")[0];
                    if (!shown.isBlank()) {
                        expected.add(shown);
                    }
                }
                assertLineInPdf(text, expected, table.title());
            }
        }
        assertTrue(text.contains("60,0%") && text.contains("100,0%") && text.contains("50,0%"), text);

        // the list of the hamlet heads not trained, in both files
        ProgressService.Untrained heads = new ProgressService.Untrained(f.d, y1, Basis.YEAR, title("HAMLET_HEAD"), false);
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        export.untrainedXlsx(heads, Bundle.VIETNAMESE, list);
        List<List<Object>> lines = readXlsx(list.toByteArray()).values().iterator().next();
        assertTrue(lines.stream().anyMatch(l -> l.contains("Lò Thị Bốn " + f.tag)), lines.toString());
        // c4 is newly elected: a data "yes" ("Có"), not the confirm button's word ("Đồng ý")
        List<Object> c4 = lines.stream().filter(l -> l.contains("Lò Thị Bốn " + f.tag)).findFirst().orElseThrow();
        assertTrue(c4.contains(Bundle.text(Bundle.VIETNAMESE, "general.true")), c4.toString());
        assertFalse(c4.contains(Bundle.text(Bundle.VIETNAMESE, "general.yes")), c4.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("Hà Văn Hai " + f.tag)), "c2 is trained");
        assertUntrainedWorkbookIsASpreadsheet(list.toByteArray());
        ByteArrayOutputStream listPdf = new ByteArrayOutputStream();
        export.untrainedPdf(heads, Bundle.VIETNAMESE, listPdf);
        assertTrue(pdfText(listPdf.toByteArray()).contains("Lò Thị Bốn " + f.tag));
    }

    /**
     * Each sheet of the dashboard's workbook: named by its table without a word cut, its header frozen and
     * printed on every A4 landscape page one page wide, the counts and shares numbers (percentages formatted as
     * such), no empty text where a value is missing.
     */
    private static void assertDashboardWorkbookIsASpreadsheet(byte[] bytes, List<ReportExport.Table> tables)
            throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(tables.size(), book.getNumberOfSheets());
            for (int i = 0; i < tables.size(); i++) {
                Sheet sheet = book.getSheetAt(i);
                Workbooks.assertWholeWords(sheet.getSheetName(), (i + 1) + ". " + tables.get(i).title());
                int header = headerRow(sheet, tables.get(i).headings().get(0));
                Workbooks.assertFramedAndPrinted(sheet, header, header);
                assertNoEmptyText(sheet);
                // the table's rows; the notes and the signer's lines follow the last table
                for (int r = header + 1; r <= header + tables.get(i).rows().size(); r++) {
                    List<ReportExport.Value> values = tables.get(i).rows().get(r - header - 1);
                    for (int c = 0; c < values.size(); c++) {
                        ReportExport.Value v = values.get(c);
                        org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(c);
                        if (v.number() != null) {
                            assertEquals(CellType.NUMERIC, cell.getCellType(), sheet.getSheetName() + " " + v.text());
                            assertEquals(v.text().endsWith("%") ? "0.0%" : v.number() == Math.rint(v.number()) ? "#,##0"
                                    : "#,##0.0", cell.getCellStyle().getDataFormatString(), v.text());
                        } else if (v.text().isEmpty()) {
                            Workbooks.assertEmpty(sheet.getRow(r), c, sheet.getSheetName());
                        }
                    }
                }
            }
        }
    }

    /** The untrained list's sheet: STT a number, the last course a date or an empty cell, the header framed. */
    private static void assertUntrainedWorkbookIsASpreadsheet(byte[] bytes) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            int header = headerRow(sheet, "STT");
            Workbooks.assertFramedAndPrinted(sheet, header, header);
            assertNoEmptyText(sheet);
            assertTrue(sheet.getLastRowNum() > header, "the list has rows");
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null) {
                    break; // the list ends; the signer's lines follow
                }
                Workbooks.assertNumber(row.getCell(0), r - header, "STT");
                if (row.getCell(6) != null) {
                    Workbooks.assertDate(row.getCell(6), "the last course completed");
                }
            }
        }
    }

    private static int headerRow(Sheet sheet, String firstHeading) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && firstHeading.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row '" + firstHeading + "' in " + sheet.getSheetName());
    }

    /** A missing value is an empty cell, never "" or a dash. */
    private static void assertNoEmptyText(Sheet sheet) {
        for (Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    String text = cell.getStringCellValue().strip();
                    assertFalse(text.isEmpty() || text.equals("—") || text.equals("-"),
                            sheet.getSheetName() + " " + cell.getAddress() + ": '" + text + "' instead of an empty cell");
                }
            }
        }
    }

    /**
     * The province's report and a commune's, as PDF and workbook: both say the same issuer, a Party organ under its
     * superior with the Party's name (Hướng dẫn 36-HD/VPTW), the number to write by hand with the document-kind and
     * body abbreviations, the date line, the notes and the signer; every font of the PDFs is embedded.
     */
    @Test
    void theProvinceAndCommuneReportsCarryTheirPartyIssuerAlikeInPdfAndWorkbook() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        AdminUnit commune = unitAdmin.create(root(), "TH" + tag, "Xã Thử " + tag, UnitKind.COMMUNE,
                LocalDate.of(2020, 1, 1));
        int year = VietnamTime.today().getYear();
        String date = partyDateLine(VietnamTime.today());

        assertReport(progress.page(null, year, Basis.YEAR).dashboard(),
                List.of("TỈNH ỦY QUẢNG NINH", "BAN DÂN VẬN"), "BC/BDVTU", "Quảng Ninh, " + date,
                List.of("TRƯỞNG BAN"));
        assertReport(progress.page(commune.getId(), year, Basis.YEAR).dashboard(),
                List.of("ĐẢNG BỘ TỈNH QUẢNG NINH", "ĐẢNG ỦY XÃ THỬ " + tag), "BC/ĐU", "Xã Thử " + tag + ", " + date,
                List.of("T/M ĐẢNG ỦY", "BÍ THƯ"));

        // the untrained list of the commune: the same heading, its fonts embedded
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        export.untrainedPdf(new ProgressService.Untrained(commune.getId(), year, Basis.YEAR, null, false),
                Bundle.VIETNAMESE, list);
        String listText = vn.cadretraining.testing.Pdfs.page(list.toByteArray(), 1);
        assertTrue(listText.contains("ĐẢNG ỦY XÃ THỬ " + tag) && listText.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), listText);
        vn.cadretraining.testing.Pdfs.assertFontsEmbedded(list.toByteArray(), "the untrained list");
        // and one with rows, of a demo ward, for docs/documents/
        Long halong = em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'", Long.class)
                .getSingleResult();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        export.untrainedPdf(new ProgressService.Untrained(halong, year, Basis.YEAR, null, false), Bundle.VIETNAMESE,
                rows);
        vn.cadretraining.testing.Pdfs.assertFontsEmbedded(rows.toByteArray(), "the untrained list of a ward");
        keep("untrained-list.pdf", rows.toByteArray());

        // the class list of the demo class with the most participants: its organiser's heading, fonts embedded
        Long busiest = em.createQuery("SELECT e.courseClass.id FROM Enrollment e GROUP BY e.courseClass.id"
                + " ORDER BY COUNT(e) DESC", Long.class).setMaxResults(1).getSingleResult();
        ByteArrayOutputStream roster = new ByteArrayOutputStream();
        rosters.pdf(busiest, Bundle.VIETNAMESE, roster);
        String rosterText = vn.cadretraining.testing.Pdfs.page(roster.toByteArray(), 1);
        assertTrue(rosterText.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), rosterText);
        vn.cadretraining.testing.Pdfs.assertFontsEmbedded(roster.toByteArray(), "the class list");
        keep("class-list.pdf", roster.toByteArray());
    }

    /** Keeps a file the tests wrote in target/documents/, for a reader to render and look at. */
    private static void keep(String name, byte[] bytes) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "documents");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), bytes);
    }

    /**
     * An administrator makes the commune's issuer a state body (its People's Committee): the next report, even of
     * a dashboard already in memory, prints the national motto, "Số: …/BC-UBND" and the new signer in both
     * formats. Bad input is refused with a message and changes nothing; a coordinator may not change it.
     */
    @Test
    void anAdministratorChangesAUnitsIssuingBodyAndTheNextReportShowsIt() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        AdminUnit commune = unitAdmin.create(root(), "TU" + tag, "Xã Ủy " + tag, UnitKind.COMMUNE,
                LocalDate.of(2020, 1, 1));
        int year = VietnamTime.today().getYear();
        Dashboard before = progress.page(commune.getId(), year, Basis.YEAR).dashboard();

        long version = em.find(AdminUnit.class, commune.getId()).getVersion();
        BusinessException bad = assertThrows(BusinessException.class, () -> unitAdmin.configureIssuingBody(
                commune.getId(), version, new UnitAdminService.IssuingBodyForm("Ủy ban nhân dân xã Ủy " + tag,
                        null, vn.cadretraining.shared.files.Issuer.Kind.STATE, "BC/UB", "Chủ tịch")));
        assertEquals("unit.issuer.error.abbreviationForm", bad.getMessageKey());
        assertNull(em.find(AdminUnit.class, commune.getId()).getIssuingBody(), "a refused change changes nothing");

        unitAdmin.configureIssuingBody(commune.getId(), version, new UnitAdminService.IssuingBodyForm(
                "Ủy ban nhân dân xã Ủy " + tag, "Ủy ban nhân dân tỉnh Quảng Ninh",
                vn.cadretraining.shared.files.Issuer.Kind.STATE, "UBND", "T/M Ủy ban nhân dân / Chủ tịch"));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        export.dashboardPdf(before, Bundle.VIETNAMESE, pdf);
        String text = vn.cadretraining.testing.Pdfs.page(pdf.toByteArray(), 1);
        assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("Độc lập - Tự do - Hạnh phúc"),
                text);
        assertFalse(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), text);
        assertTrue(text.contains("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH") && text.contains("ỦY BAN NHÂN DÂN XÃ ỦY " + tag), text);
        assertTrue(text.matches("(?s).*Số: {3,}/BC-UBND.*"), text);
        String all = vn.cadretraining.testing.Pdfs.text(pdf.toByteArray());
        assertTrue(all.contains("CHỦ TỊCH") && all.contains("T/M ỦY BAN NHÂN DÂN"), all);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        export.dashboardXlsx(before, Bundle.VIETNAMESE, xlsx);
        List<String> cells = strings(xlsx.toByteArray());
        assertTrue(cells.contains("ỦY BAN NHÂN DÂN XÃ ỦY " + tag) && cells.contains("Độc lập - Tự do - Hạnh phúc")
                && cells.contains("CHỦ TỊCH"), cells.toString());

        InContainer.signIn("tinh", PASSWORD);
        long now = em.find(AdminUnit.class, commune.getId()).getVersion();
        assertThrows(EJBAccessException.class, () -> unitAdmin.configureIssuingBody(commune.getId(), now,
                new UnitAdminService.IssuingBodyForm("Đảng ủy khác", null,
                        vn.cadretraining.shared.files.Issuer.Kind.PARTY, "ĐU", "Bí thư")));

        // a blank name returns the unit to its level's default, the commune's Đảng ủy
        InContainer.signIn("admin", PASSWORD);
        unitAdmin.configureIssuingBody(commune.getId(), now, new UnitAdminService.IssuingBodyForm("", null, null, null,
                null));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        export.dashboardPdf(before, Bundle.VIETNAMESE, again);
        assertTrue(vn.cadretraining.testing.Pdfs.page(again.toByteArray(), 1).contains("ĐẢNG ỦY XÃ ỦY " + tag));
    }

    private void assertReport(Dashboard d, List<String> issuer, String number, String dateLine, List<String> signer)
            throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        export.dashboardPdf(d, Bundle.VIETNAMESE, pdf);
        byte[] bytes = pdf.toByteArray();
        String first = vn.cadretraining.testing.Pdfs.page(bytes, 1);
        assertTrue(first.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), first);
        assertFalse(first.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "a Party organ's paper: " + first);
        int at = -1;
        for (String line : issuer) {
            int next = first.indexOf(line);
            assertTrue(next > at, "the issuer " + issuer + " in order: " + first);
            at = next;
        }
        assertTrue(first.matches("(?s).*Số {3,}-" + java.util.regex.Pattern.quote(number) + ".*"),
                "the number to fill in, Số …-" + number + ": " + first);
        assertTrue(first.contains(dateLine), dateLine + " in " + first);
        String all = vn.cadretraining.testing.Pdfs.text(bytes);
        String note = Bundle.text(Bundle.VIETNAMESE, "report.pdf.counting");
        assertTrue(all.replace("\n", " ").contains(note.substring(0, 30)), "the notes: " + all);
        for (String line : signer) {
            assertTrue(all.contains(line), line + " signs: " + all);
        }
        vn.cadretraining.testing.Pdfs.assertFontsEmbedded(bytes, "the report");
        keep((d.unit().getParent() == null ? "province" : "commune") + "-report.pdf", bytes);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        export.dashboardXlsx(d, Bundle.VIETNAMESE, xlsx);
        keep((d.unit().getParent() == null ? "province" : "commune") + "-report.xlsx", xlsx.toByteArray());
        List<String> cells = strings(xlsx.toByteArray());
        for (String line : issuer) {
            assertTrue(cells.contains(line), "the workbook names the same issuer " + line + ": " + cells);
        }
        assertTrue(cells.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), cells.toString());
        assertTrue(cells.stream().anyMatch(c -> c.matches("Số {3,}-" + java.util.regex.Pattern.quote(number))),
                "the same number: " + cells);
        assertTrue(cells.contains(dateLine), "the same date line: " + cells);
        assertTrue(cells.contains(note), "the same notes: " + cells);
        assertTrue(cells.containsAll(signer), "the same signer: " + cells);
    }

    /** Every text cell of a workbook, in order. */
    private static List<String> strings(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<List<Object>> rows : readXlsx(xlsx).values()) {
            for (List<Object> row : rows) {
                for (Object v : row) {
                    if (v instanceof String s && !s.isEmpty()) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** The date line as the rules write it, worked out here on its own: a day under 10, January and February padded. */
    private static String partyDateLine(LocalDate day) {
        String d = (day.getDayOfMonth() < 10 ? "0" : "") + day.getDayOfMonth();
        String m = (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue();
        return "ngày " + d + " tháng " + m + " năm " + day.getYear();
    }

    /** The values appear in this order within one table line's reach (a wrapped cell adds a line or two). */
    private static void assertLineInPdf(String text, List<String> expected, String table) {
        for (int from = 0; ; ) {
            int start = text.indexOf(expected.get(0), from);
            assertTrue(start >= 0, "the PDF holds the line " + expected + " of " + table);
            int at = start + expected.get(0).length();
            boolean whole = true;
            for (String e : expected.subList(1, expected.size())) {
                int next = text.indexOf(e, at);
                if (next < 0 || next - start > 400) {
                    whole = false;
                    break;
                }
                at = next + e.length();
            }
            if (whole) {
                return;
            }
            from = start + 1;
        }
    }

    @Test
    void cellsThatLookLikeFormulasAreWrittenAsText() throws Exception {
        Fix f = fixture();
        InContainer.signIn("admin", PASSWORD);
        tx.begin();
        Cadre c = em.find(Cadre.class, f.c4);
        c.describe("=HYPERLINK(\"x\") " + f.tag, c.getGender(), c.getBirthDate(), c.getEthnicity(), c.getEducation(),
                c.getPoliticalTheory(), c.isPartyMember(), c.getPartyJoined(), c.getNationalId());
        tx.commit();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        export.untrainedXlsx(new ProgressService.Untrained(f.b, y1, Basis.YEAR, null, false), Bundle.VIETNAMESE, list);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(list.toByteArray()))) {
            boolean found = false;
            for (Row row : book.getSheetAt(0)) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertFalse(cell.getCellType() == CellType.FORMULA, "no formula is ever written");
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("HYPERLINK")) {
                        assertTrue(cell.getStringCellValue().startsWith("'="), cell.getStringCellValue());
                        found = true;
                    }
                }
            }
            assertTrue(found);
        }
    }

    // ---- targets ----------------------------------------------------------------------------------------

    @Test
    void targetsAreSavedCellByCellAndAConcurrentEditIsRefusedWithoutLosingAnything() throws Exception {
        Fix f = fixture();
        InContainer.signIn("tinh", PASSWORD);
        int year = y1 + 2;
        Cell turns = new Cell(f.d, Measure.TURNS, 0);
        Cell share = new Cell(f.d, Measure.TITLE_SHARE, title("PARTY_CELL_SECRETARY"));
        assertEquals(2, targets.save(year, List.of(new Edit(turns, Value.NONE, 10), new Edit(share, Value.NONE, 60))));

        // two reviewers read the same sheet
        Value mineRead = targets.sheet(year).values().get(turns);
        Value theirsRead = targets.sheet(year).values().get(turns);
        assertEquals(Integer.valueOf(10), mineRead.value());
        // they save first
        assertEquals(1, targets.save(year, List.of(new Edit(turns, theirsRead, 12))));
        // then I save, from what I read: refused, and my other change is not written either
        Value shareRead = targets.sheet(year).values().get(share);
        TargetService.ConflictException conflict = assertThrows(TargetService.ConflictException.class,
                () -> targets.save(year, List.of(new Edit(turns, mineRead, 15), new Edit(share, shareRead, 70))));
        assertEquals(1, conflict.getConflicts().size());
        assertEquals(Integer.valueOf(12), conflict.getConflicts().get(0).theirs());
        assertEquals(Integer.valueOf(15), conflict.getConflicts().get(0).mine());
        assertEquals("tinh", conflict.getConflicts().get(0).by());
        assertEquals(Integer.valueOf(12), targets.sheet(year).values().get(turns).value());
        assertEquals(Integer.valueOf(60), targets.sheet(year).values().get(share).value(), "nothing of the refused save");
        // typing what they saved is no conflict; keeping mine means saving over the fresh version
        assertEquals(1, targets.save(year, List.of(new Edit(turns, mineRead, 12), new Edit(share, shareRead, 70))));
        Value fresh = targets.sheet(year).values().get(turns);
        assertEquals(1, targets.save(year, List.of(new Edit(turns, fresh, 15))));
        assertEquals(Integer.valueOf(15), targets.sheet(year).values().get(turns).value());
        // clearing a cell removes the target
        assertEquals(1, targets.save(year, List.of(new Edit(share, targets.sheet(year).values().get(share), null))));
        assertNull(targets.sheet(year).values().get(share));

        // a cell someone else cleared and set again (a new row, its version back at the start) is still a conflict
        assertEquals(1, targets.save(year, List.of(new Edit(share, Value.NONE, 60))));
        Value firstRead = targets.sheet(year).values().get(share);
        assertEquals(1, targets.save(year, List.of(new Edit(share, firstRead, null))));
        assertEquals(1, targets.save(year, List.of(new Edit(share, Value.NONE, 80))));
        assertEquals(firstRead.version(), targets.sheet(year).values().get(share).version(), "the same version again");
        TargetService.ConflictException recreated = assertThrows(TargetService.ConflictException.class,
                () -> targets.save(year, List.of(new Edit(share, firstRead, 65))));
        assertEquals(Integer.valueOf(80), recreated.getConflicts().get(0).theirs());
        assertEquals(Integer.valueOf(80), targets.sheet(year).values().get(share).value(), "theirs kept");
        assertEquals(1, targets.save(year, List.of(new Edit(share, targets.sheet(year).values().get(share), null))));

        // what is refused
        BusinessException range = assertThrows(BusinessException.class,
                () -> targets.save(year, List.of(new Edit(share, Value.NONE, 120))));
        assertEquals("target.error.percentRange", range.getMessageKey());
        assertThrows(NotFoundException.class, () -> targets.save(year,
                List.of(new Edit(new Cell(f.a, Measure.TURNS, 0), Value.NONE, 5))), "targets are set down to communes only");
        assertEquals("target.error.dimension", assertThrows(BusinessException.class, () -> targets.save(year,
                List.of(new Edit(new Cell(f.d, Measure.TITLE_SHARE, 999_999), Value.NONE, 5)))).getMessageKey());

        // copied from a year to the next (the page raises and adjusts them before saving)
        Map<Cell, Integer> copied = targets.valuesOf(year);
        assertEquals(Integer.valueOf(15), copied.get(turns));
        // the sheet lists the province, then its communes (the district is one of its units here)
        TargetService.Sheet sheet = targets.sheet(year);
        assertNotNull(sheet.province());
        assertTrue(sheet.communes().stream().anyMatch(u -> u.getId() == f.d));
    }

    @Test
    void eachTargetChangedLeavesOneAuditEntryAndARefusedSaveNone() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        long x = unitAdmin.create(root(), "TA" + tag, "Xã Nhật Ký " + tag, UnitKind.COMMUNE, LocalDate.of(2020, 1, 1)).getId();
        InContainer.signIn("tinh", PASSWORD);
        int year = VietnamTime.today().getYear();
        Cell turns = new Cell(x, Measure.TURNS, 0);
        Cell share = new Cell(x, Measure.TITLE_SHARE, title("FRONT_HEAD"));
        targets.save(year, List.of(new Edit(turns, Value.NONE, 10), new Edit(share, Value.NONE, 40)));
        Value stale = targets.sheet(year).values().get(turns);
        targets.save(year, List.of(new Edit(turns, stale, 12)));
        // refused as a whole (the turns were changed meanwhile): the share's entry goes with its change
        Value shareRead = targets.sheet(year).values().get(share);
        assertThrows(TargetService.ConflictException.class,
                () -> targets.save(year, List.of(new Edit(turns, stale, 15), new Edit(share, shareRead, 50))));
        targets.save(year, List.of(new Edit(share, shareRead, null)));
        em.clear();
        List<AuditEntry> trail = em.createQuery("SELECT e FROM AuditEntry e WHERE e.action = :a AND e.unitId = :u"
                + " ORDER BY e.id", AuditEntry.class).setParameter("a", AuditAction.TARGET_SAVED).setParameter("u", x)
                .getResultList();
        List<String> changes = trail.stream().map(e -> e.getValueBefore() + " → " + e.getValueAfter()).toList();
        assertEquals(4, changes.size(), "nothing of the refused save: " + changes);
        // the entries of one save are written together, in no particular order among themselves
        assertEquals(Set.of("null → 10", "null → 40%"), Set.copyOf(changes.subList(0, 2)));
        assertEquals(List.of("10 → 12", "40% → null"), changes.subList(2, 4));
        assertTrue(trail.stream().allMatch(e -> "tinh".equals(e.getActorUsername())));
        AuditEntry first = trail.get(2);  // the turns 10 → 12: the first two entries come in no fixed order
        assertTrue(first.getSubjectLabel().contains("Xã Nhật Ký " + tag)
                && first.getSubjectLabel().contains("Lượt cán bộ"), first.getSubjectLabel());
    }

    @Test
    void aMergedCommunesTargetsGoToTheUnitThatAbsorbedIt() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        long root = root();
        long x = unitAdmin.create(root, "TX" + tag, "Xã Sáp Nhập " + tag, UnitKind.COMMUNE, LocalDate.of(2020, 1, 1)).getId();
        long z = unitAdmin.create(root, "TZ" + tag, "Xã Tiếp Nhận " + tag, UnitKind.COMMUNE, LocalDate.of(2020, 1, 1)).getId();
        int year = VietnamTime.today().getYear();
        targets.save(year, List.of(new Edit(new Cell(x, Measure.TURNS, 0), Value.NONE, 30),
                new Edit(new Cell(z, Measure.TURNS, 0), Value.NONE, 50),
                new Edit(new Cell(x, Measure.BRIEFINGS, 0), Value.NONE, 1),
                new Edit(new Cell(x, Measure.TITLE_SHARE, title("FRONT_HEAD")), Value.NONE, 40)));
        unitAdmin.merge(List.of(x), z, null, null, null, null, VietnamTime.today());
        Map<Cell, Integer> now = targets.valuesOf(year);
        assertEquals(Integer.valueOf(80), now.get(new Cell(z, Measure.TURNS, 0)), "counts are added");
        assertEquals(Integer.valueOf(1), now.get(new Cell(z, Measure.BRIEFINGS, 0)));
        assertEquals(Integer.valueOf(40), now.get(new Cell(z, Measure.TITLE_SHARE, title("FRONT_HEAD"))),
                "a share it had none of is taken over");
        assertFalse(targets.sheet(year).communes().stream().anyMatch(u -> u.getId() == x), "the merged unit is gone");
        AuditEntry merged = em.createQuery("SELECT e FROM AuditEntry e WHERE e.action = :a AND e.subjectId = :z",
                AuditEntry.class).setParameter("a", AuditAction.UNITS_MERGED).setParameter("z", z).getSingleResult();
        assertEquals("Xã Sáp Nhập " + tag, merged.getValueBefore());
        assertEquals("admin", merged.getActorUsername());
    }

    // ---- the province's title holders, kept by the changes ---------------------------------------------------

    /**
     * The province's title holders are kept by the changes themselves: a title given, a class closed, a title
     * ended each show at the very next view, in the title's row, the paid titles' holders and the row of the unit
     * under the province; and they are what the records count.
     */
    @Test
    void theProvincesTitleHoldersMoveAtTheNextViewAfterEachChange() throws Exception {
        Fix f = fixture();
        int year = VietnamTime.today().getYear();
        LocalDate today = VietnamTime.today();
        long head = title("HAMLET_HEAD");
        InContainer.signIn("tinh", PASSWORD);
        Dashboard before = progress.page(null, year, Basis.TERM).dashboard();
        InContainer.signIn("admin", PASSWORD);
        long n = cadre("TN" + f.tag(), "Triệu Văn Mới " + f.tag(), Gender.MALE, "DAO", em.find(AdminUnit.class, f.c()));
        long position = cadres.addPosition(n, head, f.c(), today.minusDays(30), null, true).getId();
        InContainer.signIn("tinh", PASSWORD);
        Dashboard given = progress.page(null, year, Basis.TERM).dashboard();
        assertEquals(holders(before, head) + 1, holders(given, head), "a holder more");
        assertEquals(trained(before, head), trained(given, head), "not trained yet");
        assertEquals(before.paidHolders() + 1, given.paidHolders());
        assertEquals(row(before, f.d()).paidHolders() + 1, row(given, f.d()).paidHolders());

        closedClass(f.training(), f.q(), today.minusDays(12), today.minusDays(10), Map.of(n, "C"));
        Dashboard trained = progress.page(null, year, Basis.TERM).dashboard();
        assertEquals(trained(before, head) + 1, trained(trained, head), "trained in the term, at the next view");
        assertEquals(row(before, f.d()).paidTrained() + 1, row(trained, f.d()).paidTrained());

        InContainer.signIn("admin", PASSWORD);
        cadres.endPosition(position, today.minusDays(1));
        InContainer.signIn("tinh", PASSWORD);
        Dashboard ended = progress.page(null, year, Basis.TERM).dashboard();
        assertEquals(holders(before, head), holders(ended, head), "no longer held today");
        assertEquals(trained(before, head), trained(ended, head));
        assertEquals(before.paidHolders(), ended.paidHolders());
        String path = ended.unit().getPath();
        for (Dashboard.TitleRow t : ended.titles()) {
            assertEquals(sqlHolders(t.titleId(), path, today), t.holders(), t.nameVi());
            assertEquals(sqlTrainedInTerm(t.titleId(), path, today), t.trained(), t.nameVi());
        }
    }

    private static long holders(Dashboard d, long titleId) {
        return d.titles().stream().filter(t -> t.titleId() == titleId).mapToLong(Dashboard.TitleRow::holders).sum();
    }

    private static long trained(Dashboard d, long titleId) {
        return d.titles().stream().filter(t -> t.titleId() == titleId).mapToLong(Dashboard.TitleRow::trained).sum();
    }

    // ---- speed ------------------------------------------------------------------------------------------

    /**
     * A briefing of a commune through the services, each change seen at the province's very next view, in the
     * briefings held and the invited share that attended (the province's and the row of the district above the
     * commune), and the province's figures equal to a count of the records at the end.
     */
    @Test
    void theProvincesBriefingsMoveAtTheNextViewAfterEachChange() throws Exception {
        Fix f = fixture();
        // other tests write classes straight into the entities: start from summaries recounted
        recount.recount(true);
        LocalDate today = VietnamTime.today();
        int year = today.getYear();
        // a session begun: two days ago, or on 1-2 January from midnight
        boolean early = today.getDayOfYear() <= 2;
        LocalDate day = early ? today : today.minusDays(2);
        InContainer.signIn("tinh", PASSWORD);
        View before = view(f.d(), year);
        Dashboard districtBefore = progress.page(f.d(), year, Basis.YEAR).dashboard();

        InContainer.signIn("admin", PASSWORD);
        long k = classService.create(new ClassService.Details(null, f.briefing(), f.p(), null, List.of(), day, day, 60,
                null, null, false, null, List.of(), null)).getId();
        long session = classService.addSession(k, new ClassService.SessionDetails(day,
                early ? java.time.LocalTime.MIDNIGHT : java.time.LocalTime.of(8, 0),
                early ? java.time.LocalTime.of(0, 1) : java.time.LocalTime.of(11, 0), "Giao ban quý", null, null)).getId();
        assertEquals(before, viewAsProvince(f.d(), year), "a draft is not held");
        classService.open(k, classService.get(k).getVersion());
        assertEquals(before.plus(1, 0, 0), viewAsProvince(f.d(), year), "opened: held");
        enrollments.nominate(k, List.of(f.c1(), f.c2(), f.c6()));
        assertEquals(before.plus(1, 3, 0), viewAsProvince(f.d(), year), "three invited");
        List<AttendanceService.GridChange> marks = new ArrayList<>();
        for (AttendanceService.GridRow row : attendance.grid(session)) {
            marks.add(new AttendanceService.GridChange(row, marks.isEmpty() ? AttendanceStatus.PRESENT
                    : marks.size() == 1 ? AttendanceStatus.LATE : AttendanceStatus.ABSENT, null));
        }
        attendance.save(session, marks);
        assertEquals(before.plus(1, 3, 2), viewAsProvince(f.d(), year), "one present, one late, one absent");
        enrollments.withdraw(marks.get(1).before().enrollmentId(), "Bận việc gia đình");
        assertEquals(before.plus(1, 2, 1), viewAsProvince(f.d(), year), "the late one withdrew");
        classService.cancelSession(session, attendance.session(session).getVersion(), "Mưa bão");
        assertEquals(before.plus(1, 2, 0), viewAsProvince(f.d(), year), "its only session called off");
        classService.update(k, classService.get(k).getVersion(), new ClassService.Details(null, f.briefing(), f.q(),
                null, List.of(), day, day, 60, null, null, false, null, List.of(), null));
        assertEquals(before.plus(1, 2, 0), viewAsProvince(f.d(), year), "moved to the other commune, same district");
        InContainer.signIn("tinh", PASSWORD);
        Dashboard moved = progress.page(f.d(), year, Basis.YEAR).dashboard();
        assertEquals(1.0, row(moved, f.q()).briefings().actual() - rowOrZero(districtBefore, f.q()),
                "the district's row of the commune now organising it");
        assertEquals(sqlBriefingsHeld(root(), year),
                progress.page(null, year, Basis.YEAR).dashboard().briefings().actual());
        ProgressService.Attended province = progress.page(null, year, Basis.YEAR).attendance().get(root());
        assertEquals(sqlInvited(year, false), province.invited(), "the province's invited, counted from the records");
        assertEquals(sqlInvited(year, true), province.attended(), "and those who attended");
        InContainer.signIn("admin", PASSWORD);
        classService.cancel(k, classService.get(k).getVersion());
        assertEquals(before, viewAsProvince(f.d(), year), "called off: as before");
    }

    /** What the province's view shows of the briefings: held, invited, attended, and the same in the district's row. */
    private record View(double held, long invited, long attended, double rowHeld, long rowInvited, long rowAttended) {
        View plus(int held, int invited, int attended) {
            return new View(this.held + held, this.invited + invited, this.attended + attended, rowHeld + held,
                    rowInvited + invited, rowAttended + attended);
        }
    }

    private View viewAsProvince(long districtId, int year) {
        InContainer.signIn("tinh", PASSWORD);
        try {
            return view(districtId, year);
        } finally {
            InContainer.signIn("admin", PASSWORD);
        }
    }

    private View view(long districtId, int year) {
        ProgressService.DashboardPage page = progress.page(null, year, Basis.YEAR);
        Dashboard d = page.dashboard();
        Map<Long, ProgressService.Attended> shares = page.attendance();
        ProgressService.Attended all = shares.get(root());
        ProgressService.Attended row = shares.getOrDefault(districtId, new ProgressService.Attended(0, 0));
        return new View(d.briefings().actual(), all.invited(), all.attended(), row(d, districtId).briefings().actual(),
                row.invited(), row.attended());
    }

    private static double rowOrZero(Dashboard d, long unitId) {
        return d.children().stream().filter(r -> r.unit().getId() == unitId).findFirst()
                .map(r -> r.briefings().actual()).orElse(0.0);
    }

    /** The briefings held in the province this year up to today, counted from the records. */
    private long sqlBriefingsHeld(long rootId, int year) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course_class k JOIN course c ON c.id = k.course_id"
                + " WHERE c.kind IN ('PERIODIC_BRIEFING', 'THEMATIC_BRIEFING') AND k.status NOT IN ('DRAFT', 'CANCELLED')"
                + " AND k.start_date >= ? AND k.start_date <= ?").setParameter(1, java.sql.Date.valueOf(year + "-01-01"))
                .setParameter(2, java.sql.Date.valueOf(VietnamTime.today())).getSingleResult()).longValue();
    }

    /** The invitations to this year's briefings up to today (or those who attended), counted from the records. */
    private long sqlInvited(int year, boolean attended) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM enrollment e JOIN course_class k ON k.id = e.class_id"
                + " JOIN course c ON c.id = k.course_id WHERE c.kind IN ('PERIODIC_BRIEFING', 'THEMATIC_BRIEFING')"
                + " AND k.status NOT IN ('DRAFT', 'CANCELLED') AND k.start_date >= ? AND k.start_date <= ?"
                + " AND e.status NOT IN ('WITHDRAWN', 'DECLINED')" + (attended ? " AND EXISTS (SELECT 1 FROM"
                + " attendance_mark m JOIN class_session s ON s.id = m.session_id WHERE m.enrollment_id = e.id"
                + " AND s.cancelled = FALSE AND m.status IN ('PRESENT', 'LATE'))" : ""))
                .setParameter(1, java.sql.Date.valueOf(year + "-01-01"))
                .setParameter(2, java.sql.Date.valueOf(VietnamTime.today())).getSingleResult()).longValue();
    }

    @Test
    void theNumberOfStatementsOfADashboardDoesNotGrowWithTheData() throws Exception {
        Fix f = fixture();
        InContainer.signIn("tinh", PASSWORD);
        AtomicInteger calls = new AtomicInteger();
        SessionEventAdapter counter = new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                calls.incrementAndGet();
            }
        };
        Server server = JpaHelper.getServerSession(em.getEntityManagerFactory());
        server.getEventManager().addListener(counter);
        try {
            progress.page(f.d, y1, Basis.YEAR);
            progress.page(null, y1, Basis.YEAR);
            calls.set(0);
            progress.page(f.d, y1, Basis.YEAR);
            int district = calls.getAndSet(0);
            progress.page(null, y1, Basis.YEAR);
            int province = calls.getAndSet(0);
            System.out.println("Statements per dashboard: district " + district + ", province " + province);

            // more of everything under the district: a commune, hamlets, cadres, classes, completions
            grow(f);
            progress.page(f.d, y1, Basis.YEAR);
            calls.set(0);
            Dashboard d = progress.page(f.d, y1, Basis.YEAR).dashboard();
            assertEquals(district, calls.getAndSet(0), "the district's dashboard, with more data");
            assertTrue(d.turns().actual() > 6 && d.children().size() == 3, "it did grow");
            progress.page(null, y1, Basis.YEAR);
            assertEquals(province, calls.get(), "the province's");
            // the scope, the units under it, the targets, seven of training, four of petitions, three lists of names
            assertTrue(province <= 17, "one read of a fixed number of statements: " + province);
        } finally {
            server.getEventManager().removeListener(counter);
        }
    }

    // ---- petitions --------------------------------------------------------------------------------------

    @Inject
    vn.cadretraining.reporting.service.PetitionProgress petitionProgress;

    @Inject
    vn.cadretraining.reporting.service.PetitionReport petitionReport;

    @Inject
    PetitionService petitionService;

    /**
     * The province's petitions by unit are kept by each change: recorded, answered, reopened, confirmed and sent up,
     * each step is seen at the province's next view in its total and in the district's row, equal to a count of the
     * records; a step that changes nothing counted (assigned, handling begun) changes nothing.
     */
    @Test
    void theProvincesPetitionsMoveAtTheNextViewAfterEachChange() throws Exception {
        Fix f = fixture();
        int year = VietnamTime.today().getYear();
        InContainer.signIn("admin", PASSWORD);
        recount.recount(true);
        PetitionFigures.Counts before = districtPetitions(f, year);
        InContainer.signIn("admin", PASSWORD);
        long first = petitionService.record(new PetitionService.Draft(f.c1(), null,
                vn.cadretraining.petition.entity.PetitionField.values()[0], "Đường liên thôn xuống cấp",
                VietnamTime.today())).getId();
        long second = petitionService.record(new PetitionService.Draft(f.c2(), null,
                vn.cadretraining.petition.entity.PetitionField.values()[1], "Thiếu đèn chiếu sáng",
                VietnamTime.today())).getId();
        assertPetitionsMoved(f, year, before, 2, 0, 0, 0, 0, "two recorded");
        PetitionService.StepForm form = new PetitionService.StepForm("Phòng Kinh tế", "Đã bố trí kinh phí sửa",
                "15/UBND-KT", "Chưa sửa xong");
        petitionService.move(first, PetitionService.Step.ASSIGN, form);
        petitionService.move(first, PetitionService.Step.START, form);
        assertPetitionsMoved(f, year, before, 2, 0, 0, 0, 0, "assigned, handled: nothing counted moves");
        petitionService.move(first, PetitionService.Step.ANSWER, form);
        assertPetitionsMoved(f, year, before, 2, 1, 0, 0, 0, "answered");
        petitionService.move(first, PetitionService.Step.REOPEN, form);
        assertPetitionsMoved(f, year, before, 2, 0, 0, 1, 0, "reopened: ruled on, no longer resolved");
        petitionService.move(first, PetitionService.Step.ANSWER, form);
        petitionService.move(first, PetitionService.Step.CONFIRM, form);
        assertPetitionsMoved(f, year, before, 2, 1, 1, 1, 0, "answered again and confirmed");
        petitionService.move(second, PetitionService.Step.TRANSFER_UP, form);
        assertPetitionsMoved(f, year, before, 2, 1, 1, 1, 1, "sent up to the province");
    }

    /** The province's view of the district's petitions this year (its row), as the province's reviewer. */
    private PetitionFigures.Counts districtPetitions(Fix f, int year) {
        InContainer.signIn("tinh", PASSWORD);
        PetitionFigures province = progress.page(null, year, Basis.YEAR).petitions();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        assertEquals(recount("", from, to), province.thisYear(), "the province's total, counted from the records");
        for (PetitionFigures.FieldRow r : province.fields()) {
            assertEquals(recount(" AND p.field = vn.cadretraining.petition.entity.PetitionField." + r.field().name(),
                    from, to), r.counts(), "the province's " + r.field());
        }
        assertEquals(count("SELECT COUNT(*) FROM petition p WHERE p.state IN ('ANSWERED', 'CONFIRMED')"
                + " AND p.answered_on IS NOT NULL"
                + " AND p.received_on >= ? AND p.received_on <= ?", java.sql.Date.valueOf(from),
                java.sql.Date.valueOf(to)), province.durations().count(), "the province's resolved petitions timed");
        PetitionFigures.Counts row = province.units().stream().filter(r -> r.unit().getId() == f.d()).findFirst()
                .map(PetitionFigures.UnitRow::counts).orElse(PetitionFigures.Counts.NONE);
        assertEquals(recount(" AND p.hamlet.currentUnit.path LIKE '" + f.dPath() + "%'", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)), row, "the district's row, counted from the records");
        return row;
    }

    private void assertPetitionsMoved(Fix f, int year, PetitionFigures.Counts before, int received, int resolved,
            int satisfied, int ruled, int up, String what) {
        PetitionFigures.Counts now = districtPetitions(f, year);
        InContainer.signIn("admin", PASSWORD);
        assertEquals(new PetitionFigures.Counts(before.received() + received, before.resolved() + resolved,
                before.satisfied() + satisfied, before.ruled() + ruled, before.overdue(), before.transferred() + up),
                now, what);
    }

    private static final List<vn.cadretraining.petition.entity.PetitionState> RESOLVED = List.of(
            vn.cadretraining.petition.entity.PetitionState.ANSWERED,
            vn.cadretraining.petition.entity.PetitionState.CONFIRMED);

    /**
     * The dashboard's petition figures of the demo province and of one ward, this year and the year before, equal
     * a recount made here another way (JPQL, one figure at a time, the days of resolution from the dates): the
     * received, resolved, satisfied, ruled on, overdue and transferred, by quarter, field and unit, and the median
     * and 90th percentile of the days to an answer.
     */
    @Test
    void thePetitionFiguresEqualAnIndependentRecountOnTheDemoData() throws Exception {
        InContainer.signIn("tinh", PASSWORD);
        int year = VietnamTime.today().getYear();
        long halong = em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'", Long.class)
                .getSingleResult();
        for (int y : List.of(year, year - 1)) {
            PetitionFigures province = progress.page(null, y, Basis.YEAR).petitions();
            assertPetitionFigures(province, "", null, y);
            assertTrue(province.thisYear().received() > 0, "the demo has petitions in " + y);
            PetitionFigures ward = progress.page(halong, y, Basis.YEAR).petitions();
            assertPetitionFigures(ward, " AND p.commune.id = " + halong, halong, y);
        }
        PetitionFigures now = progress.page(null, year, Basis.YEAR).petitions();
        assertEquals(now.lastYear(), progress.page(null, year - 1, Basis.YEAR).petitions().thisYear(),
                "last year's column is last year's own figures");
        // the seed's "about 98% satisfactory" is this share (loosely: one reopened petition weighs 2% here)
        Double share = now.thisYear().getSatisfiedShare();
        assertTrue(share != null && share >= 90 && share <= 100, "satisfied share " + share);
        // the coordinator's own dashboard reads the same as the province reading that ward
        InContainer.signIn("xa.halong", PASSWORD);
        assertEquals(petitionProgressAs(halong, year), progress.page(null, year, Basis.YEAR).petitions().thisYear());
    }

    private PetitionFigures.Counts petitionProgressAs(long unit, int year) {
        return progress.page(unit, year, Basis.YEAR).petitions().thisYear();
    }

    private void assertPetitionFigures(PetitionFigures f, String scope, Long commune, int y) {
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        assertEquals(recount(scope, from, to), f.thisYear(), y + scope);
        assertEquals(recount(scope, from.minusYears(1), to.minusYears(1)), f.lastYear(), (y - 1) + scope);
        for (PetitionFigures.QuarterRow q : f.quarters()) {
            LocalDate qFrom = LocalDate.of(y, 3 * q.quarter() - 2, 1);
            assertEquals(recount(scope, qFrom, qFrom.plusMonths(3).minusDays(1)), q.counts(), "Q" + q.quarter());
            assertEquals(recount(scope, qFrom.minusYears(1), qFrom.plusMonths(3).minusDays(1).minusYears(1)),
                    q.lastYear(), "Q" + q.quarter() + " a year before");
        }
        for (PetitionFigures.FieldRow r : f.fields()) {
            String byField = scope + " AND p.field = vn.cadretraining.petition.entity.PetitionField." + r.field().name();
            assertEquals(recount(byField, from, to), r.counts(), r.field().name());
            assertEquals(recount(byField, from.minusYears(1), to.minusYears(1)), r.lastYear(), r.field().name());
        }
        // by unit: the unit today's tree puts the raiser's hamlet at receipt under (merged since, its successor):
        // the province's communes (or districts, which other tests add), a ward's hamlets
        long listed = 0;
        for (PetitionFigures.UnitRow r : f.units()) {
            String byUnit = scope + " AND p.hamlet.currentUnit.path LIKE '" + r.unit().getPath() + "%'";
            assertEquals(recount(byUnit, from, to), r.counts(), r.unit().getName());
            listed += r.counts().received();
        }
        assertEquals(f.thisYear().received(), listed + f.elsewhere().received(), "the units make the total");
        assertEquals(0, f.elsewhere().received(), "the demo's hamlets are all in today's tree");
        // the days from receipt to the answer, from the dates themselves
        List<Long> days = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT p.receivedOn, p.answeredOn FROM Petition p WHERE p.receivedOn"
                        + " BETWEEN :a AND :b AND p.state IN :s" + scope, Object[].class)
                .setParameter("a", from).setParameter("b", to).setParameter("s", RESOLVED).getResultList()) {
            days.add(java.time.temporal.ChronoUnit.DAYS.between((LocalDate) r[0], (LocalDate) r[1]));
        }
        days.sort(null);
        assertEquals(days.size(), f.durations().count(), "resolved petitions timed");
        if (days.isEmpty()) {
            assertNull(f.durations().median());
        } else {
            int n = days.size();
            double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
            assertEquals(median, f.durations().median(), 1e-9, "median days " + y + scope);
            assertEquals(days.get((int) Math.ceil(0.9 * n) - 1), f.durations().p90(), 1e-9, "p90 days " + y + scope);
        }
        long[] open = {count("SELECT COUNT(*) FROM petition p WHERE p.state NOT IN ('ANSWERED', 'CONFIRMED')"
                + (commune == null ? "" : " AND p.commune_id = " + commune)),
            count("SELECT COUNT(*) FROM petition p WHERE p.state NOT IN ('ANSWERED', 'CONFIRMED') AND p.due_on < ?"
                + (commune == null ? "" : " AND p.commune_id = " + commune), java.sql.Date.valueOf(VietnamTime.today()))};
        assertEquals(open[0], f.openNow(), "open now");
        assertEquals(open[1], f.overdueNow(), "overdue now");
    }

    /** The figures recounted one at a time in JPQL, for the petitions received from {@code from} to {@code to}. */
    private PetitionFigures.Counts recount(String scope, LocalDate from, LocalDate to) {
        String base = "SELECT COUNT(p) FROM Petition p WHERE p.receivedOn BETWEEN :a AND :b" + scope;
        java.util.function.BiFunction<String, Map<String, Object>, Long> n = (cond, params) -> {
            var q = em.createQuery(base + cond, Long.class).setParameter("a", from).setParameter("b", to);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        };
        var confirmed = vn.cadretraining.petition.entity.PetitionState.CONFIRMED;
        return new PetitionFigures.Counts(n.apply("", Map.of()),
                n.apply(" AND p.state IN :s", Map.of("s", RESOLVED)),
                n.apply(" AND p.state = :s", Map.of("s", confirmed)),
                n.apply(" AND (p.state = :s OR p.reopenedOn IS NOT NULL)", Map.of("s", confirmed)),
                n.apply(" AND p.state NOT IN :s AND p.dueOn < :t", Map.of("s", RESOLVED, "t", VietnamTime.today())),
                n.apply(" AND p.transferredOn IS NOT NULL", Map.of()));
    }

    /**
     * The satisfied share's target is set on the targets sheet like the title shares (0-100, the province's and
     * each commune's, not added up), and the dashboard's petition figures show it with the standing it gives.
     */
    @Test
    void theSatisfiedShareTargetIsSavedAndShownBesideThePetitionFigures() throws Exception {
        InContainer.signIn("tinh", PASSWORD);
        int year = VietnamTime.today().getYear();
        long province = root();
        long halong = em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'", Long.class)
                .getSingleResult();
        Cell mine = new Cell(province, Measure.PETITION_SATISFIED, 0);
        Cell ward = new Cell(halong, Measure.PETITION_SATISFIED, 0);
        Map<Cell, Value> read = targets.sheet(year).values();
        BusinessException tooHigh = assertThrows(BusinessException.class, () -> targets.save(year,
                List.of(new Edit(mine, read.getOrDefault(mine, Value.NONE), 101))));
        assertEquals("target.error.percentRange", tooHigh.getMessageKey());
        try {
            targets.save(year, List.of(new Edit(mine, read.getOrDefault(mine, Value.NONE), 98),
                    new Edit(ward, read.getOrDefault(ward, Value.NONE), 100)));
            Map<Cell, Value> saved = targets.sheet(year).values();
            assertEquals(Integer.valueOf(98), saved.get(mine).value());
            assertEquals(Integer.valueOf(100), saved.get(ward).value());

            PetitionFigures f = progress.page(null, year, Basis.YEAR).petitions();
            assertEquals(Integer.valueOf(98), f.target().value());
            assertEquals(Pace.standing(f.thisYear().getSatisfiedShare(), 98, 1.0), f.target().standing());
            PetitionFigures.UnitRow row = f.units().stream().filter(r -> r.unit().getId() == halong).findFirst()
                    .orElseThrow();
            assertEquals(Integer.valueOf(100), row.target().value());
            assertEquals(Integer.valueOf(100), progress.page(halong, year, Basis.YEAR).petitions().target().value());

            // and on the page: the province's dashboard shows the share against its target
            vn.cadretraining.testing.Http http = new vn.cadretraining.testing.Http(InContainer.base());
            assertEquals(302, http.signIn("tinh", PASSWORD).statusCode(), "signed in");
            String page = http.get("/reports/dashboard.xhtml?year=" + year).body();
            int card = page.indexOf("id=\"pet-satisfied\"");
            assertTrue(card > 0, "the petition section is on the dashboard");
            String cardText = page.substring(card, page.indexOf("id=\"pet-overdue\""));
            assertTrue(cardText.contains("/ 98,0%"), cardText);
            assertTrue(cardText.contains(ReportFormat.percent(f.thisYear().getSatisfiedShare(), Bundle.VIETNAMESE)),
                    cardText);
        } finally {
            Map<Cell, Value> now = targets.sheet(year).values();
            targets.save(year, List.of(new Edit(mine, now.getOrDefault(mine, Value.NONE), null),
                    new Edit(ward, now.getOrDefault(ward, Value.NONE), null)));
        }
    }

    /**
     * The quarterly petitions report of the province and of a ward, read back with PDFBox and POI: the Party
     * heading and Vietnamese intact, the figures as numbers equal to the service's, dates as dates, the quarter's
     * petitions by state, those transferred up and the answers due.
     */
    @Test
    void theQuarterlyPetitionReportReadsBackInPdfAndWorkbook() throws Exception {
        InContainer.signIn("tinh", PASSWORD);
        LocalDate today = VietnamTime.today();
        int year = today.getYear();
        int quarter = (today.getMonthValue() + 2) / 3;
        long halong = em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'", Long.class)
                .getSingleResult();
        for (Long unit : java.util.Arrays.asList(null, halong)) {
            var r = petitionProgress.quarter(unit, year, quarter);
            assertTrue(r.listedTotal() > 0 && r.listed().size() == r.listedTotal(), "the quarter has petitions");
            assertEquals(r.counts().received(), r.listedTotal(), "the figures and the list agree");
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            petitionReport.pdf(unit, year, quarter, Bundle.VIETNAMESE, pdf);
            String text = vn.cadretraining.testing.Pdfs.text(pdf.toByteArray());
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), text);
            assertTrue(flat.contains(unit == null ? "BAN DÂN VẬN" : "ĐẢNG ỦY PHƯỜNG HẠ LONG"), text);
            assertTrue(flat.toLowerCase(Bundle.VIETNAMESE).contains("tình hình tiếp nhận, giải quyết ý kiến, kiến nghị"),
                    text);
            assertTrue(flat.contains("Số liệu tổng hợp") && flat.contains("Kiến nghị vượt thẩm quyền đã chuyển lên tỉnh")
                    && flat.contains("Kiến nghị đang chờ trả lời"), text);
            assertTrue(flat.contains("Giải quyết thỏa đáng") && flat.contains("Đã tiếp nhận"), "states by name");
            String content = r.listed().get(0).content();
            assertTrue(flat.contains(content.substring(0, Math.min(30, content.length()))), "a petition listed: " + content);
            vn.cadretraining.testing.Pdfs.assertFontsEmbedded(pdf.toByteArray(), "the petitions report");
            keep(unit == null ? "petitions-report-province.pdf" : "petitions-report-ward.pdf", pdf.toByteArray());

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            petitionReport.xlsx(unit, year, quarter, Bundle.VIETNAMESE, xlsx);
            keep(unit == null ? "petitions-report-province.xlsx" : "petitions-report-ward.xlsx", xlsx.toByteArray());
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                Sheet figures = book.getSheetAt(0);
                assertEquals("ĐẢNG CỘNG SẢN VIỆT NAM", figures.getRow(0).getCell(Math.max(2, 3 / 2)).getStringCellValue());
                Row received = rowStarting(figures, "Tiếp nhận");
                Workbooks.assertNumber(received.getCell(1), r.counts().received(), "received");
                Workbooks.assertNumber(received.getCell(2), r.lastYear().received(), "received a year before");
                Row share = rowStarting(figures, "Tỷ lệ giải quyết thỏa đáng");
                if (r.counts().getSatisfiedShare() != null) {
                    Workbooks.assertNumber(share.getCell(1), Math.round(r.counts().getSatisfiedShare() * 10) / 1000.0,
                            "the share, a percentage");
                }
                Sheet listed = null;
                Sheet due = null;
                for (Sheet s : book) {
                    if (s.getSheetName().startsWith("5.")) {
                        listed = s;
                    } else if (s.getSheetName().startsWith("7.")) {
                        due = s;
                    }
                }
                assertNotNull(listed, "the list of the quarter's petitions");
                Row first = listed.getRow(listed.getFirstRowNum() + 2);
                Workbooks.assertNumber(first.getCell(0), 1, "numbered");
                Workbooks.assertDate(first.getCell(2), "received on");
                Workbooks.assertDate(first.getCell(8), "due on");
                assertEquals(r.listed().get(0).content(), first.getCell(6).getStringCellValue(), "the content whole");
                assertNotNull(due, "the answers due");
                long dueRows = 0;
                for (Row row : due) {
                    if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.NUMERIC) {
                        dueRows++;
                    }
                }
                assertEquals(r.due().size(), dueRows, "one row per answer due");
            }
        }
    }

    private static Row rowStarting(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().startsWith(label)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + label + "'");
    }

    /**
     * The dashboard's page, petitions included, takes the same statements however many petitions there are: the
     * province's and a ward's, before and after a hundred more petitions.
     */
    @Test
    void theNumberOfStatementsOfThePetitionFiguresDoesNotGrowWithThePetitions() throws Exception {
        InContainer.signIn("tinh", PASSWORD);
        int year = VietnamTime.today().getYear();
        long halong = em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'", Long.class)
                .getSingleResult();
        AtomicInteger calls = new AtomicInteger();
        SessionEventAdapter counter = new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                calls.incrementAndGet();
            }
        };
        Server server = JpaHelper.getServerSession(em.getEntityManagerFactory());
        progress.page(null, year, Basis.YEAR).petitions();
        progress.page(halong, year, Basis.YEAR).petitions();
        server.getEventManager().addListener(counter);
        try {
            calls.set(0);
            progress.page(null, year, Basis.YEAR).petitions();
            int province = calls.getAndSet(0);
            progress.page(halong, year, Basis.YEAR).petitions();
            int ward = calls.getAndSet(0);
            System.out.println("Statements per dashboard's page: province " + province + ", ward " + ward);
            assertTrue(province <= 17 && ward <= 17, "one read of a fixed number: " + province + ", " + ward);

            long before = count("SELECT COUNT(*) FROM petition");
            tx.begin();
            em.createNativeQuery("INSERT INTO petition (version, raiser_id, hamlet_id, commune_id, commune_path,"
                    + " field, content, received_on, due_on, state, at_province, answered_on, recorded_at, recorded_by)"
                    + " SELECT 0, raiser_id, hamlet_id, commune_id, commune_path, field, content, received_on, due_on,"
                    + " state, at_province, answered_on, recorded_at, 'test' FROM petition WHERE commune_id = ?")
                    .setParameter(1, halong).executeUpdate();
            tx.commit();
            assertTrue(count("SELECT COUNT(*) FROM petition") > before, "more petitions");
            PetitionFigures more = progress.page(null, year, Basis.YEAR).petitions();
            calls.set(0);
            more = progress.page(null, year, Basis.YEAR).petitions();
            assertEquals(province, calls.getAndSet(0), "the province's, with more petitions");
            progress.page(halong, year, Basis.YEAR).petitions();
            assertEquals(ward, calls.getAndSet(0), "the ward's");
            assertTrue(more.thisYear().received() > 0);
        } finally {
            server.getEventManager().removeListener(counter);
            if (tx.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                tx.rollback();
            }
            tx.begin();
            em.createNativeQuery("DELETE FROM petition WHERE recorded_by = 'test'").executeUpdate();
            tx.commit();
        }
    }

    // ---- the fixture ------------------------------------------------------------------------------------

    /** The ids of a fixture; paths of the units the checks recompute under. */
    private record Fix(String tag, long root, long d, long p, long q, long a, long b, long m, long c, String dPath,
            String pPath, String qPath, String aPath, String pName, long c1, long c2, long c3, long c4, long c5,
            long c6, long training, long tour, long briefing) {
    }

    private Fix fixture() throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        long root = root();
        LocalDate since = LocalDate.of(2020, 1, 1);
        AdminUnit d = unitAdmin.create(root, "TD" + tag, "Khu thử nghiệm " + tag, UnitKind.DISTRICT, since);
        AdminUnit p = unitAdmin.create(d.getId(), "TP" + tag, "Xã Phong " + tag, UnitKind.COMMUNE, since);
        AdminUnit q = unitAdmin.create(d.getId(), "TQ" + tag, "Xã Quang " + tag, UnitKind.COMMUNE, since);
        AdminUnit a = unitAdmin.create(p.getId(), "TA" + tag, "Thôn An " + tag, UnitKind.HAMLET, since);
        AdminUnit b = unitAdmin.create(p.getId(), "TB" + tag, "Thôn Bình " + tag, UnitKind.HAMLET, since);
        AdminUnit m = unitAdmin.create(p.getId(), "TM" + tag, "Thôn Minh " + tag, UnitKind.HAMLET, since);
        AdminUnit c = unitAdmin.create(q.getId(), "TC" + tag, "Thôn Cường " + tag, UnitKind.HAMLET, since);

        long c1 = cadre("T1" + tag, "Lưu Thị Một " + tag, Gender.FEMALE, "TAY", a);
        long c2 = cadre("T2" + tag, "Hà Văn Hai " + tag, Gender.MALE, "KINH", a);
        long c3 = cadre("T3" + tag, "Đặng Văn Ba " + tag, Gender.MALE, "DAO", b);
        long c4 = cadre("T4" + tag, "Lò Thị Bốn " + tag, Gender.FEMALE, "KINH", b);
        long c5 = cadre("T5" + tag, "Nông Văn Năm " + tag, Gender.MALE, "TAY", b);
        long c6 = cadre("T6" + tag, "Phạm Thị Sáu " + tag, Gender.FEMALE, "KINH", m);
        String ongoing = y1 + "–" + (y1 + 5);
        cadres.addPosition(c1, title("PARTY_CELL_SECRETARY"), a.getId(), LocalDate.of(y1 - 5, 3, 1), ongoing, false);
        cadres.addPosition(c2, title("HAMLET_HEAD"), a.getId(), LocalDate.of(y1 - 3, 3, 1), (y1 - 3) + "–" + (y1 + 2), false);
        cadres.addPosition(c2, title("FRONT_HEAD"), a.getId(), LocalDate.of(y1 - 3, 3, 1), null, false);
        cadres.addPosition(c3, title("FRONT_HEAD"), b.getId(), LocalDate.of(y1 - 3, 3, 1), (y1 - 3) + "–" + (y1 + 2), false);
        cadres.addPosition(c4, title("HAMLET_HEAD"), b.getId(), LocalDate.of(y0, 4, 1), y0 + "–" + (y0 + 5), true);
        long youth = cadres.addPosition(c5, title("YOUTH_UNION"), b.getId(), LocalDate.of(y1 - 3, 1, 1),
                (y1 - 3) + "–" + (y1 + 2), false).getId();
        cadres.addPosition(c6, title("PARTY_CELL_SECRETARY"), m.getId(), LocalDate.of(y1, 1, 10), ongoing, true);

        long training = course(ActivityKind.TRAINING_COURSE, "MASS_MOBILIZATION");
        long tour = course(ActivityKind.STUDY_TOUR, "DIGITAL_SKILLS");
        long briefing = course(ActivityKind.PERIODIC_BRIEFING, "MASS_MOBILIZATION");
        long thematic = course(ActivityKind.THEMATIC_BRIEFING, "MASS_MOBILIZATION");

        // the year before: c4 completes, in their term
        closedClass(training, p.getId(), LocalDate.of(y0, 10, 13), LocalDate.of(y0, 10, 15), Map.of(c4, "C"));
        // K1 in February: c1, c2, c6 (in M) complete; c3 completes then withdraws; c4 fails
        closedClass(training, p.getId(), LocalDate.of(y1, 2, 18), LocalDate.of(y1, 2, 20),
                Map.of(c1, "C", c2, "C", c6, "C", c3, "W", c4, "F"));
        // K2, a study tour of the district in May: c1
        closedClass(tour, d.getId(), LocalDate.of(y1, 5, 8), LocalDate.of(y1, 5, 10), Map.of(c1, "C"));
        // K3 in March: c5, while in B
        closedClass(training, p.getId(), LocalDate.of(y1, 3, 13), LocalDate.of(y1, 3, 15), Map.of(c5, "C"));
        // briefings: P's in March (c2 attends: not a turn), M's in April; Q's cancelled, P's draft
        closedClass(briefing, p.getId(), LocalDate.of(y1, 3, 5), LocalDate.of(y1, 3, 5), Map.of(c2, "C"));
        closedClass(thematic, m.getId(), LocalDate.of(y1, 4, 10), LocalDate.of(y1, 4, 10), Map.of());
        long cancelled = closedClass(briefing, q.getId(), LocalDate.of(y1, 8, 12), LocalDate.of(y1, 8, 12), null);
        long draft = closedClass(briefing, p.getId(), LocalDate.of(y1, 11, 5), LocalDate.of(y1, 11, 5), null);
        tx.begin();
        em.find(CourseClass.class, cancelled).cancel();
        tx.commit();
        assertNotNull(em.find(CourseClass.class, draft));

        // c5 moves to C on 1 July, keeping the title there
        cadres.endPosition(youth, LocalDate.of(y1, 6, 30));
        Cadre five = cadres.get(c5);
        cadres.update(c5, five.getVersion(), details(five.getFullName(), Gender.MALE, "TAY", c.getId()));
        cadres.addPosition(c5, title("YOUTH_UNION"), c.getId(), LocalDate.of(y1, 7, 1), (y1 - 3) + "–" + (y1 + 2), false);
        // K4 in September, organised by Q: c5, now in C
        closedClass(training, q.getId(), LocalDate.of(y1, 9, 18), LocalDate.of(y1, 9, 20), Map.of(c5, "C"));

        // M merged into A on 1 June: c6's title continues in A, and M's records count under A
        unitAdmin.merge(List.of(m.getId()), a.getId(), null, null, null, null, LocalDate.of(y1, 6, 1));

        em.clear();
        AdminUnit dd = em.find(AdminUnit.class, d.getId());
        AdminUnit pp = em.find(AdminUnit.class, p.getId());
        AdminUnit qq = em.find(AdminUnit.class, q.getId());
        AdminUnit aa = em.find(AdminUnit.class, a.getId());
        return new Fix(tag, root, d.getId(), p.getId(), q.getId(), a.getId(), b.getId(), m.getId(), c.getId(),
                dd.getPath(), pp.getPath(), qq.getPath(), aa.getPath(), pp.getName(), c1, c2, c3, c4, c5, c6,
                training, tour, briefing);
    }

    /** More data under the fixture's district: a third commune with hamlets, cadres and completions. */
    private void grow(Fix f) throws Exception {
        InContainer.signIn("admin", PASSWORD);
        String tag = tag();
        LocalDate since = LocalDate.of(2020, 1, 1);
        AdminUnit r = unitAdmin.create(f.d, "TR" + tag, "Xã Rộng " + tag, UnitKind.COMMUNE, since);
        Map<Long, String> outcomes = new HashMap<>();
        for (int h = 0; h < 3; h++) {
            AdminUnit hamlet = unitAdmin.create(r.getId(), "TH" + h + tag, "Thôn " + h + " " + tag, UnitKind.HAMLET, since);
            for (int i = 0; i < 4; i++) {
                long id = cadre("G" + h + i + tag, "Vũ Văn Thêm " + h + i + " " + tag, Gender.MALE, "KINH", hamlet);
                cadres.addPosition(id, title(i % 2 == 0 ? "HAMLET_HEAD" : "FRONT_HEAD"), hamlet.getId(),
                        LocalDate.of(y1 - 2, 1, 1), null, false);
                outcomes.put(id, i == 3 ? "F" : "C");
            }
        }
        closedClass(f.training, r.getId(), LocalDate.of(y1, 6, 8), LocalDate.of(y1, 6, 10), outcomes);
        closedClass(f.tour, r.getId(), LocalDate.of(y1, 10, 6), LocalDate.of(y1, 10, 8), outcomes);
        closedClass(f.briefing, r.getId(), LocalDate.of(y1, 7, 6), LocalDate.of(y1, 7, 6), Map.of());
        InContainer.signIn("tinh", PASSWORD);
    }

    private long cadre(String code, String name, Gender gender, String ethnicity, AdminUnit unit) {
        return cadres.create(code, details(name, gender, ethnicity, unit.getId())).getId();
    }

    private static CadreService.Details details(String name, Gender gender, String ethnicity, long unitId) {
        return new CadreService.Details(name, gender, LocalDate.of(1978, 4, 2), ethnicity, null, null, null, false,
                null, null, unitId);
    }

    private long course(ActivityKind kind, String group) throws Exception {
        tx.begin();
        SubjectGroup g = em.createQuery("SELECT g FROM SubjectGroup g WHERE g.code = :c", SubjectGroup.class)
                .setParameter("c", group).getSingleResult();
        String code = "TG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Course course = new Course(code, "Khóa thử " + code, "Test course " + code, g, kind, new BigDecimal("8"));
        course.setRule(new CompletionRule(80, false, false, null, false, null));
        em.persist(course);
        tx.commit();
        return course.getId();
    }

    /**
     * A class on these days with these participants, each by a letter: C completed, F not completed, W completed
     * then withdrew. Closed (results final) unless {@code people} is null (left a draft).
     */
    private long closedClass(long courseId, long unitId, LocalDate start, LocalDate end, Map<Long, String> people)
            throws Exception {
        tx.begin();
        Course course = em.find(Course.class, courseId);
        CourseClass k = new CourseClass("TK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), course,
                em.find(AdminUnit.class, unitId));
        k.schedule(start, end, 60, null, null);
        em.persist(k);
        if (people != null) {
            for (Map.Entry<Long, String> e : people.entrySet()) {
                Enrollment en = Enrollment.nominate(k, em.find(Cadre.class, e.getKey()), "test");
                em.persist(en);
                en.conclude("F".equals(e.getValue()) ? Outcome.NOT_COMPLETED : Outcome.COMPLETED);
                if ("W".equals(e.getValue())) {
                    en.withdraw("Bận việc gia đình");
                }
            }
            k.closeResults("test");
            // what the results service tells the progress summaries when it closes a class
            em.flush();
            resultsClosed.fire(new vn.cadretraining.certification.service.ResultEvents.Closed(k.getId()));
        }
        tx.commit();
        return k.getId();
    }

    /** A class of P open for nominations today. */
    private long openClass(long unitId) throws Exception {
        tx.begin();
        SubjectGroup g = em.createQuery("SELECT g FROM SubjectGroup g WHERE g.code = 'FRONT_WORK'", SubjectGroup.class)
                .getSingleResult();
        String code = "TO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Course course = new Course(code, "Lớp mở " + code, "Open class " + code, g, ActivityKind.TRAINING_COURSE,
                new BigDecimal("8"));
        em.persist(course);
        CourseClass k = new CourseClass(code + "-1", course, em.find(AdminUnit.class, unitId));
        LocalDate today = VietnamTime.today();
        k.schedule(today.plusDays(20), today.plusDays(21), 30, today.minusDays(1), today.plusDays(10));
        k.open();
        em.persist(k);
        tx.commit();
        return k.getId();
    }

    private long root() {
        return em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.parent IS NULL", Long.class).getSingleResult();
    }

    private long title(String code) {
        return em.createQuery("SELECT t.id FROM PositionTitle t WHERE t.code = :c", Long.class).setParameter("c", code)
                .getSingleResult();
    }

    private String nameOf(String code) {
        return em.createQuery("SELECT t FROM PositionTitle t WHERE t.code = :c", PositionTitle.class)
                .setParameter("c", code).getSingleResult().getNameVi();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }

    // ---- reading the dashboard --------------------------------------------------------------------------

    private static Dashboard.UnitRow row(Dashboard d, long unitId) {
        return d.children().stream().filter(r -> r.unit().getId() == unitId).findFirst().orElseThrow();
    }

    private void assertShare(Dashboard d, String titleCode, long holders, long trained) {
        Dashboard.TitleRow t = d.titles().stream().filter(r -> r.titleId() == title(titleCode)).findFirst().orElseThrow();
        assertEquals(holders, t.holders(), titleCode + " holders");
        assertEquals(trained, t.trained(), titleCode + " trained");
        assertEquals(100.0 * trained / holders, t.share().actual(), 1e-9);
    }

    private static Map<String, List<Long>> breakdown(List<Dashboard.Breakdown> rows) {
        return rows.stream().collect(Collectors.toMap(Dashboard.Breakdown::key, b -> List.of(b.turns(), b.cadres())));
    }

    private Dashboard.GroupRow subject(Dashboard d, String code) {
        long id = em.createQuery("SELECT g.id FROM SubjectGroup g WHERE g.code = :c", Long.class).setParameter("c", code)
                .getSingleResult();
        return d.subjects().stream().filter(g -> g.groupId() == id).findFirst().orElseThrow();
    }

    // ---- the independent recomputation: plain SQL, written another way ---------------------------------------

    private static final String COUNTED = " e.outcome = 'COMPLETED' AND e.status = 'ENROLLED'"
            + " AND c.kind IN ('TRAINING_COURSE', 'STUDY_TOUR')";

    /** Completions in the year whose enrollment unit is today, through its current unit, under the path. */
    private long sqlTurns(String path, int year) {
        return count("SELECT COUNT(*) FROM enrollment e, course_class k, course c, admin_unit u, admin_unit now"
                + " WHERE k.id = e.class_id AND c.id = k.course_id AND u.id = e.unit_id AND now.id = u.current_unit_id"
                + " AND" + COUNTED + " AND k.end_date BETWEEN ? AND ? AND now.path LIKE ?",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)), path + "%");
    }

    private long sqlCadres(String path, int year) {
        return count("SELECT COUNT(*) FROM cadre x WHERE EXISTS (SELECT 1 FROM enrollment e, course_class k, course c,"
                + " admin_unit u, admin_unit now WHERE e.cadre_id = x.id AND k.id = e.class_id AND c.id = k.course_id"
                + " AND u.id = e.unit_id AND now.id = u.current_unit_id AND" + COUNTED
                + " AND k.end_date BETWEEN ? AND ? AND now.path LIKE ?)",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)), path + "%");
    }

    private long sqlBriefings(String path, int year) {
        LocalDate asOf = year == VietnamTime.today().getYear() ? VietnamTime.today() : LocalDate.of(year, 12, 31);
        return count("SELECT COUNT(*) FROM course_class k, course c, admin_unit u, admin_unit now"
                + " WHERE c.id = k.course_id AND u.id = k.unit_id AND now.id = u.current_unit_id"
                + " AND c.kind IN ('PERIODIC_BRIEFING', 'THEMATIC_BRIEFING') AND k.status NOT IN ('DRAFT', 'CANCELLED')"
                + " AND k.start_date BETWEEN ? AND ? AND now.path LIKE ?",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(asOf), path + "%");
    }

    private long sqlHolders(long titleId, String path, LocalDate day) {
        return count("SELECT COUNT(*) FROM cadre x WHERE EXISTS (SELECT 1 FROM position p, admin_unit u, admin_unit now"
                + " WHERE p.cadre_id = x.id AND p.title_id = ? AND u.id = p.unit_id AND now.id = u.current_unit_id"
                + " AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?) AND now.path LIKE ?)",
                titleId, java.sql.Date.valueOf(day), java.sql.Date.valueOf(day), path + "%");
    }

    private long sqlTrainedInYear(long titleId, String path, int year) {
        return sqlTrainedInYear(titleId, path, year, LocalDate.of(year, 12, 31));
    }

    private long sqlTrainedInYear(long titleId, String path, int year, LocalDate asOf) {
        return count("SELECT COUNT(*) FROM cadre x WHERE EXISTS (SELECT 1 FROM position p, admin_unit u, admin_unit now"
                + " WHERE p.cadre_id = x.id AND p.title_id = ? AND u.id = p.unit_id AND now.id = u.current_unit_id"
                + " AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?) AND now.path LIKE ?)"
                + " AND EXISTS (SELECT 1 FROM enrollment e, course_class k, course c WHERE e.cadre_id = x.id"
                + " AND k.id = e.class_id AND c.id = k.course_id AND" + COUNTED + " AND k.end_date BETWEEN ? AND ?)",
                titleId, java.sql.Date.valueOf(asOf), java.sql.Date.valueOf(asOf), path + "%",
                java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(asOf));
    }

    /**
     * In the term basis, reading each holder's term in Java: the first year written, else the day they took it
     * (before any merge that carried it).
     */
    private long sqlTrainedInTerm(long titleId, String path, LocalDate asOf) throws Exception {
        tx.begin();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> held = em.createNativeQuery("SELECT p.cadre_id, p.term, COALESCE(p.term_start, p.start_date)"
                    + " FROM position p,"
                    + " admin_unit u, admin_unit now WHERE p.title_id = ? AND u.id = p.unit_id AND now.id = u.current_unit_id"
                    + " AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?) AND now.path LIKE ?")
                    .setParameter(1, titleId).setParameter(2, java.sql.Date.valueOf(asOf))
                    .setParameter(3, java.sql.Date.valueOf(asOf)).setParameter(4, path + "%").getResultList();
            Set<Long> trained = new TreeSet<>();
            for (Object[] h : held) {
                String term = (String) h[1];
                LocalDate start = term != null && term.matches("(19|20)[0-9]{2}.*")
                        ? LocalDate.of(Integer.parseInt(term.substring(0, 4)), 1, 1)
                        : ((java.sql.Date) h[2]).toLocalDate();
                long done = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM enrollment e, course_class k, course c"
                        + " WHERE e.cadre_id = ? AND k.id = e.class_id AND c.id = k.course_id AND" + COUNTED
                        + " AND k.end_date BETWEEN ? AND ?").setParameter(1, ((Number) h[0]).longValue())
                        .setParameter(2, java.sql.Date.valueOf(start)).setParameter(3, java.sql.Date.valueOf(asOf))
                        .getSingleResult()).longValue();
                if (done > 0) {
                    trained.add(((Number) h[0]).longValue());
                }
            }
            return trained.size();
        } finally {
            tx.commit();
        }
    }

    private long count(String sql, Object... values) {
        try {
            tx.begin();
            try {
                var q = em.createNativeQuery(sql);
                for (int i = 0; i < values.length; i++) {
                    q.setParameter(i + 1, values[i]);
                }
                return ((Number) q.getSingleResult()).longValue();
            } finally {
                tx.commit();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading files ----------------------------------------------------------------------------------

    /** Every sheet as rows of cell values (numbers as Double, text as String). */
    private static Map<String, List<List<Object>>> readXlsx(byte[] bytes) throws Exception {
        Map<String, List<List<Object>>> sheets = new java.util.LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : book) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        org.apache.poi.ss.usermodel.Cell cell = row.getCell(i);
                        values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                                : cell.getStringCellValue());
                    }
                    rows.add(values);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    /** The first row (of any sheet) whose first cell is this text. */
    private static List<Object> find(Map<String, List<List<Object>>> sheets, String first) {
        for (List<List<Object>> rows : sheets.values()) {
            for (List<Object> row : rows) {
                if (!row.isEmpty() && first.equals(row.get(0))) {
                    return row;
                }
                if (row.size() > 1 && first.equals(row.get(1))) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row for " + first + " in " + sheets);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        return text.toString();
    }
}
