/**
 * People: the cadre roster. It owns {@code Cadre} (identity, unit, ethnicity, gender, Party membership,
 * education), {@code Position} (a title held in a unit over a term) and the titles list, the search that finds
 * "Nguyễn" typed "nguyen" ({@code CadreSearchToken}), a cadre's own profile, accounts given to cadres by their
 * coordinator, and the roster's import and export ({@code service.transfer}: every row checked first, then all
 * written in one transaction or none).
 *
 * <p>Coordinators read and change the cadres of their unit's subtree, reviewers read the province, a cadre only
 * their own record; checked in the services.
 */
package vn.cadretraining.people;
