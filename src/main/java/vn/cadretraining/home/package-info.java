/**
 * Home: the first screen after sign-in, one per role, leading to the next thing to do (the cadre's next session,
 * the trainer's sessions today, the coordinator's requests, the reviewer's laggards, the administrator's locked
 * accounts).
 *
 * <p>It sits above every feature (org ← people ← catalog ← enrollment ← attendance ← certification ← reporting ←
 * home) because one page gathers figures that each feature owns; no feature imports it. {@code HomeService.page()}
 * is the page's one read: one role and scope check, one transaction, a fixed number of statements per role
 * whatever the size of the province (counts and short lists done by the database; the pace comes from
 * reporting's own dashboard count, never counted twice).
 */
package vn.cadretraining.home;
