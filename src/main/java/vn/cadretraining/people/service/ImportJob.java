package vn.cadretraining.people.service;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.cadretraining.people.service.transfer.ImportRow;
import vn.cadretraining.people.service.transfer.RawRow;
import vn.cadretraining.people.service.transfer.RowAction;

/**
 * One uploaded file on its way into the roster: read and checked in the background, previewed, then applied
 * in the background. The page keeps it (view scope) and polls it; the rows it holds are the ones read from
 * the file on the server, so nothing the browser posts back is ever imported. Written by one background
 * thread at a time and read by the page's requests, hence the volatile fields.
 */
public final class ImportJob implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Phase {
        READING, CHECKING, READY, WRITING, DONE, FAILED;

        public boolean isWorking() {
            return this == READING || this == CHECKING || this == WRITING;
        }
    }

    private final String id = UUID.randomUUID().toString();
    private final String fileName;
    private final long ownerAccountId;
    private volatile Phase phase = Phase.READING;
    private volatile int done;
    private volatile int total;
    private volatile List<ImportRow> rows = List.of();
    private volatile int problemRows;
    private volatile int inserts;
    private volatile int updates;
    private volatile int unchanged;
    private volatile ImportResult result;
    private volatile String messageKey;
    private volatile Object[] messageArgs = {};
    private volatile boolean changedSincePreview;

    ImportJob(String fileName, long ownerAccountId) {
        this.fileName = fileName;
        this.ownerAccountId = ownerAccountId;
    }

    // ---- what the background work reports -----------------------------------------------------------

    void reading(int rowsRead) {
        done = rowsRead;
    }

    void checking(int rowCount) {
        phase = Phase.CHECKING;
        done = 0;
        total = rowCount;
    }

    void ready(List<ImportRow> checked, boolean changed) {
        rows = List.copyOf(checked);
        problemRows = (int) rows.stream().filter(r -> !r.isValid()).count();
        inserts = count(RowAction.INSERT);
        updates = count(RowAction.UPDATE);
        unchanged = count(RowAction.UNCHANGED);
        changedSincePreview = changed;
        messageKey = null;
        done = total = rows.size();
        phase = Phase.READY;
    }

    void writing(int rowCount) {
        done = 0;
        total = rowCount;
        messageKey = null;
        changedSincePreview = false;
        phase = Phase.WRITING;
    }

    void written(int rowsSoFar) {
        done = rowsSoFar;
    }

    void finished(ImportResult importResult) {
        result = importResult;
        done = total;
        phase = Phase.DONE;
    }

    /**
     * The file could not be read (FAILED: choose another), or applying it failed and wrote nothing (back to
     * READY: the preview stays, and the person may try again).
     */
    void failed(String key, Object... args) {
        messageKey = key;
        messageArgs = args.clone();
        phase = phase == Phase.WRITING ? Phase.READY : Phase.FAILED;
    }

    private int count(RowAction action) {
        return (int) rows.stream().filter(r -> r.getAction() == action).count();
    }

    // ---- what the page and the service read ---------------------------------------------------------

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    long ownerAccountId() {
        return ownerAccountId;
    }

    public Phase getPhase() {
        return phase;
    }

    public boolean isWorking() {
        return phase.isWorking();
    }

    public int getDone() {
        return done;
    }

    public int getTotal() {
        return total;
    }

    /** 0-100, for the progress bar. */
    public int getPercent() {
        int t = total;
        return t <= 0 ? 0 : (int) Math.min(100, done * 100L / t);
    }

    public List<ImportRow> getRows() {
        return rows;
    }

    List<RawRow> rawRows() {
        return rows.stream().map(ImportRow::raw).toList();
    }

    /** The rows that could be imported when the preview was made. */
    Set<Integer> validRowNumbers() {
        return rows.stream().filter(ImportRow::isValid).map(ImportRow::getNumber).collect(Collectors.toSet());
    }

    public int getRowCount() {
        return rows.size();
    }

    public int getProblemCount() {
        return problemRows;
    }

    public int getValidCount() {
        return rows.size() - problemRows;
    }

    public int getInsertCount() {
        return inserts;
    }

    public int getUpdateCount() {
        return updates;
    }

    public int getUnchangedCount() {
        return unchanged;
    }

    public ImportResult getResult() {
        return result;
    }

    /** Why reading or applying the file failed (a bundle key), or null. */
    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getMessageArgs() {
        return messageArgs.clone();
    }

    /** True when applying found the database changed since the preview: the preview shows it as it is now. */
    public boolean isChangedSincePreview() {
        return changedSincePreview;
    }
}
