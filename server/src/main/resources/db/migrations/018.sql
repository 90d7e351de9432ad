-- Messages to visitors (issue 16): written in the transaction that causes them (an appointment stored or moved),
-- sent later by the mail worker. payload holds what the message is built from, as it was when it was written;
-- message_id is chosen before the first try, so a resend after a crash carries the same Message-ID.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  appointment_id INTEGER REFERENCES appointments(id),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','expired')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_appointment ON outbox(appointment_id);
