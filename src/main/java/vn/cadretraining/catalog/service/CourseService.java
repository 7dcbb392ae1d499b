package vn.cadretraining.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.TextFold;

/**
 * The catalog of courses. It is shared by the whole province: every staff role reads it, and administrators and
 * trainers write it (a trainer who designs a course enters it; another trainer may then run classes of it).
 * Courses are retired, never deleted: past classes and certificates name them.
 *
 * <p>Who may change a course, checked here whatever the page shows: an administrator any course; a trainer only a
 * course whose classes are all theirs (they are a trainer of every class of it, or it has none yet), since its
 * rule decides the outcomes of every class of it. Courses belong to no unit, so province reviewers and
 * coordinators read the catalog and ask an administrator for changes.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
public class CourseService {

    private static final Map<String, String> SORTS = Map.of("code", "c.code", "title", "c.titleFolded",
            "hours", "c.hours");

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SessionEvents.CourseRegrouped> regrouped;

    @Inject
    CurrentUser currentUser;

    /** What the course list is narrowed to; nulls mean "any". */
    public record Filter(String text, Long subjectGroupId, ActivityKind kind, Boolean active) implements Serializable {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** A course as its form submits it. {@code code} is read only when creating. */
    public record Details(String code, String titleVi, String titleEn, String descriptionVi, String descriptionEn,
            Long subjectGroupId, ActivityKind kind, BigDecimal hours, List<Long> titleIds, List<Long> prerequisiteIds,
            CompletionRule rule, boolean active) {
    }

    public List<Course> list(Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Course> q = em.createQuery("SELECT c FROM Course c JOIN FETCH c.subjectGroup" + where(filter, params)
                + " ORDER BY " + page.orderBy(SORTS, "c.code"), Course.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    public long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c) FROM Course c" + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Words typed with or without diacritics match the folded titles (both languages) and the code. */
    private static String where(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String[] words = TextFold.fold(f.text()).split(" ");
            for (int i = 0; i < words.length && i < 6; i++) {
                conditions.add("c.titleFolded LIKE :w" + i);
                params.put("w" + i, Search.contains(words[i]));
            }
        }
        if (f.subjectGroupId() != null) {
            conditions.add("c.subjectGroup.id = :group");
            params.put("group", f.subjectGroupId());
        }
        if (f.kind() != null) {
            conditions.add("c.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.active() != null) {
            conditions.add("c.active = :active");
            params.put("active", f.active());
        }
        return Search.where(conditions);
    }

    public Course get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("course"));
    }

    public Optional<Course> find(long id) {
        return Optional.ofNullable(em.find(Course.class, id));
    }

    /** Active courses matching what was typed: for pickers (prerequisites, a new class). */
    public List<Course> complete(String typed, int limit) {
        return em.createQuery("SELECT c FROM Course c WHERE c.active = TRUE AND c.titleFolded LIKE :t"
                + " ORDER BY c.code", Course.class)
                .setParameter("t", Search.contains(typed)).setMaxResults(limit).getResultList();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public Course create(Details d) {
        Course course = new Course(d.code(), d.titleVi(), d.titleEn(), subjectGroup(d.subjectGroupId()), d.kind(),
                d.hours());
        long taken = em.createQuery("SELECT COUNT(c) FROM Course c WHERE c.code = :c", Long.class)
                .setParameter("c", course.getCode()).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("course.error.codeTaken", course.getCode());
        }
        apply(course, d);
        em.persist(course);
        return course;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public Course update(long id, long expectedVersion, Details d) {
        Course course = get(id);
        if (!mayChange(course)) {
            throw new BusinessException("course.error.othersClasses");
        }
        if (course.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        long group = course.getSubjectGroup().getId();
        ActivityKind kind = course.getKind();
        apply(course, d);
        if (group != course.getSubjectGroup().getId() || kind != course.getKind()) {
            em.flush();
            regrouped.fire(new SessionEvents.CourseRegrouped(course.getId(), group, kind.name()));
        }
        return course;
    }

    /** Whether the caller may change the course (see the class comment): what the page offers, and update checks. */
    public boolean mayChange(Course course) {
        Caller caller = currentUser.get();
        if (caller.role() == Role.ADMIN) {
            return true;
        }
        if (caller.role() != Role.TRAINER) {
            return false;
        }
        long notTheirs = em.createQuery("SELECT COUNT(k) FROM CourseClass k WHERE k.course.id = :c AND k.id NOT IN"
                + " (SELECT m.id FROM CourseClass m JOIN m.trainers t WHERE m.course.id = :c AND t.accountId = :a)",
                Long.class).setParameter("c", course.getId()).setParameter("a", caller.accountId()).getSingleResult();
        return notTheirs == 0;
    }

    private void apply(Course course, Details d) {
        course.describe(d.titleVi(), d.titleEn(), blankToNull(d.descriptionVi()), blankToNull(d.descriptionEn()),
                subjectGroup(d.subjectGroupId()), d.kind(), d.hours());
        course.setRule(d.rule());
        List<Long> titleIds = d.titleIds() == null ? List.of() : d.titleIds();
        List<PositionTitle> titles = titleIds.isEmpty() ? List.of()
                : em.createQuery("SELECT t FROM PositionTitle t WHERE t.id IN :ids", PositionTitle.class)
                        .setParameter("ids", titleIds).getResultList();
        if (titles.size() != titleIds.stream().distinct().count()) {
            throw new NotFoundException("title");
        }
        course.meantFor(titles);
        List<Long> requiredIds = d.prerequisiteIds() == null ? List.of() : d.prerequisiteIds();
        List<Course> required = requiredIds.isEmpty() ? List.of()
                : em.createQuery("SELECT c FROM Course c WHERE c.id IN :ids", Course.class)
                        .setParameter("ids", requiredIds).getResultList();
        if (required.size() != requiredIds.stream().distinct().count()) {
            throw new NotFoundException("course");
        }
        course.require(required);
        if (d.active()) {
            course.reinstate();
        } else {
            course.retire();
        }
    }

    private SubjectGroup subjectGroup(Long id) {
        if (id == null) {
            throw new BusinessException("course.error.groupAndKind");
        }
        return Optional.ofNullable(em.find(SubjectGroup.class, id)).orElseThrow(() -> new NotFoundException("group"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
