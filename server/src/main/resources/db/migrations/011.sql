-- Monthly sums of the hourly duration histograms: a report by hour over years reads one row per
-- month instead of one per day (5 years by hour went from about 1 s to a few tens of ms). Always
-- the exact sum of ind_durations_hour's rows of that month (rebuilt with them by the rollup job).
CREATE TABLE ind_durations_hour_month (
  measure TEXT NOT NULL, month TEXT NOT NULL, service TEXT NOT NULL, hour INTEGER NOT NULL,
  minutes INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (measure, month, service, hour, minutes)
) WITHOUT ROWID;

INSERT INTO ind_durations_hour_month
  SELECT measure, substr(local_date, 1, 7), service, hour, minutes, SUM(n) FROM ind_durations_hour
  GROUP BY measure, substr(local_date, 1, 7), service, hour, minutes;
