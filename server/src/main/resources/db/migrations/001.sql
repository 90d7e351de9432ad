-- Foundation: staff accounts, sessions, API tokens, appointments, invitations.
-- Instants are epoch milliseconds (UTC); local_date is the Europe/Paris calendar date, kept for day queries.
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','manager','agent','guard')),
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL
);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','manager','agent','guard')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES staff(id),
  revoked_at INTEGER
);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  service TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  visitor_name TEXT NOT NULL,
  visitor_email TEXT,
  visitor_phone TEXT,
  reference TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled')),
  cancelled_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX appointments_by_day ON appointments(local_date, service);

CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  event TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  location TEXT,
  guest_name TEXT NOT NULL,
  guest_email TEXT,
  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled')),
  cancelled_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX invitations_by_day ON invitations(local_date);
