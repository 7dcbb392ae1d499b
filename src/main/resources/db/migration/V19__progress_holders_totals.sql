-- The title holders' kept changes (V17): measures 3-5 become the totals of measures 0-2, one row per unit, title and
-- measure keyed by 1 January 1900, in place of their sums by year. A count on a day is then the total less the
-- changes after that day: for today, the few set for days to come, not every day of the year so far (the
-- province's table by commune read a row per commune for each day of the year with a completion).
DELETE FROM progress_holders WHERE measure >= 3;

INSERT INTO progress_holders (unit_id, measure, from_day, title_id, n)
SELECT unit_id, measure + 3, CAST('1900-01-01' AS DATE), title_id, SUM(n) FROM progress_holders
GROUP BY unit_id, measure, title_id HAVING SUM(n) <> 0;
