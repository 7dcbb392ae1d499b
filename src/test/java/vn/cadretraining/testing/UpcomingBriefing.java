package vn.cadretraining.testing;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import jakarta.transaction.UserTransaction;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * For the briefing journey: {@code POST} opens a quarterly briefing (the demo's course GB-QUY) of Phường Hạ Long in
 * five days (a draft), with one morning session and nobody invited yet; it answers the class id. Deployed only with the test
 * helpers.
 */
@WebServlet("/testing/upcoming-briefing")
public class UpcomingBriefing extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            tx.begin();
            Course course = em.createQuery("SELECT c FROM Course c WHERE c.code = 'GB-QUY'", Course.class)
                    .getSingleResult();
            AdminUnit ward = em.createQuery("SELECT u FROM AdminUnit u WHERE u.name = 'Phường Hạ Long'"
                    + " AND u.validTo IS NULL", AdminUnit.class).getSingleResult();
            LocalDate day = VietnamTime.today().plusDays(5);
            CourseClass cls = new CourseClass("GB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                    course, ward);
            // kept a draft: invitations need no open class, and the cadres' catalogs of other journeys stay as they were
            cls.schedule(day, day, 10, null, null);
            em.persist(cls);
            em.persist(new ClassSession(cls, day, LocalTime.of(7, 30), LocalTime.of(11, 0),
                    "Thông tin tình hình kinh tế - xã hội quý; triển khai nhiệm vụ dân vận", null, null));
            em.flush();
            id = cls.getId();
            tx.commit();
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.valueOf(id));
    }
}
