package fr.prefecture.accueil.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollup statements of closed days: the facts of {@link Definitions} summed per day, service
 * and hour (histograms per day and minute, and per hour and minute, the latter also summed per
 * month). Replaces what the days had, and records them as built: run them in one transaction.
 */
final class Rollups {
  private Rollups() {}

  static final List<String> TABLES = List.of("ind_appointments", "ind_counters", "ind_scans", "ind_pan",
      "ind_durations_day", "ind_durations_hour", "ind_built");

  static List<String> statements(Definitions definitions, LocalDate from, LocalDate to, long now) {
    Definitions.Days days = Definitions.Days.between(from, to);
    String range = " WHERE local_date BETWEEN '" + from + "' AND '" + to + "'";
    List<String> out = new ArrayList<>();
    for (String table : TABLES) {
      out.add("DELETE FROM " + table + range);
    }
    String calendar = "local_date, service, hour, week, month, weekday";
    out.add("INSERT INTO ind_appointments SELECT " + calendar
        + ", SUM(honoured), SUM(no_shows), SUM(cancelled), SUM(pending) FROM ("
        + definitions.appointments(days, now) + ") GROUP BY local_date, service, hour");
    out.add("INSERT INTO ind_counters SELECT " + calendar
        + ", SUM(calls), SUM(recalls), SUM(served), SUM(absent), SUM(transferred) FROM ("
        + definitions.counters(days) + ") GROUP BY local_date, service, hour");
    out.add("INSERT INTO ind_scans SELECT " + calendar + ", direction, decision, reason, SUM(n) FROM ("
        + definitions.scans(days) + ") GROUP BY local_date, service, hour, direction, decision, reason");
    out.add("INSERT INTO ind_pan SELECT " + calendar + ", SUM(booked), SUM(honoured), SUM(released), SUM(reused), "
        + "SUM(slot_walk_ins), SUM(walk_ins_served) FROM (" + definitions.pan(days, now)
        + ") GROUP BY local_date, service, hour");
    out.add("INSERT INTO ind_durations_day SELECT measure, local_date, service, week, month, weekday, minutes, "
        + "COUNT(*) FROM (" + definitions.durations(days) + ") GROUP BY measure, local_date, service, minutes");
    out.add("INSERT INTO ind_durations_hour SELECT measure, local_date, service, hour, minutes, COUNT(*) FROM ("
        + definitions.durations(days) + ") GROUP BY measure, local_date, service, hour, minutes");
    for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
      String m = month.toString().substring(0, 7);
      out.add("DELETE FROM ind_durations_hour_month WHERE month = '" + m + "'");
      out.add("INSERT INTO ind_durations_hour_month SELECT measure, '" + m + "', service, hour, minutes, SUM(n) "
          + "FROM ind_durations_hour WHERE local_date BETWEEN '" + month + "' AND '"
          + month.withDayOfMonth(month.lengthOfMonth()) + "' GROUP BY measure, service, hour, minutes");
    }
    StringBuilder built = new StringBuilder("INSERT INTO ind_built (local_date, built_at) VALUES ");
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      built.append(d.equals(from) ? "" : ", ").append("('").append(d).append("', ").append(now).append(')');
    }
    out.add(built.toString());
    return out;
  }
}
