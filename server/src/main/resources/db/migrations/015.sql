-- Offline replays: the server's own verdict for the replayed instant beside the guard's decision, flagged when they
-- differ; and when each scan reached the server, so that replays count in the manual-code throttle when they
-- arrive (their "at" is the kiosk's instant, possibly hours earlier).
ALTER TABLE scans ADD COLUMN server_decision TEXT;
ALTER TABLE scans ADD COLUMN server_reason TEXT;
ALTER TABLE scans ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scans ADD COLUMN recorded_at INTEGER;
CREATE INDEX scans_by_staff_recorded ON scans(staff, recorded_at);
