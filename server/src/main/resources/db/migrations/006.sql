-- Audit trail: who did what, when (logins, accounts, tokens, keys, alerts, imports, cancellations).
-- Failed logins are read back from here to throttle password guessing.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  ip TEXT
);
CREATE INDEX audit_by_time ON audit_log(at);
CREATE INDEX audit_by_action ON audit_log(action, target, at);
CREATE INDEX audit_by_ip ON audit_log(action, ip, at);
