-- A part of the province's progress starts from its units: the enrolments made under a unit, with what the
-- counting needs (outcome, status, class, cadre), read from the index alone (issue 7: a commune's dashboard
-- read the whole database's completions before).
CREATE INDEX ix_enrollment_unit_outcome ON enrollment (unit_id, outcome, status, class_id, cadre_id);
