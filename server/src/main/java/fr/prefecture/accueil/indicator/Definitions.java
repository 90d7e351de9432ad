package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The indicator definitions, written once as SQL over the raw records ("facts": one row per record,
 * or per PAN slot). The rollups are these facts summed per day (and hour); today's figures and the
 * raw recomputation sum the same facts directly, so the two ways cannot drift apart.
 *
 * <p>Every value put into the SQL text is a number, a {@link LocalDate} or a configured service
 * code (quoted): the text never carries a request's raw input.
 */
final class Definitions {
  /** The days whose records a fact query reads: a closed range, or some days of it. */
  record Days(LocalDate from, LocalDate to, List<LocalDate> only) {
    static Days between(LocalDate from, LocalDate to) {
      return new Days(from, to, null);
    }

    static Days of(List<LocalDate> days) {
      return new Days(days.get(0), days.get(days.size() - 1), List.copyOf(days));
    }

    String where(String column) {
      if (only == null) {
        return column + " BETWEEN '" + from + "' AND '" + to + "'";
      }
      return column + " IN (" + only.stream().map(d -> "'" + d + "'").collect(Collectors.joining(",")) + ")";
    }
  }

  private final Site site;
  private final ZoneId zone;

  Definitions(Site site) {
    this.site = site;
    this.zone = site.zone();
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * Paris wall-clock milliseconds of an instant column: the instant plus the zone's offset, as a
   * CASE over the offset changes near the days read. The October night's two 02:00 hours both
   * give 02:xx: by=hour counts them together.
   */
  String localMs(String column, Days days) {
    ZoneRules rules = zone.getRules();
    Instant start = days.from().minusDays(2).atStartOfDay(zone).toInstant();
    Instant end = days.to().plusDays(3).atStartOfDay(zone).toInstant();
    StringBuilder sql = new StringBuilder("(").append(column).append(" + CASE");
    long offset = rules.getOffset(start).getTotalSeconds() * 1000L;
    ZoneOffsetTransition next = rules.nextTransition(start);
    if (next == null || !next.getInstant().isBefore(end)) {
      return "(" + column + " + " + offset + ")";
    }
    while (next != null && next.getInstant().isBefore(end)) {
      sql.append(" WHEN ").append(column).append(" < ").append(next.getInstant().toEpochMilli())
          .append(" THEN ").append(offset);
      offset = next.getOffsetAfter().getTotalSeconds() * 1000L;
      next = rules.nextTransition(next.getInstant());
    }
    return sql.append(" ELSE ").append(offset).append(" END)").toString();
  }

  /** The Paris wall-clock hour 0-23 of an instant column. */
  String hour(String column, Days days) {
    return "((" + localMs(column, days) + " / 3600000) % 24)";
  }

  /** The Paris wall-clock minute of the day 0-1439 of an instant column. */
  String minuteOfDay(String column, Days days) {
    return "((" + localMs(column, days) + " % 86400000) / 60000)";
  }

  /** ISO week (2026-W13), month (2026-03) and weekday (1 = Monday ... 7 = Sunday) of a date column. */
  static String calendar(String dateColumn) {
    return "strftime('%G-W%V', " + dateColumn + ") AS week, substr(" + dateColumn + ", 1, 7) AS month, "
        + "((CAST(strftime('%w', " + dateColumn + ") AS INTEGER) + 6) % 7 + 1) AS weekday";
  }

  /** The late grace of the appointment's service, in ms (30 minutes for a service no longer configured). */
  private String graceMs(String serviceColumn) {
    StringBuilder sql = new StringBuilder("CASE ").append(serviceColumn);
    for (Site.Service s : site.services()) {
      sql.append(" WHEN ").append(quote(s.code())).append(" THEN ").append(s.admission().grace().toMillis());
    }
    return sql.append(" ELSE 1800000 END").toString();
  }

  /**
   * Appointments: honoured = admitted at the gate (arrived_at set), even if cancelled afterwards;
   * cancelled = cancelled and never admitted; no-show = neither, and start + grace is past;
   * pending = neither, and the grace is not over yet (at {@code now}). Columns: local_date,
   * service, hour (of the start), week, month, weekday, honoured, no_shows, cancelled, pending.
   */
  String appointments(Days days, long now) {
    return """
        SELECT a.local_date AS local_date, a.service AS service, %s AS hour, %s,
          (a.arrived_at IS NOT NULL) AS honoured,
          (a.arrived_at IS NULL AND a.status <> 'cancelled' AND a.start_at + %s < %d) AS no_shows,
          (a.arrived_at IS NULL AND a.status = 'cancelled') AS cancelled,
          (a.arrived_at IS NULL AND a.status <> 'cancelled' AND a.start_at + %s >= %d) AS pending
        FROM appointments a WHERE %s""".formatted(hour("a.start_at", days), calendar("a.local_date"),
        graceMs("a.service"), now, graceMs("a.service"), now, days.where("a.local_date"));
  }

  /**
   * Counter steps from the ticket events: first calls, recalls, served, called-absent (called,
   * recalled, never came: not an appointment no-show) and transfers, at the service where they
   * happened, in the hour they happened.
   */
  String counters(Days days) {
    return """
        SELECT e.local_date AS local_date, e.service AS service, %s AS hour, %s,
          (e.type = 'call') AS calls, (e.type = 'recall') AS recalls, (e.type = 'served') AS served,
          (e.type = 'absent') AS absent, (e.type = 'transfer') AS transferred
        FROM ticket_events e
        WHERE %s AND e.type IN ('call', 'recall', 'served', 'absent', 'transfer')"""
        .formatted(hour("e.at", days), calendar("e.local_date"), days.where("e.local_date"));
  }

  /** Gate scans: direction, decision and reason, one row each (service '' when the code gave none). */
  String scans(Days days) {
    return """
        SELECT s.local_date AS local_date, COALESCE(s.service, '') AS service, %s AS hour, %s,
          s.direction AS direction, s.decision AS decision, s.reason AS reason, 1 AS n
        FROM scans s WHERE %s""".formatted(hour("s.at", days), calendar("s.local_date"), days.where("s.local_date"));
  }

  /**
   * Durations in whole minutes (rounded down; a call before the visitor was due counts 0), measure
   * 'wait': first call − max(gate arrival, appointment start) for appointments, first call −
   * max(issue, slot start) for PAN slot tickets, first call − issue for walk-ins, at the service
   * first queued for, in the hour the wait began; measure 'service': served − last call, at the
   * service that served, in the hour of that call.
   */
  String durations(Days days) {
    return """
        SELECT 'wait' AS measure, w.local_date AS local_date, w.service AS service, %s AS hour, %s,
          MAX(0, (w.first_called_at - w.base) / 60000) AS minutes
        FROM (SELECT t.local_date, t.origin_service AS service, t.first_called_at,
                CASE t.kind
                  WHEN 'appointment' THEN MAX(COALESCE(a.arrived_at, t.issued_at), COALESCE(a.start_at, t.due_at))
                  WHEN 'slot' THEN MAX(t.issued_at, COALESCE(t.slot_start, t.issued_at))
                  ELSE t.issued_at END AS base
              FROM tickets t LEFT JOIN appointments a ON a.id = t.appointment_id
              WHERE %s AND t.first_called_at IS NOT NULL) w
        UNION ALL
        SELECT 'service', t.local_date, t.service, %s, %s,
          MAX(0, (t.finished_at - t.last_called_at) / 60000)
        FROM tickets t
        WHERE %s AND t.status = 'served' AND t.last_called_at IS NOT NULL AND t.finished_at IS NOT NULL"""
        .formatted(hour("w.base", days), calendar("w.local_date"), days.where("t.local_date"),
            hour("t.last_called_at", days), calendar("t.local_date"), days.where("t.local_date"));
  }

  /**
   * PAN (services with a {@code pan} block), per slot: bookings (not cancelled, or honoured),
   * honoured, released (not arrived by start + grace), walk-ins placed in the slot, released places
   * reused = walk-ins beyond the places never booked, at most the released ones; plus walk-ins
   * (slot or queue tickets) served. Hour = the slot's start hour (of the issue for served walk-ins).
   */
  String pan(Days days, long now) {
    List<Site.Service> pans = site.services().stream().filter(s -> s.pan().isPresent()).toList();
    if (pans.isEmpty()) {
      return "SELECT '' AS local_date, '' AS service, 0 AS hour, '' AS week, '' AS month, 0 AS weekday, "
          + "0 AS booked, 0 AS honoured, 0 AS released, 0 AS reused, 0 AS slot_walk_ins, 0 AS walk_ins_served WHERE 0";
    }
    StringBuilder sql = new StringBuilder();
    for (Site.Service s : pans) {
      Site.PanSlots pan = s.pan().orElseThrow();
      int opens = minutes(pan.opens());
      int length = pan.slotMinutes();
      String code = quote(s.code());
      String slotOf = "CASE WHEN %1$s < %2$d THEN -1 ELSE (%1$s - %2$d) / %3$d END";
      if (sql.length() > 0) {
        sql.append("\nUNION ALL\n");
      }
      sql.append("""
          SELECT local_date, service, (%d + slot * %d) / 60 AS hour, %s, booked, honoured, released,
            MAX(0, MIN(released, walk_ins - MAX(0, %d - booked))) AS reused, walk_ins AS slot_walk_ins,
            0 AS walk_ins_served
          FROM (SELECT local_date, service, slot, SUM(booked) AS booked, SUM(honoured) AS honoured,
                  SUM(released) AS released, SUM(walk_ins) AS walk_ins
                FROM (SELECT a.local_date, a.service, %s AS slot, 1 AS booked, (a.arrived_at IS NOT NULL) AS honoured,
                        (a.arrived_at IS NULL AND a.start_at + %d < %d) AS released, 0 AS walk_ins
                      FROM appointments a
                      WHERE %s AND a.service = %s AND (a.status <> 'cancelled' OR a.arrived_at IS NOT NULL)
                      UNION ALL
                      SELECT t.local_date, t.origin_service, %s, 0, 0, 0, 1
                      FROM tickets t WHERE %s AND t.origin_service = %s AND t.kind = 'slot')
                GROUP BY local_date, service, slot)
          UNION ALL
          SELECT t.local_date, t.origin_service, %s, %s, 0, 0, 0, 0, 0, 1
          FROM tickets t
          WHERE %s AND t.origin_service = %s AND t.kind IN ('slot', 'walk-in') AND t.status = 'served'"""
          .formatted(opens, length, calendar("local_date"), pan.capacity(),
              slotOf.formatted(minuteOfDay("a.start_at", days), opens, length),
              s.admission().grace().toMillis(), now, days.where("a.local_date"), code,
              slotOf.formatted(minuteOfDay("t.slot_start", days), opens, length), days.where("t.local_date"), code,
              hour("t.issued_at", days), calendar("t.local_date"), days.where("t.local_date"), code));
    }
    return sql.toString();
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
