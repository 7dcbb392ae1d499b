/**
 * The catalog: what is taught and how it is run. Reference lists kept by the administrator (subject groups,
 * providers, venues, trainers; activity kinds are a fixed enum), courses with their completion rule, and
 * classes (runs of a course) with their sessions.
 *
 * <p>Trainers write the shared catalog of courses and run their own classes; province reviewers read
 * everything, coordinators read the classes their cadres may attend (organised at, under or above their
 * unit). A trainer or venue is never booked twice at once: every session saved is checked against all others
 * in one query. Changes to sessions are told to the features that care (enrollment writes the cadres' inbox)
 * through {@link vn.cadretraining.catalog.service.SessionEvents}, in the same transaction.
 */
package vn.cadretraining.catalog;
