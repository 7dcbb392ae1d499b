/**
 * Results and certificates: closing a class decides each enrollment's outcome by the course's completion rule
 * ({@code Completion}), issues certificates numbered per issuer and year under a lock, and fires
 * {@code ResultEvents.Closed} in the same transaction for the features that count outcomes. It also owns the
 * cadre's record (positions, classes, certificates, transcript PDF and calendar file), revocation, the public
 * verification page ({@code /verify/{code}}, which says valid, expired or revoked and nothing else about the
 * person) and the file downloads of this feature.
 *
 * <p>A closing is all or nothing: outcomes, certificates and their contiguous numbers commit together.
 */
package vn.cadretraining.certification;
