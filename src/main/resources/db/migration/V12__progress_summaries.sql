-- Progress kept in summary rows by the transactions that change it (see the reporting package's notes). Every
-- row is keyed by a unit of today's tree and counts what is under it, itself included. Filled from the records
-- at the first start (ProgressRecount repairs an empty or stale table), then kept by each change.

-- Completions (training turns) by the day their class ended and the course's subject group.
CREATE TABLE progress_turns (
    unit_id          BIGINT NOT NULL,
    end_date         DATE NOT NULL,
    subject_group_id BIGINT NOT NULL,
    turns            INTEGER NOT NULL,
    CONSTRAINT pk_progress_turns PRIMARY KEY (unit_id, end_date, subject_group_id)
);

-- One row while a cadre has completions in a year counted under a unit: the distinct cadres are its rows.
-- The ethnicity ('' when not recorded) and gender are those the row was counted with.
CREATE TABLE progress_cadre (
    cadre_id       BIGINT NOT NULL,
    year_no        INTEGER NOT NULL,
    unit_id        BIGINT NOT NULL,
    turns          INTEGER NOT NULL,
    ethnicity_code VARCHAR(20) NOT NULL,
    gender         VARCHAR(10) NOT NULL,
    CONSTRAINT pk_progress_cadre PRIMARY KEY (cadre_id, year_no, unit_id)
);
CREATE INDEX ix_progress_cadre_unit ON progress_cadre (unit_id, year_no);

-- Turns and distinct cadres by unit, year, ethnicity and gender: the counter over progress_cadre.
CREATE TABLE progress_people (
    unit_id        BIGINT NOT NULL,
    year_no        INTEGER NOT NULL,
    ethnicity_code VARCHAR(20) NOT NULL,
    gender         VARCHAR(10) NOT NULL,
    turns          INTEGER NOT NULL,
    cadres         INTEGER NOT NULL,
    CONSTRAINT pk_progress_people PRIMARY KEY (unit_id, year_no, ethnicity_code, gender)
);
