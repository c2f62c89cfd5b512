-- What the editor adds: settings the user changes (the most schools one mentor may take), and
-- which events address which «500+» risk factor (the coverage grid).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

INSERT INTO setting (key, value) VALUES ('mentor_limit', '3');

CREATE TABLE event_risk (
    event_id       INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    risk_factor_id INTEGER NOT NULL REFERENCES risk_factor(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, risk_factor_id)
) STRICT;
