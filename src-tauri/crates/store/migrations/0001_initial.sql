-- Koordinator schema, version 1. A shipped migration is never edited: add a new file.
-- Dates are ISO text checked by date(); enums are checked lists; every foreign key says what
-- happens on delete, so no row is ever orphaned.

CREATE TABLE school (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name  TEXT NOT NULL UNIQUE CHECK (length(trim(short_name)) > 0),
    director    TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE school_status (
    school_id   INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    category    TEXT NOT NULL CHECK (category IN
                ('low_results', 'adverse_conditions', 'risk_zone', 'project_500', 'mentor', 'training_site')),
    cohort_year INTEGER CHECK (cohort_year IS NULL OR (category = 'project_500' AND cohort_year BETWEEN 1990 AND 2200)),
    PRIMARY KEY (school_id, year, category)
) STRICT;
CREATE INDEX school_status_year ON school_status(year, category);

CREATE TABLE risk_factor (
    id           INTEGER PRIMARY KEY,
    edition_year INTEGER NOT NULL CHECK (edition_year BETWEEN 1990 AND 2200),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (edition_year, position)
) STRICT;

CREATE TABLE risk_profile (
    school_id      INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    risk_factor_id INTEGER NOT NULL REFERENCES risk_factor(id) ON DELETE CASCADE,
    year           INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    level          TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
    PRIMARY KEY (school_id, risk_factor_id, year)
) STRICT;

CREATE TABLE executor (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'body')),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position     TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, name, position)
) STRICT;

CREATE TABLE pairing (
    id                  INTEGER PRIMARY KEY,
    supported_school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    mentor_school_id    INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    start_date          TEXT NOT NULL CHECK (date(start_date) IS start_date),
    end_date            TEXT NOT NULL CHECK (date(end_date) IS end_date AND end_date >= start_date),
    basis_order         TEXT NOT NULL DEFAULT '',
    basis_agreement     TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    CHECK (supported_school_id <> mentor_school_id)
) STRICT;

