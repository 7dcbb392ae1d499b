package vn.cadretraining.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.cadretraining.people.service.RowsWritten;

/**
 * Breaks an import half-way, for the atomicity test: it observes the import's progress event, which is
 * fired inside the import's transaction after each batch written, and throws when the file's name carries
 * the marker. Deployed only with the test helpers; the application knows nothing of it.
 */
@ApplicationScoped
public class ImportFailureInjector {

    public static final String MARKER = "fail-midway";

    private static volatile int failedAfter;

    void onRowsWritten(@Observes RowsWritten event) {
        if (event.fileName().contains(MARKER)) {
            failedAfter = event.rowsSoFar();
            throw new IllegalStateException("failure injected by the test after " + event.rowsSoFar() + " of "
                    + event.rowsTotal() + " rows");
        }
    }

    /** How many rows had been written when the failure was injected. */
    public static int failedAfter() {
        return failedAfter;
    }
}
