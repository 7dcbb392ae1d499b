package vn.cadretraining.catalog.service;

import java.util.List;
import vn.cadretraining.shared.text.TextFold;

/**
 * Pieces of the catalog's search queries, shaped for Derby under EclipseLink. EclipseLink stops binding the
 * parameters of a whole statement when one part of it is something it thinks Derby cannot type (a
 * {@code LIKE … ESCAPE ?}, a {@code 1 = 1}, an {@code EXISTS (SELECT 1 …)}), and then prints booleans as 1/0,
 * which Derby refuses to compare with its BOOLEAN columns. So patterns carry no ESCAPE (a "%" or "_" typed by the
 * user acts as a wildcard, which only ever widens a search of names and titles), WHERE clauses are built without
 * "1 = 1", and the catalog's queries use joins rather than EXISTS.
 */
final class Search {

    private Search() {
    }

    static String contains(String typed) {
        return "%" + TextFold.fold(typed) + "%";
    }

    /** " WHERE a AND b…", or nothing for no conditions. */
    static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
