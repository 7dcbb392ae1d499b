package vn.cadretraining.people.service;

/**
 * Fired by the import inside its transaction after each batch of rows is written: the progress bar follows
 * it. Observers run in that transaction, so one that throws undoes the whole import.
 *
 * @param rowsSoFar rows of the file done (written or found unchanged) so far
 * @param rowsTotal rows being applied
 */
public record RowsWritten(String importId, String fileName, int rowsSoFar, int rowsTotal) {
}
