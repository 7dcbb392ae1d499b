package vn.cadretraining.people.service.transfer;

/** What applying a valid row does: a new cadre, a change to one, or nothing at all. */
public enum RowAction {
    INSERT,
    UPDATE,
    UNCHANGED
}
