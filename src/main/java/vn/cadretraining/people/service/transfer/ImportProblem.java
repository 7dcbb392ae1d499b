package vn.cadretraining.people.service.transfer;

import java.io.Serializable;

/**
 * Something wrong with one row, as a bundle key and its arguments (the page puts it in the reader's
 * language), with the column it is about when there is one.
 */
public record ImportProblem(String key, RosterColumn column, Object... args) implements Serializable {
}
