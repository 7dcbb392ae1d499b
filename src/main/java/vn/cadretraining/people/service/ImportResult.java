package vn.cadretraining.people.service;

import java.io.Serializable;

/** What an applied import did: cadres added, changed, found as they were, rows skipped for their problems. */
public record ImportResult(int inserted, int updated, int unchanged, int skipped, int positionsStarted,
        long millis) implements Serializable {

    public int getInserted() {
        return inserted;
    }

    public int getUpdated() {
        return updated;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public int getSkipped() {
        return skipped;
    }

    public int getPositionsStarted() {
        return positionsStarted;
    }

    /** Rows applied per second, for the log and the benchmark. */
    public long rowsPerSecond() {
        int rows = inserted + updated + unchanged;
        return millis <= 0 ? rows : rows * 1000L / millis;
    }
}
