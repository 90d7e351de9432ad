-- Screens: notices, crisis alerts, transparency figures, service states, screens' last contact.
-- Zones are a JSON array of zone ids ('[]' = everywhere). Texts are plain text, never markup.
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  text_fr TEXT NOT NULL,
  text_en TEXT NOT NULL,
  from_at INTEGER NOT NULL,
  to_at INTEGER NOT NULL,
  zones TEXT NOT NULL DEFAULT '[]',
  priority TEXT NOT NULL CHECK (priority IN ('normal','high')),
  created_at INTEGER NOT NULL,
  created_by TEXT,
  deleted_at INTEGER,
  deleted_by TEXT,
  CHECK (to_at > from_at)
);
CREATE INDEX notices_current ON notices(deleted_at, to_at);

-- An alert is open while ended_at is null (expiry also ends it, with ended_by 'expiry').
-- CAP alerts keep their sender and identifier so that a later Update or Cancel can find them.
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('manual','cap')),
  headline_fr TEXT,
  headline_en TEXT,
  message_fr TEXT,
  message_en TEXT,
  instruction_fr TEXT,
  instruction_en TEXT,
  severity TEXT NOT NULL,
  zones TEXT NOT NULL DEFAULT '[]',
  raised_at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  raised_by TEXT NOT NULL,
  expires_at INTEGER,
  ended_at INTEGER,
  ended_by TEXT,
  end_reason TEXT,
  cap_sender TEXT,
  cap_identifier TEXT,
  CHECK (message_fr IS NOT NULL OR message_en IS NOT NULL)
);
CREATE INDEX alerts_open ON alerts(ended_at, raised_at);
CREATE UNIQUE INDEX alerts_by_cap ON alerts(cap_sender, cap_identifier);

-- Average processing times of a quarter, in days, entered by managers.
CREATE TABLE transparency_delays (
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  procedure TEXT NOT NULL CHECK (procedure IN ('cni-passeport','immatriculation','permis')),
  average_days REAL NOT NULL CHECK (average_days >= 0),
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (year, quarter, procedure)
);

-- A service without a row is open.
CREATE TABLE service_states (
  service TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('open','closed','moved','full')),
  moved_to_fr TEXT,
  moved_to_en TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);

CREATE TABLE screen_contacts (
  screen TEXT PRIMARY KEY,
  last_seen INTEGER NOT NULL,
  remote TEXT
);