CREATE TABLE "order" (
    id                 INTEGER PRIMARY KEY,
    issuer             TEXT NOT NULL,
    date               TEXT NOT NULL CHECK (date(date) IS date),
    number             TEXT NOT NULL DEFAULT '',
    place              TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    preamble           TEXT NOT NULL DEFAULT '',
    signatory_position TEXT NOT NULL DEFAULT '',
    signatory_name     TEXT NOT NULL DEFAULT '',
    executor_name      TEXT NOT NULL DEFAULT '',
    executor_phone     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE order_point (
    order_id INTEGER NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (order_id, position)
) STRICT;

CREATE TABLE plan (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    period_start       TEXT NOT NULL CHECK (date(period_start) IS period_start),
    period_end         TEXT NOT NULL CHECK (date(period_end) IS period_end AND period_end >= period_start),
    issuer             TEXT NOT NULL DEFAULT '',
    coordinator_id     INTEGER REFERENCES executor(id) ON DELETE SET NULL,
    goal               TEXT NOT NULL DEFAULT '',
    tasks              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tasks) AND json_type(tasks) = 'array'),
    approving_order_id INTEGER REFERENCES "order"(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE section (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number   TEXT NOT NULL DEFAULT '',
    title    TEXT NOT NULL DEFAULT '',
    goal     TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;

CREATE TABLE section_school (
    section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    school_id  INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    PRIMARY KEY (section_id, school_id)
) STRICT;

CREATE TABLE event (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    section_id      INTEGER REFERENCES section(id) ON DELETE CASCADE,
    parent_id       INTEGER REFERENCES event(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    number          TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL DEFAULT '',
    -- The timeframe as the user wrote it, and what it means (JSON of timeframe::Timeframe);
    -- kind, start and end repeated as columns for the calendar's and filters' queries.
    timeframe_text  TEXT NOT NULL DEFAULT '',
    timeframe       TEXT NOT NULL CHECK (json_valid(timeframe)),
    timeframe_kind  TEXT NOT NULL CHECK (timeframe_kind IN ('date', 'datetime', 'range', 'month', 'quarter',
                    'half_year', 'until', 'continuous', 'recurring', 'multiple', 'free')),
    timeframe_start TEXT CHECK (timeframe_start IS NULL OR date(timeframe_start) IS timeframe_start),
    timeframe_end   TEXT CHECK (timeframe_end IS NULL OR (date(timeframe_end) IS timeframe_end
                    AND (timeframe_start IS NULL OR timeframe_end >= timeframe_start))),
    result          TEXT NOT NULL DEFAULT '',
    evidence        TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    completion_mark TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX event_plan ON event(plan_id, section_id, position);
CREATE INDEX event_span ON event(timeframe_start, timeframe_end);

CREATE TABLE event_executor (
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    executor_id INTEGER NOT NULL REFERENCES executor(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (event_id, executor_id)
) STRICT;

CREATE TABLE webinar_series (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER REFERENCES plan(id) ON DELETE SET NULL,
    event_id  INTEGER REFERENCES event(id) ON DELETE SET NULL,
    title     TEXT NOT NULL CHECK (length(trim(title)) > 0),
    audience  TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE webinar (
    id               INTEGER PRIMARY KEY,
    series_id        INTEGER NOT NULL REFERENCES webinar_series(id) ON DELETE CASCADE,
    date             TEXT NOT NULL CHECK (date(date) IS date),
    start_time       TEXT CHECK (start_time IS NULL OR time(start_time) IS start_time || ':00'),
    time_zone        TEXT NOT NULL DEFAULT 'Europe/Moscow' CHECK (length(time_zone) > 0),
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
    topic            TEXT NOT NULL DEFAULT '',
    host_school_id   INTEGER REFERENCES school(id) ON DELETE SET NULL,
    link             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX webinar_series_date ON webinar(series_id, date);

CREATE TABLE webinar_speaker (
    webinar_id  INTEGER NOT NULL REFERENCES webinar(id) ON DELETE CASCADE,
    executor_id INTEGER NOT NULL REFERENCES executor(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (webinar_id, executor_id)
) STRICT;

CREATE TABLE working_group (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER REFERENCES plan(id) ON DELETE CASCADE,
    title   TEXT NOT NULL CHECK (length(trim(title)) > 0)
) STRICT;

CREATE TABLE working_group_member (
    working_group_id INTEGER NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
    executor_id      INTEGER NOT NULL REFERENCES executor(id) ON DELETE CASCADE,
    role             TEXT NOT NULL CHECK (role IN ('chair', 'deputy', 'secretary', 'member')),
    position         INTEGER NOT NULL,
    PRIMARY KEY (working_group_id, executor_id)
) STRICT;

CREATE TABLE annex (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
    number           INTEGER NOT NULL CHECK (number >= 1),
    kind             TEXT NOT NULL CHECK (kind IN ('roadmap', 'pairings', 'working_group', 'schools', 'webinars')),
    title            TEXT NOT NULL DEFAULT '',
    orientation      TEXT NOT NULL DEFAULT 'portrait' CHECK (orientation IN ('portrait', 'landscape')),
    plan_id          INTEGER REFERENCES plan(id) ON DELETE CASCADE,
    working_group_id INTEGER REFERENCES working_group(id) ON DELETE CASCADE,
    UNIQUE (order_id, number)
) STRICT;

-- The «500+» risk factors (edition 2021), editable reference data.
INSERT INTO risk_factor (edition_year, position, name) VALUES
    (2021, 1, 'Низкий уровень оснащения школы'),
    (2021, 2, 'Дефицит педагогических кадров'),
    (2021, 3, 'Недостаточная предметная и методическая компетентность педагогических работников'),
    (2021, 4, 'Риски низкой адаптивности учебного процесса'),
    (2021, 5, 'Несформированность внутришкольной системы повышения квалификации'),
    (2021, 6, 'Низкая учебная мотивация обучающихся'),
    (2021, 7, 'Высокая доля обучающихся с рисками учебной неуспешности'),
    (2021, 8, 'Низкое качество преодоления языковых и культурных барьеров'),
    (2021, 9, 'Пониженный уровень качества школьной образовательной и воспитательной среды'),
    (2021, 10, 'Низкий уровень вовлеченности родителей');
