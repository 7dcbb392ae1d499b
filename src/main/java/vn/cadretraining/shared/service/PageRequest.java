package vn.cadretraining.shared.service;

import java.util.Map;

/**
 * One page of a list, as a lazy table asks for it: the first row, how many rows, and a sort field named by
 * the page. Services map sort names to columns through a fixed table, so that nothing the browser sends
 * reaches the query text.
 */
public record PageRequest(int first, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        first = Math.max(0, first);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    public static PageRequest of(int first, int size) {
        return new PageRequest(first, size, null, true);
    }

    /** The ORDER BY expression: the mapped column for a known sort field, else the default. */
    public String orderBy(Map<String, String> allowed, String defaultColumn) {
        String column = sortField == null ? null : allowed.get(sortField);
        if (column == null) {
            return defaultColumn;
        }
        // a stable tie-break keeps rows from moving between pages
        return column + (ascending ? " ASC" : " DESC") + ", " + defaultColumn;
    }
}
