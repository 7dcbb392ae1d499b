-- Indexes that hold every column the dashboards' figures read, so that Derby reads the index alone, not each row
-- it points to (the province's dashboard at national scale: 2.9 s -> 2.5 s, docs/benchmarks.md).
-- The petitions by field and quarter and the days to an answer, of every petition received in two years under a
-- path; it begins as the lists' index did (commune path, day received), which it replaces.
CREATE INDEX ix_petition_figures ON petition (commune_path, received_on, field, state, due_on, answered_on,
    reopened_on, transferred_on);
DROP INDEX ix_petition_commune;
-- The targets of each unit under a unit, of a year and the year before.
CREATE INDEX ix_training_target_figures ON training_target (unit_id, year_no, measure, dimension_id, target_value);
