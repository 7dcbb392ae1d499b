-- The briefing conferences of the dashboards, kept by the changes (see the reporting package's notes).

-- Each briefing that counts as held (a briefing course's class, neither a draft nor cancelled), as last counted:
-- the unit that organised it, its first day, its invitations (neither withdrawn nor declined) and those of them
-- present or late at one of its sessions not cancelled. A change of the class counts it again and moves the
-- difference into the counters below.
CREATE TABLE progress_briefing_class (
    class_id   BIGINT NOT NULL,
    unit_id    BIGINT NOT NULL,
    start_date DATE NOT NULL,
    invited    INTEGER NOT NULL,
    attended   INTEGER NOT NULL,
    CONSTRAINT pk_progress_briefing_class PRIMARY KEY (class_id)
);

-- The counters over the rows above, for the organiser's unit of today's tree and every unit above it: by the
-- briefing's first day (yearly 0), and the same summed by year (yearly 1, start_date 1 January), so that a
-- unit's year is one row, less the briefings set for a day still to come.
CREATE TABLE progress_briefings (
    unit_id    BIGINT NOT NULL,
    yearly     SMALLINT NOT NULL,
    start_date DATE NOT NULL,
    held       INTEGER NOT NULL,
    invited    INTEGER NOT NULL,
    attended   INTEGER NOT NULL,
    CONSTRAINT pk_progress_briefings PRIMARY KEY (unit_id, yearly, start_date)
);
