-- The gate (issue 3): convocations as issued, and how each scan's code was entered.
-- A convocation row is what was printed: a reprint gives the same code; a moved appointment gets a new
-- row (the older code still names the same appointment, whose current start applies).
CREATE TABLE convocations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('appointment','invitation')),
  convocation_id INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  code TEXT NOT NULL,
  manual_code TEXT NOT NULL UNIQUE,
  issued_at INTEGER NOT NULL
);
CREATE INDEX convocations_by_target ON convocations(kind, convocation_id, id);

-- How the code reached the gate: 'qr' (scanner, camera, pasted), 'manual_code' (typed from the letter),
-- 'lookup' (lost convocation: found by name, admitted by hand). Failed manual codes are counted from
-- here to throttle guessing, so the throttle holds across restarts and nodes.
ALTER TABLE scans ADD COLUMN input TEXT;
CREATE INDEX scans_by_staff ON scans(staff, input, at);
