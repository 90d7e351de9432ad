package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.db.NamedSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report statements: rollups of built days plus live facts of the others (or facts only, for a
 * raw recomputation). A statement is built once per {@link Shape} — family, grouping, which parts
 * it has — and chosen for each report; the days, months, service and instants are bound.
 */
final class ReportStatements {
  /**
   * What decides a report's text. facts: how the live (or raw) days are selected, null when every
   * day is rolled up; months/head/tail: the by=hour histogram reads whole months from the monthly
   * sums and the days at either end from the daily rows.
   */
  record Shape(Family family, Grouping by, boolean service, boolean rollups, Definitions.DayFilter facts, int slots,
      boolean months, boolean head, boolean tail) {}

  /** A chosen statement and its values. */
  record Bound(NamedSql statement, Map<String, Object> params) {}

  private final Definitions definitions;
  private final Map<Shape, NamedSql> statements = new ConcurrentHashMap<>();

  ReportStatements(Definitions definitions) {
    this.definitions = definitions;
  }

  /** live == null: everything from the facts (the raw recomputation). */
  Bound bind(Family family, Grouping by, Optional<String> service, LocalDate from, LocalDate to,
      List<LocalDate> live, long now) {
    Map<String, Object> params = new HashMap<>(definitions.constants());
    params.put("from", from.toString());
    params.put("to", to.toString());
    params.put("now", now);
    service.ifPresent(s -> params.put("service", s));
    if (family.histogram()) {
      params.put("measure", family.measure);
    }
    boolean months = false;
    boolean head = false;
    boolean tail = false;
    if (family.histogram() && live != null && by == Grouping.HOUR) {
      LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      LocalDate afterLastMonth = to.plusDays(1).withDayOfMonth(1);
      if (to.plusDays(1).getDayOfMonth() != 1) {
        afterLastMonth = to.withDayOfMonth(1);
      }
      months = firstMonth.isBefore(afterLastMonth);
      if (months) {
        head = from.isBefore(firstMonth);
        tail = !afterLastMonth.isAfter(to);
        params.put("firstMonth", firstMonth.toString().substring(0, 7));
        params.put("lastMonth", afterLastMonth.minusMonths(1).toString().substring(0, 7));
        params.put("headTo", firstMonth.minusDays(1).toString());
        params.put("tailFrom", afterLastMonth.toString());
      }
    }
    Definitions.Days days = live == null ? Definitions.Days.between(from, to) : live.isEmpty() ? null
        : Definitions.Days.of(live);
    int slots = 0;
    if (days != null) {
      days.bind(params);
      Definitions.Offsets offsets = definitions.offsets(days);
      offsets.bind(params);
      slots = offsets.slots();
    }
    Shape shape = new Shape(family, by, service.isPresent(), live != null, days == null ? null : days.filter(), slots,
        months, head, tail);
    return new Bound(statements.computeIfAbsent(shape, this::build), params);
  }

  private NamedSql build(Shape shape) {
    Family family = shape.family();
    String key = shape.by().key;
    String filter = shape.service() ? " AND service = #{service}" : "";
    String extra = family == Family.REFUSALS ? ", reason" : "";
    if (family == Family.REFUSALS) {
      filter += " AND decision = 'refuse'";
    }
    List<String> parts = new ArrayList<>();
    if (family.histogram()) {
      filter += " AND measure = #{measure}";
      String select = "SELECT " + key + " AS key, minutes, n FROM ";
      String table = shape.by().needsHour() ? "ind_durations_hour" : "ind_durations_day";
      if (shape.months()) {
        parts.add(select + "ind_durations_hour_month WHERE month BETWEEN #{firstMonth} AND #{lastMonth}" + filter);
        if (shape.head()) {
          parts.add(select + table + " WHERE local_date BETWEEN #{from} AND #{headTo}" + filter);
        }
        if (shape.tail()) {
          parts.add(select + table + " WHERE local_date BETWEEN #{tailFrom} AND #{to}" + filter);
        }
      } else if (shape.rollups()) {
        parts.add(select + table + " WHERE local_date BETWEEN #{from} AND #{to}" + filter);
      }
      if (shape.facts() != null) {
        parts.add("SELECT " + key + " AS key, minutes, 1 AS n FROM ("
            + family.facts(definitions, shape.facts(), shape.slots()) + ") AS facts WHERE 1 = 1" + filter);
      }
      return NamedSql.of("SELECT key, minutes, SUM(n) FROM (" + String.join("\nUNION ALL\n", parts)
          + ") AS parts GROUP BY key, minutes ORDER BY key, minutes");
    }
    String columns = String.join(", ", family.columns);
    if (shape.rollups()) {
      parts.add("SELECT " + key + " AS key, " + columns + " FROM " + family.table
          + " WHERE local_date BETWEEN #{from} AND #{to}" + filter);
    }
    if (shape.facts() != null) {
      parts.add("SELECT " + key + " AS key, " + columns + " FROM ("
          + family.facts(definitions, shape.facts(), shape.slots()) + ") AS facts WHERE 1 = 1" + filter);
    }
    return NamedSql.of("SELECT key" + extra + ", " + String.join(", ", family.sums) + " FROM ("
        + String.join("\nUNION ALL\n", parts) + ") AS parts GROUP BY key" + extra + " ORDER BY key" + extra);
  }
}
