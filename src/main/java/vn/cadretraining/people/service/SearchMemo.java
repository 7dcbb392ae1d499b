package vn.cadretraining.people.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The cadres a search found, kept for the rest of the request: the roster page asks for the count and then for
 * the page's rows of the same search in one request, and the search (reading the driving word's index) is the
 * costly part of both. Keyed by the filter and the caller's scope; gone with the request, so a change is seen
 * by the next one.
 */
@RequestScoped
public class SearchMemo {

    private final Map<String, CadreService.Found> found = new HashMap<>();

    CadreService.Found get(String key, Function<String, CadreService.Found> search) {
        return found.computeIfAbsent(key, search);
    }
}
