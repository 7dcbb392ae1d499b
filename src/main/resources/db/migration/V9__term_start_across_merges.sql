-- A title carried across a merge of units keeps the day its holder's term began: the position opened at the
-- successor on the merge day records the term's start of the one it continues (null: the term began with it).
ALTER TABLE position ADD COLUMN term_start DATE;

-- Positions already carried across a merge: the one ended at a merged unit on its last day, same holder and
-- title, continued at the successor on the merge day. Three passes follow a title through up to three merges.
UPDATE position SET term_start = (SELECT MIN(COALESCE(q.term_start, q.start_date))
        FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date)
    WHERE EXISTS (SELECT 1 FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date);
UPDATE position SET term_start = (SELECT MIN(COALESCE(q.term_start, q.start_date))
        FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date)
    WHERE EXISTS (SELECT 1 FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date);
UPDATE position SET term_start = (SELECT MIN(COALESCE(q.term_start, q.start_date))
        FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date)
    WHERE EXISTS (SELECT 1 FROM position q, admin_unit u, unit_change c
        WHERE q.cadre_id = position.cadre_id AND q.title_id = position.title_id AND u.id = q.unit_id
          AND q.end_date = u.valid_to AND c.unit_id = u.id AND c.kind = 'MERGED'
          AND c.successor_id = position.unit_id AND c.effective_date = position.start_date);
