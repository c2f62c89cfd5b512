-- Timeframes the coordinator accepted as they are («по мере необходимости»): out of the review
-- list while the event's timeframe text stays the accepted one; a new text needs review again.
CREATE TABLE timeframe_accepted (
    event_id INTEGER PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
    text     TEXT NOT NULL
) STRICT;
