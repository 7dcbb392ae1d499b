/**
 * Enrollment: a cadre's place in a class. It owns {@code Enrollment} (requested, enrolled, waitlisted,
 * declined or withdrawn; the unit is the cadre's unit at the time), the rules that refuse a place with a reason
 * (prerequisites, overlapping classes, a class not open), the waitlist that moves up by itself, bulk nomination
 * with a preview, the cadre's catalog and offers, the coordinator's requests, and class lists (.xlsx, PDF).
 *
 * <p>Places are counted on the class and every change that takes or frees one runs under the class row's lock,
 * so the last place is never given twice. Coordinators act within their unit's subtree; cadres on their own.
 */
package vn.cadretraining.enrollment;
