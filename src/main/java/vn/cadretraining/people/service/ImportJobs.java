package vn.cadretraining.people.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The imports being applied right now, so that each batch written moves its job's progress bar. */
@ApplicationScoped
public class ImportJobs {

    private final Map<String, ImportJob> writing = new ConcurrentHashMap<>();

    public void register(ImportJob job) {
        writing.put(job.getId(), job);
    }

    public void forget(ImportJob job) {
        writing.remove(job.getId());
    }

    void onRowsWritten(@Observes RowsWritten event) {
        ImportJob job = writing.get(event.importId());
        if (job != null) {
            job.written(event.rowsSoFar());
        }
    }
}
