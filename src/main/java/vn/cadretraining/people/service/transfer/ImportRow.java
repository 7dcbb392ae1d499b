package vn.cadretraining.people.service.transfer;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the preview: the row as read, its problems (none when it can be imported), when it has none,
 * what importing it would do, and the values that will be stored in another form than written.
 */
public record ImportRow(RawRow raw, List<ImportProblem> problems, RowAction action, List<ImportProblem> notes)
        implements Serializable {

    public ImportRow {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public ImportRow(RawRow raw, List<ImportProblem> problems, RowAction action) {
        this(raw, problems, action, List.of());
    }

    public int getNumber() {
        return raw.number();
    }

    public String getCode() {
        return raw.get(RosterColumn.CODE);
    }

    public String getFullName() {
        return raw.get(RosterColumn.FULL_NAME);
    }

    public String getUnitCode() {
        return raw.get(RosterColumn.UNIT_CODE);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<ImportProblem> getProblems() {
        return problems;
    }

    public List<ImportProblem> getNotes() {
        return notes;
    }

    public RowAction getAction() {
        return action;
    }
}
