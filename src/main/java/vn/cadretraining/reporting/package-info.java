/**
 * Reporting: each year's training targets (chỉ tiêu), set by the province for itself and split among its
 * communes, and progress against them, counted in the database from the records as they stand.
 *
 * <p>How the figures are counted (said to the users in the dashboard's help too):
 * <ul>
 * <li>A completion is an enrollment with a place whose outcome is "completed", which exists only once the
 * class's results are closed; withdrawn, declined and not-completed enrollments never count. It counts in the
 * year its class ended.</li>
 * <li>Training turns (lượt) count completions; distinct cadres count people. Briefing conferences are not
 * training: they are counted as conferences held, per quarter, under the unit that organised them.</li>
 * <li>A completion counts under the unit the cadre belonged to when enrolled, carried to the unit that holds
 * that unit's history today ({@code admin_unit.current_unit_id}) and up today's tree by path: what a merged or
 * abolished unit did counts under its successor.</li>
 * <li>The share of a title's holders trained counts today's holders (the holders on 31 December for a past
 * year) under the unit, and among them those with a completion in the year, or in their current term (from
 * 1 January of the first year written in the position's term, else from the day they took the title).</li>
 * </ul>
 * Everything is aggregated in SQL (portable between Derby and PostgreSQL); the number of statements per
 * dashboard does not depend on the data.
 */
package vn.cadretraining.reporting;
