-- School identity for results tables and the region, and the results registry.
ALTER TABLE school ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN inn TEXT NOT NULL DEFAULT '' CHECK (inn = '' OR (length(inn) IN (10, 12) AND inn NOT GLOB '*[^0-9]*'));
ALTER TABLE school ADD COLUMN settlement TEXT NOT NULL DEFAULT '' CHECK (settlement IN ('', 'city', 'village'));
CREATE UNIQUE INDEX school_code ON school(lower(code)) WHERE code <> '';
CREATE UNIQUE INDEX school_inn ON school(inn) WHERE inn <> '';

-- One record per school, year, procedure, grade and subject (grade 0: none; subject '': all).
CREATE TABLE result (
    id           INTEGER PRIMARY KEY,
    school_id    INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    procedure    TEXT NOT NULL CHECK (length(trim(procedure)) > 0),
    grade        INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 11),
    subject      TEXT NOT NULL,
    participants INTEGER NOT NULL CHECK (participants >= 0),
    mark2        INTEGER CHECK (mark2 >= 0),
    mark3        INTEGER CHECK (mark3 >= 0),
    mark4        INTEGER CHECK (mark4 >= 0),
    mark5        INTEGER CHECK (mark5 >= 0),
    below_min    INTEGER CHECK (below_min >= 0 AND below_min <= participants),
    mean_score   REAL CHECK (mean_score >= 0),
    CHECK ((mark2 IS NULL) = (mark3 IS NULL) AND (mark3 IS NULL) = (mark4 IS NULL) AND (mark4 IS NULL) = (mark5 IS NULL)),
    CHECK (mark2 IS NULL OR mark2 + mark3 + mark4 + mark5 <= participants),
    UNIQUE (school_id, year, procedure, grade, subject)
) STRICT;
CREATE INDEX result_year ON result(year, procedure);

-- Indicators the district defines itself, per school and year.
CREATE TABLE indicator (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    unit             TEXT NOT NULL DEFAULT '',
    higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1))
) STRICT;
CREATE TABLE indicator_value (
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    school_id    INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value        REAL NOT NULL,
    PRIMARY KEY (indicator_id, school_id, year)
) STRICT;

-- A name a results table gave a school, as the user mapped it: used on the next import.
CREATE TABLE school_alias (
    name      TEXT PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE
) STRICT;
