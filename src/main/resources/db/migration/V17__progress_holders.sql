-- The title holders of the province's dashboard, kept by the changes (see the reporting package's notes): for the
-- top unit, each title and the paid titles together (title_id 0); for each unit directly under it, the paid titles
-- together. A row is a change of a count on a day: the holders (measure 0), those trained in their term (1) or in
-- the year (2) on a day are the sum of the changes up to that day; measures 3-5 are the same changes summed by
-- year (from_day: 1 January), so that a read sums the years before the day asked and that year's days up to it.
-- Keyed for that read: one range of days per unit and measure. Filled from the records at the first start.
CREATE TABLE progress_holders (
    unit_id  BIGINT NOT NULL,
    measure  SMALLINT NOT NULL,
    from_day DATE NOT NULL,
    title_id BIGINT NOT NULL,
    n        INTEGER NOT NULL,
    CONSTRAINT pk_progress_holders PRIMARY KEY (unit_id, measure, from_day, title_id)
);
