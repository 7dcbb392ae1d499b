package vn.cadretraining.people.service.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.cadretraining.shared.service.BusinessException;

/**
 * Which column of the file holds what, read from its first row. Columns may come in any order and
 * unknown ones are ignored (an export's unit name and titles held now, notes a coordinator added); a
 * required column missing, or one column given twice, refuses the file before any row is read.
 */
final class HeaderRow {

    private final RosterColumn[] byIndex;

    private HeaderRow(RosterColumn[] byIndex) {
        this.byIndex = byIndex;
    }

    static HeaderRow of(List<String> cells) {
        RosterColumn[] byIndex = new RosterColumn[cells.size()];
        Map<RosterColumn, Integer> seen = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i);
            for (RosterColumn column : RosterColumn.IMPORTED) {
                if (text != null && column.matchesHeader(text)) {
                    if (seen.containsKey(column)) {
                        throw new BusinessException("import.error.duplicateColumn", column.header());
                    }
                    seen.put(column, i);
                    byIndex[i] = column;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (RosterColumn column : RosterColumn.IMPORTED) {
            if (column.isRequired() && !seen.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new BusinessException("import.error.missingColumns", String.join(", ", missing));
        }
        return new HeaderRow(byIndex);
    }

    RosterColumn columnAt(int index) {
        return index < byIndex.length ? byIndex[index] : null;
    }

    /** A data row from its cells by index; an exported cell's neutralising apostrophe is taken off. */
    RawRow row(int number, Map<Integer, String> cells) {
        Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
        cells.forEach((index, value) -> {
            RosterColumn column = columnAt(index);
            if (column != null && value != null) {
                values.put(column, CellSafety.restore(value));
            }
        });
        return RawRow.of(number, values);
    }
}
