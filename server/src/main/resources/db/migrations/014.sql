-- Throttled attempts (sign-in, pairing), counted in the store before the slow check by one conditional insert:
-- at most the limit is ever checked, whatever the concurrency, and the counts survive a restart.
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT,
  ip TEXT NOT NULL,
  at INTEGER NOT NULL,
  succeeded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attempts_by_subject ON attempts (kind, subject, at);
CREATE INDEX attempts_by_ip ON attempts (kind, ip, at);
