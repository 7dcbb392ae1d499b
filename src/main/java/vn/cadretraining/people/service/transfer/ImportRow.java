package vn.cadretraining.people.service.transfer;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the preview: the row as read, its problems (none when it can be imported) and, when it has
 * none, what importing it would do.
 */
public record ImportRow(RawRow raw, List<ImportProblem> problems, RowAction action) implements Serializable {

    public ImportRow {
        problems = List.copyOf(problems);
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

    public RowAction getAction() {
        return action;
    }
}
