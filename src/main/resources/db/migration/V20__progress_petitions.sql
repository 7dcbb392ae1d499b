-- The petitions counted by the year they were received, kept by the changes (see the reporting package's notes)
-- for the unit their hamlet belongs to today and every unit above it: the province's table by commune reads a row
-- per commune and year instead of every petition with its hamlet's units. What each column counts is the
-- dashboard's rule (PetitionSql): received; resolved (answered, or answered and confirmed); satisfied (confirmed);
-- ruled on (confirmed, or reopened at least once); sent up to the province. Filled from the records at the first
-- start.
CREATE TABLE progress_petitions (
    unit_id   BIGINT NOT NULL,
    year_no   INTEGER NOT NULL,
    received  INTEGER NOT NULL,
    resolved  INTEGER NOT NULL,
    satisfied INTEGER NOT NULL,
    ruled     INTEGER NOT NULL,
    sent_up   INTEGER NOT NULL,
    CONSTRAINT pk_progress_petitions PRIMARY KEY (unit_id, year_no)
);
