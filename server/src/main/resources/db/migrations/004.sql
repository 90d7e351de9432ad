-- Queues, counters and PAN slots.
-- A ticket is one visitor waiting for a service: an arrived appointment, a PAN walk-in put in a
-- free slot, or a walk-in. Its number (prefix + 3 digits) is per origin service and Paris day and
-- stays the same when the ticket is transferred to another service.
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  local_date TEXT NOT NULL,
  number TEXT NOT NULL,
  origin_service TEXT NOT NULL,
  service TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('appointment','slot','walk-in')),
  appointment_id INTEGER REFERENCES appointments(id),
  slot_start INTEGER,
  due_at INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  transferred_at INTEGER,
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','called','served','absent')),
  counter TEXT,
  calls INTEGER NOT NULL DEFAULT 0,
  first_called_at INTEGER,
  last_called_at INTEGER,
  finished_at INTEGER
);
CREATE UNIQUE INDEX tickets_by_appointment ON tickets(appointment_id);
CREATE UNIQUE INDEX tickets_by_number ON tickets(local_date, origin_service, number);
CREATE INDEX tickets_queue ON tickets(local_date, service, status);
CREATE INDEX tickets_by_slot ON tickets(origin_service, slot_start);

-- The last ticket number given per service and day; incremented inside the issuing transaction.
CREATE TABLE ticket_numbers (
  service TEXT NOT NULL,
  local_date TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (service, local_date)
);

-- Every step of a ticket with its instant: issued | arrival | call | recall | served | absent | transfer.
-- service is the ticket's service when the step happened (for transfer: the service it left;
-- detail holds the service it went to).
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  type TEXT NOT NULL CHECK (type IN ('issued','arrival','call','recall','served','absent','transfer')),
  at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  service TEXT NOT NULL,
  counter TEXT,
  staff TEXT,
  detail TEXT
);
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, at);
CREATE INDEX ticket_events_by_day ON ticket_events(local_date, service, type);

-- What the screens show: every call, recall and transfer, as published on the event bus.
-- transfer_to is JSON {service, name:{fr,en}, building, floor, room:{fr,en}} for transfers.
CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  ticket TEXT NOT NULL,
  service TEXT NOT NULL,
  counter TEXT,
  at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('call','recall','transfer')),
  transfer_to TEXT
);
CREATE INDEX calls_by_day ON calls(local_date, at);

-- PAN slots opened or closed by staff during the day (a slot with no row is open).
CREATE TABLE pan_slots (
  service TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  open INTEGER NOT NULL CHECK (open IN (0, 1)),
  changed_at INTEGER NOT NULL,
  staff TEXT,
  PRIMARY KEY (service, start_at)
);
