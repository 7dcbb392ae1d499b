package vn.cadretraining.reporting.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What the cadres of a change under way counted as title holders before it (taken away, packed keys), read before
 * anything is written and applied with what they count after it, in the same transaction. Reading first and
 * writing the summaries only at the end keeps the order every change takes its locks in (the records, then the
 * summaries), so that a recount waiting on the records never meets a change holding the summaries.
 */
@TransactionScoped
public class HoldersBefore implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Long, Integer> change = new HashMap<>();

    Map<Long, Integer> change() {
        return change;
    }
}
