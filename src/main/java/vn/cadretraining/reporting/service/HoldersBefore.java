package vn.cadretraining.reporting.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change of positions or units under way, between the event before it and the event after it in one transaction:
 * what its cadres counted as title holders before it (taken away, packed keys) and who they are, so that what they
 * count after it is added for the same cadres.
 */
@TransactionScoped
public class HoldersBefore implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Long, Integer> change = new HashMap<>();
    private final Set<Long> cadres = new TreeSet<>();

    Map<Long, Integer> change() {
        return change;
    }

    Set<Long> cadres() {
        return cadres;
    }

    void clear() {
        change.clear();
        cadres.clear();
    }
}
