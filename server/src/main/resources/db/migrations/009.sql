-- Devices (issue 7): kiosks and screens paired by an admin with a one-time code, then holding a
-- revocable device token. Only hashes of the code and of the token are stored.
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('screen','kiosk')),
  target TEXT NOT NULL,
  name TEXT NOT NULL,
  code_hash TEXT UNIQUE,
  code_expires_at INTEGER,
  token_hash TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  paired_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER,
  revoked_by TEXT
);

-- A scan decided by a kiosk while the server was unreachable, replayed later with its original instant.
ALTER TABLE scans ADD COLUMN offline INTEGER NOT NULL DEFAULT 0;
