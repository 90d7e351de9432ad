-- The published busy and quiet hours (issue 18): one snapshot, computed nightly from the gate's flows, read by the
-- public page, its JSON and the screens. window_to is the last day it covers: a snapshot older than yesterday is
-- computed again.
CREATE TABLE affluence (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  window_to TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  body TEXT NOT NULL
);
