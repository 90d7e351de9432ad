-- A screen's playlist as changed by a manager while the site runs; without a row, the
-- configuration's playlist applies. playlist is JSON: [{"layout","seconds"}, ...].
CREATE TABLE screen_playlists (
  screen TEXT PRIMARY KEY,
  playlist TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT
);
