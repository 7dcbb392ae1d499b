package vn.cadretraining.catalog.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.TimeSlot;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;

/**
 * Finds the sessions, in any class, that already hold a trainer or a place during a time slot: one query per
 * session checked, whatever the number of sessions stored. A session's places are its own venue (or connection
 * point) when it names one, else its class's venue, or all the class's connection points when the class is
 * online. Cancelled sessions and sessions of cancelled classes hold nothing; slots that only touch (one ends
 * at 11:30, the other starts at 11:30) do not clash.
 */
final class SessionClashes {

    private final EntityManager em;

    SessionClashes(EntityManager em) {
        this.em = em;
    }

    /**
     * The clashes of a sitting at {@code slot} with {@code trainer} at {@code places}, leaving out the session
     * {@code excludeId} itself (when an existing session is being changed).
     */
    List<Clash> find(TimeSlot slot, Trainer trainer, Set<Venue> places, Long excludeId) {
        boolean byTrainer = trainer != null && trainer.getId() != null;
        boolean byPlace = !places.isEmpty();
        if (!byTrainer && !byPlace) {
            return List.of();
        }
        // No subquery, no literal booleans: on Derby, EclipseLink stops binding parameters for a statement it thinks
        // Derby cannot type, and then prints booleans as 1/0, which Derby refuses against a BOOLEAN column. An
        // online class has no venue and an in-person class no connection points, so "online" need not be tested.
        StringBuilder q = new StringBuilder("SELECT DISTINCT s FROM ClassSession s JOIN FETCH s.courseClass c"
                + " JOIN FETCH c.course LEFT JOIN s.trainer t LEFT JOIN s.venue v"
                + (byPlace ? " LEFT JOIN c.venue cv LEFT JOIN c.connectionPoints cp" : "")
                + " WHERE s.cancelled = :no AND c.status <> :cancelled"
                + " AND s.startsAt < :ends AND s.endsAt > :starts");
        if (excludeId != null) {
            q.append(" AND s.id <> :self");
        }
        List<String> holds = new ArrayList<>();
        if (byTrainer) {
            holds.add("t.id = :trainer");
        }
        if (byPlace) {
            holds.add("v.id IN :places");
            holds.add("(v.id IS NULL AND cv.id IN :places)");
            holds.add("(v.id IS NULL AND cp.id IN :places)");
        }
        q.append(" AND (").append(String.join(" OR ", holds)).append(") ORDER BY s.startsAt, s.id");
        TypedQuery<ClassSession> query = em.createQuery(q.toString(), ClassSession.class)
                .setParameter("no", false)
                .setParameter("cancelled", ClassStatus.CANCELLED)
                .setParameter("starts", slot.startsAt())
                .setParameter("ends", slot.endsAt());
        if (excludeId != null) {
            query.setParameter("self", excludeId);
        }
        if (byTrainer) {
            query.setParameter("trainer", trainer.getId());
        }
        if (byPlace) {
            query.setParameter("places", places.stream().map(Venue::getId).toList());
        }
        List<Clash> clashes = new ArrayList<>();
        for (ClassSession other : query.getResultList()) {
            if (byTrainer && trainer.equals(other.getTrainer())) {
                clashes.add(clash(Clash.Kind.TRAINER, trainer.getFullName(), other));
            }
            other.getPlaces().stream().filter(places::contains).sorted(Comparator.comparing(Venue::getName))
                    .forEach(place -> clashes.add(clash(Clash.Kind.VENUE, place.getName(), other)));
        }
        return clashes;
    }

    private static Clash clash(Clash.Kind kind, String resource, ClassSession other) {
        return new Clash(kind, resource, other.getCourseClass().getCode(),
                other.getCourseClass().getCourse().getTitleVi(), other.getCourseClass().getCourse().getTitleEn(),
                other.getSessionDate(), other.getStartTime(), other.getEndTime());
    }
}
