-- Each unit's turns and distinct cadres of a year, the sums of its rows in progress_people over the ethnic groups
-- and genders, kept by the same changes (see the reporting package's notes): a unit's row in its parent's table is
-- one row, not one per ethnic group and gender (the province's table by commune read 68,000 rows at national scale).
CREATE TABLE progress_unit_year (
    unit_id BIGINT NOT NULL,
    year_no INTEGER NOT NULL,
    turns   INTEGER NOT NULL,
    cadres  INTEGER NOT NULL,
    CONSTRAINT pk_progress_unit_year PRIMARY KEY (unit_id, year_no)
);

INSERT INTO progress_unit_year (unit_id, year_no, turns, cadres)
SELECT unit_id, year_no, SUM(turns), SUM(cadres) FROM progress_people GROUP BY unit_id, year_no;
