package fr.prefecture.accueil.indicator;

import static fr.prefecture.accueil.indicator.Dialect.calendar;
import static fr.prefecture.accueil.indicator.Dialect.greatest;
import static fr.prefecture.accueil.indicator.Dialect.least;

import fr.prefecture.accueil.site.Site;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator definitions, written once as SQL over the raw records ("facts": one row per record,
 * or per PAN slot). The rollups are these facts summed per day (and hour); today's figures and the
 * raw recomputation sum the same facts directly, so the two ways cannot drift apart.
 *
 * <p>The text of a fact query depends only on its shape (days as a range or a list, the number of
 * offset changes of the Paris clock it spans) and on the configured services: every value — days,
 * instants, offsets, graces, PAN hours, service codes — is a named parameter ({@code #{name}}),
 * bound from {@link #constants()} and the {@code bind} methods.
 */
final class Definitions {
  /** How a fact query selects its days: a closed range, or some days of it. */
  enum DayFilter {
    RANGE,
    LIST
  }

  /** The days whose records a fact query reads: a closed range, or some days of it. */
  record Days(LocalDate from, LocalDate to, List<LocalDate> only) {
    static Days between(LocalDate from, LocalDate to) {
      return new Days(from, to, null);
    }

    static Days of(List<LocalDate> days) {
      return new Days(days.get(0), days.get(days.size() - 1), List.copyOf(days));
    }

    DayFilter filter() {
      return only == null ? DayFilter.RANGE : DayFilter.LIST;
    }

    void bind(Map<String, Object> params) {
      if (only == null) {
        params.put("daysFrom", from.toString());
        params.put("daysTo", to.toString());
      } else {
        params.put("days", new JsonArray(only.stream().map(LocalDate::toString).toList()).encode());
      }
    }

    static String where(String column, DayFilter filter) {
      return filter == DayFilter.RANGE ? column + " BETWEEN #{daysFrom} AND #{daysTo}" : Dialect.inDays(column, "days");
    }
  }

  /**
   * The Paris offsets near some days: offset[0] until at[1], offset[1] until at[2]... Padded to a
   * power of two of changes (at = Long.MAX_VALUE) so that few statement texts cover every range.
   */
  record Offsets(int slots, long[] at, long[] offset) {
    void bind(Map<String, Object> params) {
      for (int i = 0; i <= slots; i++) {
        params.put("dstOffset" + i, offset[i]);
        if (i > 0) {
          params.put("dstAt" + i, at[i]);
        }
      }
    }
  }

  private final Site site;
  private final ZoneId zone;
  private final List<Site.Service> pans;
  private final Map<String, Object> constants = new HashMap<>();

  Definitions(Site site) {
    this.site = site;
    this.zone = site.zone();
    this.pans = site.services().stream().filter(s -> s.pan().isPresent()).toList();
    for (int i = 0; i < site.services().size(); i++) {
      Site.Service s = site.services().get(i);
      constants.put("graceCode" + i, s.code());
      constants.put("grace" + i, s.admission().grace().toMillis());
    }
    for (int i = 0; i < pans.size(); i++) {
      Site.Service s = pans.get(i);
      Site.PanSlots pan = s.pan().orElseThrow();
      constants.put("panCode" + i, s.code());
      constants.put("panOpens" + i, (long) minutes(pan.opens()));
      constants.put("panLength" + i, (long) pan.slotMinutes());
      constants.put("panCapacity" + i, (long) pan.capacity());
      constants.put("panGrace" + i, s.admission().grace().toMillis());
    }
  }

  /** The configured values every fact query binds (graces, PAN hours and capacities, codes). */
  Map<String, Object> constants() {
    return constants;
  }

  Offsets offsets(Days days) {
    ZoneRules rules = zone.getRules();
    Instant start = days.from().minusDays(2).atStartOfDay(zone).toInstant();
    Instant end = days.to().plusDays(3).atStartOfDay(zone).toInstant();
    List<long[]> changes = new ArrayList<>();
    long first = rules.getOffset(start).getTotalSeconds() * 1000L;
    for (ZoneOffsetTransition next = rules.nextTransition(start); next != null
        && next.getInstant().isBefore(end); next = rules.nextTransition(next.getInstant())) {
      changes.add(new long[]{next.getInstant().toEpochMilli(), next.getOffsetAfter().getTotalSeconds() * 1000L});
    }
    int slots = changes.isEmpty() ? 0 : Integer.highestOneBit(Math.max(1, changes.size() * 2 - 1));
    long[] at = new long[slots + 1];
    long[] offset = new long[slots + 1];
    offset[0] = first;
    for (int i = 1; i <= slots; i++) {
      boolean real = i <= changes.size();
      at[i] = real ? changes.get(i - 1)[0] : Long.MAX_VALUE;
      offset[i] = real ? changes.get(i - 1)[1] : offset[i - 1];
    }
    return new Offsets(slots, at, offset);
  }

  /**
   * Paris wall-clock milliseconds of an instant column: the instant plus the zone's offset, as a
   * CASE over the offset changes near the days read. The October night's two 02:00 hours both
   * give 02:xx: by=hour counts them together.
   */
  static String localMs(String column, int slots) {
    if (slots == 0) {
      return "(" + column + " + #{dstOffset0})";
    }
    StringBuilder sql = new StringBuilder("(").append(column).append(" + CASE");
    for (int i = 1; i <= slots; i++) {
      sql.append(" WHEN ").append(column).append(" < #{dstAt").append(i).append("} THEN #{dstOffset")
          .append(i - 1).append('}');
    }
    return sql.append(" ELSE #{dstOffset").append(slots).append("} END)").toString();
  }

  /** The Paris wall-clock hour 0-23 of an instant column. */
  static String hour(String column, int slots) {
    return "((" + localMs(column, slots) + " / 3600000) % 24)";
  }

  /** The Paris wall-clock minute of the day 0-1439 of an instant column. */
  static String minuteOfDay(String column, int slots) {
    return "((" + localMs(column, slots) + " % 86400000) / 60000)";
  }

  /** The late grace of the appointment's service, in ms (30 minutes for a service no longer configured). */
  private String graceMs(String serviceColumn) {
    StringBuilder sql = new StringBuilder("CASE ").append(serviceColumn);
    for (int i = 0; i < site.services().size(); i++) {
      sql.append(" WHEN #{graceCode").append(i).append("} THEN #{grace").append(i).append('}');
    }
    return sql.append(" ELSE 1800000 END").toString();
  }

  /**
   * Appointments: honoured = admitted at the gate (arrived_at set), even if cancelled afterwards;
   * cancelled = cancelled and never admitted; no-show = neither, and start + grace is past;
   * pending = neither, and the grace is not over yet (at {@code now}). Columns: local_date,
   * service, hour (of the start), week, month, weekday, honoured, no_shows, cancelled, pending.
   */
  String appointments(DayFilter days, int slots) {
    return """
        SELECT a.local_date AS local_date, a.service AS service, $HOUR AS hour, $CALENDAR,
          CASE WHEN a.arrived_at IS NOT NULL THEN 1 ELSE 0 END AS honoured,
          CASE WHEN a.arrived_at IS NULL AND a.status <> 'cancelled' AND a.start_at + $GRACE < #{now} THEN 1 ELSE 0 END AS no_shows,
          CASE WHEN a.arrived_at IS NULL AND a.status = 'cancelled' THEN 1 ELSE 0 END AS cancelled,
          CASE WHEN a.arrived_at IS NULL AND a.status <> 'cancelled' AND a.start_at + $GRACE >= #{now} THEN 1 ELSE 0 END AS pending
        FROM appointments a WHERE $DAYS"""
        .replace("$HOUR", hour("a.start_at", slots)).replace("$CALENDAR", calendar("a.local_date"))
        .replace("$GRACE", graceMs("a.service")).replace("$DAYS", Days.where("a.local_date", days));
  }

  /**
   * Counter steps from the ticket events: first calls, recalls, served, called-absent (called,
   * recalled, never came: not an appointment no-show) and transfers, at the service where they
   * happened, in the hour they happened.
   */
  String counters(DayFilter days, int slots) {
    return """
        SELECT e.local_date AS local_date, e.service AS service, $HOUR AS hour, $CALENDAR,
          CASE WHEN e.type = 'call' THEN 1 ELSE 0 END AS calls, CASE WHEN e.type = 'recall' THEN 1 ELSE 0 END AS recalls,
          CASE WHEN e.type = 'served' THEN 1 ELSE 0 END AS served, CASE WHEN e.type = 'absent' THEN 1 ELSE 0 END AS absent,
          CASE WHEN e.type = 'transfer' THEN 1 ELSE 0 END AS transferred
        FROM ticket_events e
        WHERE $DAYS AND e.type IN ('call', 'recall', 'served', 'absent', 'transfer')"""
        .replace("$HOUR", hour("e.at", slots)).replace("$CALENDAR", calendar("e.local_date"))
        .replace("$DAYS", Days.where("e.local_date", days));
  }

  /** Gate scans: direction, decision and reason, one row each (service '' when the code gave none). */
  String scans(DayFilter days, int slots) {
    return """
        SELECT s.local_date AS local_date, COALESCE(s.service, '') AS service, $HOUR AS hour, $CALENDAR,
          s.direction AS direction, s.decision AS decision, s.reason AS reason, 1 AS n, s.companions AS companions
        FROM scans s WHERE $DAYS"""
        .replace("$HOUR", hour("s.at", slots)).replace("$CALENDAR", calendar("s.local_date"))
        .replace("$DAYS", Days.where("s.local_date", days));
  }

  /**
   * Durations in whole minutes (rounded down; a call before the visitor was due counts 0), measure
   * 'wait': first call − max(gate arrival, appointment start) for appointments, first call −
   * max(issue, slot start) for PAN slot tickets, first call − issue for walk-ins, at the service
   * first queued for, in the hour the wait began; measure 'service': served − last call, at the
   * service that served, in the hour of that call.
   */
  String durations(DayFilter days, int slots) {
    return """
        SELECT 'wait' AS measure, w.local_date AS local_date, w.service AS service, $WAIT_HOUR AS hour, $WAIT_CALENDAR,
          $WAIT_MINUTES AS minutes
        FROM (SELECT t.local_date, t.origin_service AS service, t.first_called_at,
                CASE t.kind
                  WHEN 'appointment' THEN $APPOINTMENT_BASE
                  WHEN 'slot' THEN $SLOT_BASE
                  ELSE t.issued_at END AS base
              FROM tickets t LEFT JOIN appointments a ON a.id = t.appointment_id
              WHERE $DAYS AND t.first_called_at IS NOT NULL) w
        UNION ALL
        SELECT 'service', t.local_date, t.service, $SERVICE_HOUR, $SERVICE_CALENDAR,
          $SERVICE_MINUTES
        FROM tickets t
        WHERE $DAYS AND t.status = 'served' AND t.last_called_at IS NOT NULL AND t.finished_at IS NOT NULL"""
        .replace("$WAIT_HOUR", hour("w.base", slots)).replace("$WAIT_CALENDAR", calendar("w.local_date"))
        .replace("$WAIT_MINUTES", greatest("0", "(w.first_called_at - w.base) / 60000"))
        .replace("$APPOINTMENT_BASE", greatest("COALESCE(a.arrived_at, t.issued_at)", "COALESCE(a.start_at, t.due_at)"))
        .replace("$SLOT_BASE", greatest("t.issued_at", "COALESCE(t.slot_start, t.issued_at)"))
        .replace("$SERVICE_HOUR", hour("t.last_called_at", slots))
        .replace("$SERVICE_CALENDAR", calendar("t.local_date"))
        .replace("$SERVICE_MINUTES", greatest("0", "(t.finished_at - t.last_called_at) / 60000"))
        .replace("$DAYS", Days.where("t.local_date", days));
  }

  /**
   * PAN (services with a {@code pan} block), per slot: bookings (not cancelled, or honoured),
   * honoured, released (not arrived by start + grace), walk-ins placed in the slot, released places
   * reused = walk-ins beyond the places never booked, at most the released ones; plus walk-ins
   * (slot or queue tickets) served. Hour = the slot's start hour (of the issue for served walk-ins).
   */
  String pan(DayFilter days, int slots) {
    if (pans.isEmpty()) {
      return "SELECT '' AS local_date, '' AS service, 0 AS hour, '' AS week, '' AS month, 0 AS weekday, "
          + "0 AS booked, 0 AS honoured, 0 AS released, 0 AS reused, 0 AS slot_walk_ins, 0 AS walk_ins_served WHERE 1 = 0";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pans.size(); i++) {
      String opens = "#{panOpens" + i + "}";
      String length = "#{panLength" + i + "}";
      parts.add(
          """
              SELECT local_date, service, ($OPENS + slot * $LENGTH) / 60 AS hour, $CALENDAR, booked, honoured, released,
                $REUSED AS reused, walk_ins AS slot_walk_ins,
                0 AS walk_ins_served
              FROM (SELECT local_date, service, slot, SUM(booked) AS booked, SUM(honoured) AS honoured,
                      SUM(released) AS released, SUM(walk_ins) AS walk_ins
                    FROM (SELECT a.local_date, a.service, $BOOKED_SLOT AS slot, 1 AS booked, CASE WHEN a.arrived_at IS NOT NULL THEN 1 ELSE 0 END AS honoured,
                            CASE WHEN a.arrived_at IS NULL AND a.start_at + $GRACE < #{now} THEN 1 ELSE 0 END AS released, 0 AS walk_ins
                          FROM appointments a
                          WHERE $APPOINTMENT_DAYS AND a.service = $CODE AND (a.status <> 'cancelled' OR a.arrived_at IS NOT NULL)
                          UNION ALL
                          SELECT t.local_date, t.origin_service, $TICKET_SLOT, 0, 0, 0, 1
                          FROM tickets t WHERE $TICKET_DAYS AND t.origin_service = $CODE AND t.kind = 'slot') AS marks
                    GROUP BY local_date, service, slot) AS slots
              UNION ALL
              SELECT t.local_date, t.origin_service, $ISSUE_HOUR, $TICKET_CALENDAR, 0, 0, 0, 0, 0, 1
              FROM tickets t
              WHERE $TICKET_DAYS AND t.origin_service = $CODE AND t.kind IN ('slot', 'walk-in') AND t.status = 'served'"""
              .replace("$REUSED", greatest("0", least("released", "walk_ins - " + greatest("0", "$CAPACITY - booked"))))
              .replace("$BOOKED_SLOT", slotOf(minuteOfDay("a.start_at", slots), opens, length))
              .replace("$TICKET_SLOT", slotOf(minuteOfDay("t.slot_start", slots), opens, length))
              .replace("$ISSUE_HOUR", hour("t.issued_at", slots))
              .replace("$CALENDAR", calendar("local_date")).replace("$TICKET_CALENDAR", calendar("t.local_date"))
              .replace("$APPOINTMENT_DAYS", Days.where("a.local_date", days))
              .replace("$TICKET_DAYS", Days.where("t.local_date", days))
              .replace("$OPENS", opens).replace("$LENGTH", length).replace("$CAPACITY", "#{panCapacity" + i + "}")
              .replace("$GRACE", "#{panGrace" + i + "}").replace("$CODE", "#{panCode" + i + "}"));
    }
    return String.join("\nUNION ALL\n", parts);
  }

  private static String slotOf(String minute, String opens, String length) {
    return "CASE WHEN " + minute + " < " + opens + " THEN -1 ELSE (" + minute + " - " + opens + ") / " + length
        + " END";
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
