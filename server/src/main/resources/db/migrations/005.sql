-- Indicators: daily rollups of closed days (before today, grace over), built from the raw records
-- by the same SQL definitions (indicator/Definitions) that compute today's figures live. Every
-- rollup row carries its Paris date, ISO week (YYYY-Www), month (YYYY-MM) and weekday (1 = Monday)
-- so that a query groups by a stored column; hours are Paris wall-clock hours 0-23.
CREATE TABLE ind_appointments (
  local_date TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  week TEXT NOT NULL, month TEXT NOT NULL, weekday INTEGER NOT NULL,
  honoured INTEGER NOT NULL, no_shows INTEGER NOT NULL, cancelled INTEGER NOT NULL, pending INTEGER NOT NULL,
  PRIMARY KEY (local_date, service, hour)
) WITHOUT ROWID;

CREATE TABLE ind_counters (
  local_date TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  week TEXT NOT NULL, month TEXT NOT NULL, weekday INTEGER NOT NULL,
  calls INTEGER NOT NULL, recalls INTEGER NOT NULL, served INTEGER NOT NULL, absent INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  PRIMARY KEY (local_date, service, hour)
) WITHOUT ROWID;

CREATE TABLE ind_scans (
  local_date TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  week TEXT NOT NULL, month TEXT NOT NULL, weekday INTEGER NOT NULL,
  direction TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (local_date, service, hour, direction, decision, reason)
) WITHOUT ROWID;

CREATE TABLE ind_pan (
  local_date TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  week TEXT NOT NULL, month TEXT NOT NULL, weekday INTEGER NOT NULL,
  booked INTEGER NOT NULL, honoured INTEGER NOT NULL, released INTEGER NOT NULL, reused INTEGER NOT NULL,
  slot_walk_ins INTEGER NOT NULL, walk_ins_served INTEGER NOT NULL,
  PRIMARY KEY (local_date, service, hour)
) WITHOUT ROWID;

-- Histograms of durations in whole minutes (measure 'wait' or 'service'): exact median and p90 at
-- the minute. The day table serves every grouping but the hour, the hour table serves by=hour.
CREATE TABLE ind_durations_day (
  measure TEXT NOT NULL, local_date TEXT NOT NULL, service TEXT NOT NULL,
  week TEXT NOT NULL, month TEXT NOT NULL, weekday INTEGER NOT NULL,
  minutes INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (measure, local_date, service, minutes)
) WITHOUT ROWID;

CREATE TABLE ind_durations_hour (
  measure TEXT NOT NULL, local_date TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  minutes INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (measure, local_date, service, hour, minutes)
) WITHOUT ROWID;

-- The closed days whose rollups exist, and when they were built (a later cancellation or import
-- touching that day makes the job rebuild it).
CREATE TABLE ind_built (
  local_date TEXT PRIMARY KEY,
  built_at INTEGER NOT NULL
);

CREATE INDEX appointments_by_cancellation ON appointments(cancelled_at);
CREATE INDEX appointments_by_creation ON appointments(created_at);
CREATE INDEX tickets_by_day ON tickets(local_date, origin_service);
