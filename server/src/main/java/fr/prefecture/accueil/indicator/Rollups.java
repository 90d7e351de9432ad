package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.db.NamedSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rollup statements of closed days: the facts of {@link Definitions} summed per day, service
 * and hour (histograms per day and minute, and per hour and minute, the latter also summed per
 * month). Replaces what the days had, and records them as built: run them in one transaction.
 * Statements are built once per shape (the number of offset changes of the days); values are bound.
 */
final class Rollups {
  static final List<String> TABLES = List.of("ind_appointments", "ind_counters", "ind_scans", "ind_pan",
      "ind_durations_day", "ind_durations_hour", "ind_built");

  /** One statement and the parameters of each of its runs. */
  record Step(NamedSql statement, List<Map<String, Object>> runs) {}

  private static final List<NamedSql> DELETES = TABLES.stream()
      .map(table -> NamedSql.of("DELETE FROM " + table + " WHERE local_date BETWEEN #{from} AND #{to}")).toList();
  private static final NamedSql DELETE_MONTH = NamedSql
      .of("DELETE FROM ind_durations_hour_month WHERE month = #{month}");
  private static final NamedSql INSERT_MONTH = NamedSql.of("""
      INSERT INTO ind_durations_hour_month SELECT measure, #{month}, service, hour, minutes, SUM(n)
      FROM ind_durations_hour WHERE local_date BETWEEN #{monthFrom} AND #{monthTo}
      GROUP BY measure, service, hour, minutes""");
  private static final NamedSql INSERT_BUILT = NamedSql.of(
      "INSERT INTO ind_built (local_date, built_at) VALUES (#{day}, #{now})");

  private final Definitions definitions;
  private final Map<Integer, List<NamedSql>> inserts = new ConcurrentHashMap<>();

  Rollups(Definitions definitions) {
    this.definitions = definitions;
  }

  private List<NamedSql> inserts(int slots) {
    return inserts.computeIfAbsent(slots, n -> {
      Definitions.DayFilter range = Definitions.DayFilter.RANGE;
      String calendar = "local_date, service, hour, week, month, weekday";
      return List.of(
          NamedSql.of("INSERT INTO ind_appointments SELECT " + calendar
              + ", SUM(honoured), SUM(no_shows), SUM(cancelled), SUM(pending) FROM ("
              + definitions.appointments(range, n)
              + ") AS facts GROUP BY local_date, service, hour, week, month, weekday"),
          NamedSql.of("INSERT INTO ind_counters SELECT " + calendar
              + ", SUM(calls), SUM(recalls), SUM(served), SUM(absent), SUM(transferred) FROM ("
              + definitions.counters(range, n) + ") AS facts GROUP BY local_date, service, hour, week, month, weekday"),
          NamedSql.of("INSERT INTO ind_scans (" + calendar + ", direction, decision, reason, n, companions) SELECT "
              + calendar + ", direction, decision, reason, SUM(n), SUM(companions) FROM ("
              + definitions.scans(range, n)
              + ") AS facts GROUP BY local_date, service, hour, week, month, weekday, direction, decision, reason"),
          NamedSql.of("INSERT INTO ind_pan SELECT " + calendar + ", SUM(booked), SUM(honoured), SUM(released), "
              + "SUM(reused), SUM(slot_walk_ins), SUM(walk_ins_served) FROM (" + definitions.pan(range, n)
              + ") AS facts GROUP BY local_date, service, hour, week, month, weekday"),
          NamedSql.of("INSERT INTO ind_durations_day SELECT measure, local_date, service, week, month, weekday, "
              + "minutes, COUNT(*) FROM (" + definitions.durations(range, n)
              + ") AS facts GROUP BY measure, local_date, service, week, month, weekday, minutes"),
          NamedSql.of("INSERT INTO ind_durations_hour SELECT measure, local_date, service, hour, minutes, COUNT(*) "
              + "FROM (" + definitions.durations(range, n)
              + ") AS facts GROUP BY measure, local_date, service, hour, week, month, weekday, minutes"));
    });
  }

  List<Step> steps(LocalDate from, LocalDate to, long now) {
    Definitions.Days days = Definitions.Days.between(from, to);
    Definitions.Offsets offsets = definitions.offsets(days);
    Map<String, Object> params = new HashMap<>(definitions.constants());
    days.bind(params);
    offsets.bind(params);
    params.put("from", from.toString());
    params.put("to", to.toString());
    params.put("now", now);
    List<Step> out = new ArrayList<>();
    DELETES.forEach(delete -> out.add(new Step(delete, List.of(params))));
    inserts(offsets.slots()).forEach(insert -> out.add(new Step(insert, List.of(params))));
    for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
      Map<String, Object> m = Map.of("month", month.toString().substring(0, 7), "monthFrom", month.toString(),
          "monthTo", month.withDayOfMonth(month.lengthOfMonth()).toString());
      out.add(new Step(DELETE_MONTH, List.of(m)));
      out.add(new Step(INSERT_MONTH, List.of(m)));
    }
    List<Map<String, Object>> built = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      built.add(Map.of("day", d.toString(), "now", now));
    }
    out.add(new Step(INSERT_BUILT, built));
    return out;
  }
}
