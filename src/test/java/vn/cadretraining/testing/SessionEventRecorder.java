package vn.cadretraining.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.cadretraining.catalog.service.SessionEvents;

/**
 * Stands in for the enrollment feature in tests: records what the catalog tells about sessions and classes
 * (deployed only with the test helpers).
 */
@ApplicationScoped
public class SessionEventRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void onChanged(@Observes SessionEvents.Changed e) {
        events.add(e);
    }

    void onCancelled(@Observes SessionEvents.Cancelled e) {
        events.add(e);
    }

    void onClassCancelled(@Observes SessionEvents.ClassCancelled e) {
        events.add(e);
    }

    /** The events about this class, in the order they came. */
    public List<Object> about(long classId) {
        return events.stream().filter(e -> classOf(e) == classId).toList();
    }

    private static long classOf(Object e) {
        if (e instanceof SessionEvents.Changed c) {
            return c.classId();
        }
        if (e instanceof SessionEvents.Cancelled c) {
            return c.classId();
        }
        return ((SessionEvents.ClassCancelled) e).classId();
    }
}
