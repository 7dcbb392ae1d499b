/**
 * The audit trail: who changed what and when, for the changes people argue about — attendance marks, scores
 * and outcomes, class closings, certificates issued and revoked, targets, accounts (created, role or unit
 * changed, disabled, enabled, password reset), roster imports, unit merges, commendations recorded and
 * petitions recorded and moved along their lifecycle.
 *
 * <ul>
 * <li><b>Written with the change.</b> {@code AuditTrail} is an EJB with transaction attribute MANDATORY and the
 * application's persistence context: each feature's service calls it with one line at the point of the change,
 * inside its own transaction, so an entry commits or rolls back with what it records (a refused save leaves
 * none). It decides itself whether anything changed (a grid row saved with the same mark, a score typed again,
 * a target retyped leave nothing).</li>
 * <li><b>Grain.</b> One entry per item people argue about: each attendance mark that changed, each score, each
 * participant's outcome at closing, each certificate; one for a whole import (counts of rows) and one per merge.
 * An attendance mark also keeps its last marker (marked_by, marked_at), which the cadre's record shows.</li>
 * <li><b>Never editable.</b> {@code AuditEntry} has no setter, every column is insert-only, and no service has a
 * way to change or remove an entry. Who did it (account id, username, display name) and the subject's label are
 * copied as they were, so an entry reads the same after renames.</li>
 * <li><b>Read in scope.</b> {@code AuditService}: administrators and province reviewers read everything; a
 * coordinator reads the entries whose unit (the cadre's, the class's, the target's, the account's) lies in their
 * subtree by today's paths; trainers and cadres are refused. Filters, paging and counting run in SQL; the export
 * (.xlsx, .csv) reuses the roster's streaming sheet, which neutralises formula cells.</li>
 * <li><b>Language.</b> Labels and notes are written in Vietnamese, the language of the province's records;
 * values that are enum constants are stored as bundle keys and shown in the reader's language.</li>
 * </ul>
 * Unlike the other features, this one reads the entities of all of them (to label what it records); they depend
 * on it only through {@code AuditTrail}'s methods.
 */
package vn.cadretraining.audit;
