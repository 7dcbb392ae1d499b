/**
 * Roster files: the format (one row per cadre, the columns of {@link RosterColumn}), reading uploads safely
 * (file type by content, strict encodings, zip bombs, formulas, limits), the rules a row must meet, what
 * applying a row changes, and writing exports and templates as streams. Plain Java without a container, so
 * that every rule is tested as a unit; the services of {@code vn.cadretraining.people.service} hold the
 * transactions, the scope and the background work.
 */
package vn.cadretraining.people.service.transfer;
