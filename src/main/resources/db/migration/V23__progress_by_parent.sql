-- The rows a table of the units under a unit reads (turns and cadres, paid-title holders, briefings, petitions by
-- year) also carry their unit's parent today (0 for a unit without one; NULL only inside the transaction that
-- inserts a row, which then sets it: SummaryRows.parents). Each table is read as one range of an index that holds
-- every column read, not by a lookup per unit under it: the province's table of 5,400 communes read its turns in
-- 13 ms instead of 175 (national scale, docs/benchmarks.md). A unit moved gets its rows' parent changed with it;
-- the recount checks and repairs them.
ALTER TABLE progress_unit_year ADD COLUMN parent_id BIGINT;
UPDATE progress_unit_year SET parent_id = (SELECT COALESCE(u.parent_id, 0) FROM admin_unit u
    WHERE u.id = progress_unit_year.unit_id);
CREATE INDEX ix_progress_unit_year_parent ON progress_unit_year (parent_id, year_no, unit_id, turns, cadres);

ALTER TABLE progress_holders ADD COLUMN parent_id BIGINT;
UPDATE progress_holders SET parent_id = (SELECT COALESCE(u.parent_id, 0) FROM admin_unit u
    WHERE u.id = progress_holders.unit_id);
CREATE INDEX ix_progress_holders_parent ON progress_holders (parent_id, measure, from_day, unit_id, title_id, n);

ALTER TABLE progress_briefings ADD COLUMN parent_id BIGINT;
UPDATE progress_briefings SET parent_id = (SELECT COALESCE(u.parent_id, 0) FROM admin_unit u
    WHERE u.id = progress_briefings.unit_id);
CREATE INDEX ix_progress_briefings_parent ON progress_briefings (parent_id, yearly, start_date, unit_id, held,
    invited, attended);

ALTER TABLE progress_petitions ADD COLUMN parent_id BIGINT;
UPDATE progress_petitions SET parent_id = (SELECT COALESCE(u.parent_id, 0) FROM admin_unit u
    WHERE u.id = progress_petitions.unit_id);
CREATE INDEX ix_progress_petitions_parent ON progress_petitions (parent_id, period, field, unit_id, received,
    resolved, satisfied, ruled, sent_up);

-- The units under a unit, by their parent, with their ids: the targets of the units under a unit are read from it
-- without reading each unit's row. (V1's index of the parent stays: Derby never made it, its foreign key's index
-- serving, so it cannot be dropped there.)
CREATE INDEX ix_admin_unit_children ON admin_unit (parent_id, valid_to, id);

-- The petitions not answered, by state and the commune at receipt, with every column their figures read: the
-- province's open petitions (5,700 at national scale) are read from the index alone.
CREATE INDEX ix_petition_open ON petition (state, commune_path, hamlet_id, field, received_on, due_on);
