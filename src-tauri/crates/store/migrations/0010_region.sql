-- A region file (issue 27): each district's newest package as received, and what the region
-- reads of it. A district is its ОКТМО; a newer package replaces its rows whole.
CREATE TABLE region_district (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    issuer TEXT NOT NULL,
    file_id TEXT NOT NULL,
    made_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    source TEXT NOT NULL,
    program_version TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL
);
-- The package file itself, apart, so that the table of districts never reads it.
CREATE TABLE region_package (
    code TEXT PRIMARY KEY NOT NULL REFERENCES region_district (code) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);
-- Each data file its own id: packages from two computers of one district are told apart.
INSERT INTO setting (key, value) VALUES ('file_id', lower(hex(randomblob(16))));
