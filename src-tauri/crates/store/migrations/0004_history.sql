-- One history of changes, kept in the data file: each change is a SQLite session changeset
-- (what rows it inserted, updated, deleted, with their old values), so undo applies its
-- inverse and redo applies it again. `undone` marks changes taken back (the redo list).
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    label     TEXT NOT NULL CHECK (label <> ''),
    at        TEXT NOT NULL,
    changeset BLOB NOT NULL,
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
