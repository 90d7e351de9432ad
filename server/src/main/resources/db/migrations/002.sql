-- The gate: every scan attempt, and the arrival of a visitor for an appointment or invitation.
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  scan_id TEXT NOT NULL UNIQUE,
  gate TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('admit','refuse')),
  reason TEXT NOT NULL,
  kind TEXT CHECK (kind IN ('appointment','invitation')),
  convocation_id INTEGER,
  service TEXT,
  manual INTEGER NOT NULL DEFAULT 0,
  staff TEXT,
  response TEXT NOT NULL
);
CREATE INDEX scans_by_day ON scans(local_date, at);
CREATE INDEX scans_by_convocation ON scans(kind, convocation_id, at);

-- First admission at the gate for this appointment (the queue takes arrived visitors from here).
ALTER TABLE appointments ADD COLUMN arrived_at INTEGER;
ALTER TABLE invitations ADD COLUMN arrived_at INTEGER;
CREATE INDEX appointments_arrived ON appointments(local_date, arrived_at);
