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
 *
 * <p>Summary rows, kept by the transactions that change a figure (tables {@code progress_*}, V12, V17 to V23), so
 * that a dashboard reads a few rows per unit whatever the size of the province. Every row is keyed by a unit of
 * today's tree and holds what counts under that unit <em>and everything below it</em> (its own rows and its
 * ancestors' are written together: a completion touches as many rows as the unit is deep, 3-4), so that a unit's
 * figure is its own row and its children's figures are their rows: no path scan at read time.
 * <ul>
 * <li>{@code progress_turns (unit, end day, subject group) → turns}: additive, a plain counter. The day (not
 * the month) because the year-over-year change compares the year so far with last year <em>to the same
 * day</em>; the months and the subject groups add up from it.</li>
 * <li>{@code progress_cadre (cadre, year, unit) → turns, ethnicity, gender}: the non-additive measure. A row
 * exists while the cadre has at least one completion in the year counted under the unit (ancestors included),
 * so "a cadre who moved counts in both communes and once above" holds by construction: the communes have a row
 * each, the province one. The cadre's ethnicity and gender are copied as counted, so that a later change of
 * them moves exactly what was counted.</li>
 * <li>{@code progress_people (unit, year, ethnicity, gender) → turns, cadres}: the counter over the rows
 * above (a row of {@code progress_cadre} appearing adds a cadre, disappearing removes one); summed over the
 * pairs it is the unit's turns and distinct cadres; and {@code progress_unit_year (unit, year) → turns, cadres}, those
 * sums, kept by the same writes (V22), which a unit's row in its parent's table reads.</li>
 * <li>{@code progress_holders (unit, title, measure, day) → n}: the title holders of the province's dashboard,
 * for the top unit each title and the paid titles together (title 0), for each unit directly under it the paid
 * titles together (its row in the table by commune). The figure depends on the day asked (today, or 31 December of
 * a past year), which no transaction marks; so a row is a change of a count on a day: +1 the day a holder begins
 * to count, -1 the day after they stop, and the count on a day is the sum of the changes up to it (measure 0 held,
 * 1 held and trained since the term began, 2 held and trained in the year: from the year's first completion to
 * 31 December). Measures 3-5 are the totals of 0-2 (keyed by 1 January 1900, V19), so that a count on a day is
 * its total less the changes after the day: for today, a few rows per unit (the year's end, terms ending) however
 * long the history and however busy the year so far. A cadre's positions of a title (or the paid titles) are joined before they count, so a cadre
 * counts once per title and once among the paid titles ({@code HolderSpans}). Units further down are not kept:
 * a commune's dashboard counts its few hundred positions from the records.</li>
 * <li>{@code progress_briefing_class (class) → organiser, first day, invited, attended}: each briefing that counts as
 * held (a briefing course's class, neither a draft nor cancelled) as last counted, and {@code progress_briefings
 * (unit, yearly, day) → held, invited, attended}, the counters over them for the organiser's unit of today and the
 * units above it, by the first day and summed by year. A briefing changed in any way (its status, first day or
 * organiser, an invitation, a mark, a session called off, its course made or unmade a briefing) is counted again
 * from its own records, a few dozen invitations, and the difference from its row moves into the counters: one rule
 * whatever the change. A unit's year is its yearly row less the days after the day asked (briefings set for a day
 * still to come); its quarters are its day rows.</li>
 * <li>{@code progress_petitions (unit, period, field) → received, resolved, satisfied, ruled on, sent up}: plain
 * counters for the hamlet's unit of today and the units above it (V20), at two grains: a field's petitions by the
 * quarter received, and all fields by the year (field '', keyed by 1 January: a unit's row in its parent's table);
 * and {@code progress_petition_days (unit, quarter, days) → n}, the resolved ones by the days to their answer. A
 * petition's hamlet, field and day of receipt never change, so a step moves the difference of what it counts before
 * and after (a step that changes nothing counted, assigned or handling begun, writes nothing). The province's
 * dashboard reads them; the open and overdue petitions, which move with the calendar, are counted there from the
 * records through an index of the petitions by state holding every column read (the few still open), and a
 * commune's dashboard counts its few petitions from the records.</li>
 * </ul>
 * The rows a table of the units under a unit reads (a unit-year's turns and cadres, the paid titles' holders, the
 * briefings, the petitions by year) also carry their unit's parent today (V23), and an index of each table begins
 * with it and holds every column read: the province's table of 5,400 communes is one range of each index, not a
 * lookup per commune. An INSERT leaves the parent empty and one UPDATE of the new rows fills it
 * ({@code SummaryRows.parents}), so that no writer needs to know it; a unit moved gets its rows' parent changed
 * with it; the recount finds and repairs a wrong one.
 * What moves them, each in the changing transaction, through the events of the features below (reporting
 * depends on them, never the other way): a class's results closed ({@code ResultEvents.Closed}: its
 * completions added, O(participants × depth)); a subtree moved ({@code UnitEvents.SubtreeMoved}: the moved
 * unit's rows taken from the ancestors it left and added to those it joined); units merged
 * ({@code UnitEvents.Merged}: each source's rows carried to the successor's chain, the source's own removed);
 * a cadre's ethnicity or gender changed ({@code PeopleEvents.Described}: their rows moved between pairs); a
 * course's subject group or kind changed ({@code SessionEvents.CourseRegrouped}: its completions moved between
 * groups, or in and out of the count when it becomes or stops being a briefing). The title holders move
 * by cadre: a change takes away what its cadres counted before it and adds what they count after, both from the
 * records (a closing: its participants with and without the class; a course made a briefing or no longer one:
 * those with its completions; a title given or ended, a title made paid or not, a roster import that gives titles:
 * {@code PeopleEvents.PositionsChanging} before and {@code PositionsChanged} after; units merged:
 * {@code UnitEvents.Merging} before, the successor's holders after the merge's other observers). The briefings move
 * by class, told by {@code SessionEvents.ClassChanged} (a class changed, opened, started or finished;
 * invitations made, declined or withdrawn), {@code SessionEvents.Cancelled} and {@code ClassCancelled},
 * {@code AttendanceChanged}, a closing and a course regrouped; a training class's change costs nothing there. The
 * petitions move by petition, told by {@code PetitionEvents.Changed} (recorded, or moved a step). Units merged or
 * moved carry the briefings' and the petitions' counters as they carry their turns. A cadre moving to
 * another unit moves nothing: a completion stays with the unit the cadre was enrolled under, a title with the unit
 * it is held in; nor does anything after the closing: closed results are final, no one withdraws from the class
 * any more. Counters
 * are changed by relative updates ({@code turns = turns + ?}), keys in a fixed order, so that two transactions
 * touching the province's row wait for each other instead of losing a count.
 *
 * <p>{@link vn.cadretraining.reporting.service.Recounter} recomputes the tables from the raw rows,
 * reports the differences and repairs them (records written without the services: the demo generator, an
 * operator's SQL): the administrator's page {@code admin/recount}, the operator's {@code setup/recount}, and once at
 * the first start of a database older than the tables ({@code SummariesAtStart}). A key appearing for the first
 * time (a unit's first completion of a year) is inserted after an UPDATE found no row; so that two changes never
 * insert one key at once (the second would fail and roll back its closing), every change of the summaries takes
 * one lock first ({@code LOCK TABLE progress_cadre IN EXCLUSIVE MODE}, after its own feature's locks) and holds
 * it to its commit: the changes of the summaries follow one another, each a few statements long; the recount
 * takes the same lock first (on Derby, whose reads wait for rows being changed, after the records' tables it
 * reads, so that it waits for a closing under way instead of deadlocking with it). It counts one year at a time (the completions read in the order of their day), so
 * that it holds a year's (cadre, year, unit) keys in memory, twice (counted and kept), not every year's (about
 * 1 GB at L); the price is a read of the kept rows per year. The title holders are recounted cadre by cadre (their
 * positions and completions read side by side, in the cadres' order), the changes held as packed keys.
 *
 * <p>Every dashboard and home page reads its turns, distinct cadres, months, subject groups, ethnic groups, genders,
 * briefings held and their invitees' attendance from these rows at each view, at any size, and the province's
 * dashboard its title holders too. Read from the records at each view: the title holders of a commune or a
 * district (a few hundred positions). Nothing is kept between views: every figure is the database's answer at the
 * view.
 *
 * <p>Everything else is aggregated in SQL (portable between Derby and PostgreSQL); the number of statements per
 * dashboard does not depend on the data.
 *
 * <p>The petitions' figures beside training ({@code PetitionProgress}, {@code PetitionSql}) are read at each view in
 * four statements: at the province from the kept counters (above), elsewhere from the petition records (by field
 * and quarter, by unit, the days to an answer, the open ones; the commune path index). The quarterly petitions
 * report ({@code PetitionReport}) counts from the records and is written with the training reports' writers.
 */
package vn.cadretraining.reporting;
