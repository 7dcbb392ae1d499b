package vn.cadretraining.testing;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.cadretraining.attendance.entity.AttendanceMark;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.entity.MarkSource;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * For browser tests of the results page: {@code POST} makes a class of a new assessed course (pass mark 5, 80%
 * attendance, excused absences not counted), run by the demo trainer (giangvien) in Phường Hạ Long, with five
 * sessions held on the mornings before today and four cadres enrolled, the last of whom attended three of the five
 * (60%); it answers the class id, then one line per enrollment in the page's order, "enrollment;name;cadre". {@code GET ?class=id} answers
 * each enrollment's stored score (no trailing zeros) and outcome, as "enrollment;score;outcome". Deployed only with the test helpers.
 */
@WebServlet("/testing/scored-class")
public class ScoredClass extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder out = new StringBuilder();
        try {
            tx.begin();
            SubjectGroup group = em.createQuery("SELECT g FROM SubjectGroup g WHERE g.code = 'MASS_MOBILIZATION'",
                    SubjectGroup.class).getSingleResult();
            String code = "SC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            Course course = new Course(code, "Kỹ năng thuyết phục " + code, "Persuasion skills " + code, group,
                    ActivityKind.TRAINING_COURSE, new BigDecimal("16"));
            course.setRule(new CompletionRule(80, false, true, new BigDecimal("5.00"), true, 2));
            em.persist(course);
            AdminUnit ward = em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'"
                    + " AND u.validTo IS NULL", AdminUnit.class).getSingleResult();
            Trainer trainer = em.createQuery("SELECT t FROM Trainer t WHERE t.accountId ="
                    + " (SELECT a.id FROM Account a WHERE a.username = 'giangvien')", Trainer.class).getSingleResult();
            CourseClass cls = new CourseClass(code + "-1", course, ward);
            LocalDate today = VietnamTime.today();
            cls.schedule(today.minusDays(30), today.plusDays(30), 40, null, null);
            cls.deliveredBy(trainer.getProvider(), List.of(trainer));
            cls.open();
            em.persist(cls);
            List<ClassSession> sessions = new ArrayList<>();
            for (int i = 5; i >= 1; i--) {
                ClassSession s = new ClassSession(cls, today.minusDays(i), LocalTime.of(7, 30), LocalTime.of(11, 0),
                        "Chuyên đề " + i, null, null);
                em.persist(s);
                sessions.add(s);
            }
            List<Cadre> people = em.createQuery("SELECT c FROM Cadre c WHERE c.unit.parent = :w AND c.fullName <> :demo"
                            + " ORDER BY c.nameSort", Cadre.class)
                    .setParameter("w", ward).setParameter("demo", DemoProvince.DEMO_CADRE_NAME)
                    .setMaxResults(4).getResultList();
            List<Enrollment> enrolled = new ArrayList<>();
            for (int p = 0; p < people.size(); p++) {
                Enrollment e = Enrollment.nominate(cls, people.get(p), "test");
                em.persist(e);
                enrolled.add(e);
                for (int i = 0; i < sessions.size(); i++) {
                    boolean absent = p == people.size() - 1 && i >= 3;
                    em.persist(new AttendanceMark(sessions.get(i), e, absent ? AttendanceStatus.ABSENT
                            : AttendanceStatus.PRESENT, null, MarkSource.GRID, "giangvien"));
                }
            }
            em.flush();
            out.append(cls.getId()).append('\n');
            for (Enrollment e : enrolled) {
                out.append(e.getId()).append(';').append(e.getCadre().getFullName()).append(';').append(e.getCadre().getId())
                        .append('\n');
            }
            tx.commit();
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long classId = Long.parseLong(request.getParameter("class"));
        StringBuilder out = new StringBuilder();
        for (Enrollment e : em.createQuery("SELECT e FROM Enrollment e WHERE e.courseClass.id = :k ORDER BY e.id",
                Enrollment.class).setParameter("k", classId).getResultList()) {
            out.append(e.getId()).append(';').append(e.getScore() == null ? "" : e.getScore().stripTrailingZeros().toPlainString())
                    .append(';').append(e.getOutcome() == null ? "" : e.getOutcome().name()).append('\n');
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }
}
