-- Место проведения: real plans have the column («Место проведения», «Место»); the importer
-- dropped it with a warning before.
ALTER TABLE event ADD COLUMN place TEXT NOT NULL DEFAULT '';
