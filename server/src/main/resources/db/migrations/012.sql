-- A screen's language mode (side-by-side or alternate) as changed by a manager while the site
-- runs; without a row, the configuration's applies.
CREATE TABLE screen_languages (
  screen TEXT PRIMARY KEY,
  languages TEXT NOT NULL CHECK (languages IN ('side-by-side','alternate')),
  changed_at INTEGER NOT NULL,
  changed_by TEXT
);
