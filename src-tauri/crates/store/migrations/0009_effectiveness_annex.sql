-- The analytical report on results («Аналитическая справка …») can be an order's annex. SQLite
-- cannot alter a CHECK: the table is rebuilt with the new kind, rows and ids kept.
CREATE TABLE annex_new (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES "order"(id) ON DELETE CASCADE,
    number           INTEGER NOT NULL CHECK (number >= 1),
    kind             TEXT NOT NULL CHECK (kind IN ('roadmap', 'pairings', 'working_group', 'schools', 'webinars', 'overview', 'effectiveness')),
    title            TEXT NOT NULL DEFAULT '',
    orientation      TEXT NOT NULL DEFAULT 'portrait' CHECK (orientation IN ('portrait', 'landscape')),
    plan_id          INTEGER REFERENCES plan(id) ON DELETE CASCADE,
    working_group_id INTEGER REFERENCES working_group(id) ON DELETE CASCADE,
    UNIQUE (order_id, number)
) STRICT;
INSERT INTO annex_new (id, order_id, number, kind, title, orientation, plan_id, working_group_id)
    SELECT id, order_id, number, kind, title, orientation, plan_id, working_group_id FROM annex;
DROP TABLE annex;
ALTER TABLE annex_new RENAME TO annex;
