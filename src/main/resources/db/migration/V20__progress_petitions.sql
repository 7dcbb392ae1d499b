-- The petitions' figures, kept by the changes (see the reporting package's notes) for the unit their hamlet
-- belongs to today and every unit above it, so that the province's dashboard reads a few rows per unit instead of
-- every petition with its hamlet's units. What each counter counts is the dashboard's rule (PetitionSql): received;
-- resolved (answered, or answered and confirmed); satisfied (confirmed); ruled on (confirmed, or reopened at least
-- once); sent up to the province. Two grains in one table: a field's petitions by the quarter they were received
-- (period: the quarter's first day), and all fields by the year (field '', period: 1 January), which is what a
-- unit's row in its parent's table reads. Filled from the records at the first start.
CREATE TABLE progress_petitions (
    unit_id   BIGINT NOT NULL,
    period    DATE NOT NULL,
    field     VARCHAR(30) NOT NULL,
    received  INTEGER NOT NULL,
    resolved  INTEGER NOT NULL,
    satisfied INTEGER NOT NULL,
    ruled     INTEGER NOT NULL,
    sent_up   INTEGER NOT NULL,
    CONSTRAINT pk_progress_petitions PRIMARY KEY (unit_id, period, field)
);

-- The resolved petitions by the quarter they were received and the days from receipt to their answer: the
-- histogram the median and the 90th percentile of the days to an answer are read from.
CREATE TABLE progress_petition_days (
    unit_id BIGINT NOT NULL,
    period  DATE NOT NULL,
    days    INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    CONSTRAINT pk_progress_petition_days PRIMARY KEY (unit_id, period, days)
);
