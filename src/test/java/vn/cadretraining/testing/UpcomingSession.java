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
import java.util.List;
import java.util.UUID;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * For tests of the calendar file: {@code POST} gives the demo cadre (canbo) a place in a new class with one
 * session in three days, 13:30 to 17:00 Vietnam time, whose course title, topic and venue carry diacritics,
 * commas, semicolons and more than 75 octets; it answers the session id, date, title, topic and venue, one a
 * line. Deployed only with the test helpers.
 */
@WebServlet("/testing/upcoming-session")
public class UpcomingSession extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String out;
        try {
            tx.begin();
            SubjectGroup group = em.createQuery("SELECT g FROM SubjectGroup g WHERE g.code = 'MASS_MOBILIZATION'",
                    SubjectGroup.class).getSingleResult();
            String code = "IC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String title = "Nghiệp vụ công tác dân vận, hòa giải ở cơ sở; kỹ năng vận động quần chúng " + code;
            Course course = new Course(code, title, "Mass mobilisation " + code, group, ActivityKind.TRAINING_COURSE,
                    new BigDecimal("4"));
            em.persist(course);
            AdminUnit ward = em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'"
                    + " AND u.validTo IS NULL", AdminUnit.class).getSingleResult();
            Trainer trainer = em.createQuery("SELECT t FROM Trainer t WHERE t.accountId ="
                    + " (SELECT a.id FROM Account a WHERE a.username = 'giangvien')", Trainer.class).getSingleResult();
            Venue venue = new Venue("Hội trường Đảng ủy phường, tầng 2; số 1 đường Lê Thánh Tông " + code,
                    "Phường Hạ Long", ward, 80);
            em.persist(venue);
            LocalDate day = VietnamTime.today().plusDays(3);
            CourseClass cls = new CourseClass(code + "-1", course, ward);
            cls.schedule(day, day, 40, null, null);
            cls.deliveredBy(trainer.getProvider(), List.of(trainer));
            cls.open();
            em.persist(cls);
            String topic = "Chuyên đề 1: Quy chế dân chủ ở cơ sở, trách nhiệm của người đứng đầu; thảo luận nhóm, "
                    + "giải đáp thắc mắc\\ghi chép";
            ClassSession session = new ClassSession(cls, day, LocalTime.of(13, 30), LocalTime.of(17, 0), topic, trainer,
                    venue);
            em.persist(session);
            Cadre cadre = em.createQuery("SELECT c FROM Cadre c WHERE c.id = (SELECT a.cadreId FROM Account a"
                    + " WHERE a.username = 'canbo')", Cadre.class).getSingleResult();
            em.persist(Enrollment.nominate(cls, cadre, "test"));
            em.flush();
            out = String.join("\n", String.valueOf(session.getId()), day.toString(), title, topic, venue.getName());
            tx.commit();
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out);
    }
}
