package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.site.Site;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic history of a busy site for demos and the benchmark: working days only (weekends and
 * fixed public holidays closed), Monday rush and quiet Wednesday afternoons, a summer dip and a
 * September peak, 10-15 % no-shows (more on Mondays and at the ends of the day), some
 * cancellations (a few after the visitor came), arrivals 0-20 minutes early, gate scans in and out
 * with refusals by reason, tickets with their events and plausible waits, PAN slots with walk-ins.
 * Plain JDBC, one transaction per month, batched inserts; then the rollups of every closed day.
 */
public final class HistoryGenerator {
  /** What was written. */
  public record Counts(long days, long appointments, long scans, long tickets, long events, long millis,
      long rollupMillis) {}

  private static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
      MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));
  private static final double[] SEASON = {1.05, 1.0, 1.0, 1.0, 0.95, 1.0, 0.9, 0.6, 1.2, 1.1, 1.0, 0.85};
  private static final double[] WEEKDAY = {1.2, 1.05, 0.85, 1.0, 0.9};

  private final Site site;
  private final ZoneId zone;
  private final SplittableRandom random;
  private final Map<String, Integer> numbers = new HashMap<>();
  private long scanSeq;
  private long appointmentId;
  private long ticketId;
  private long appointments;
  private long scans;
  private long tickets;
  private long events;

  public HistoryGenerator(Site site, long seed) {
    this.site = site;
    this.zone = site.zone();
    this.random = new SplittableRandom(seed);
  }

  static boolean open(LocalDate d) {
    return d.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.contains(MonthDay.from(d));
  }

  /** Fills the days [from, to] of the (migrated) store; refuses a store that already has appointments. */
  public Counts generate(Path storeFile, LocalDate from, LocalDate to, int perDay, Instant now) throws SQLException {
    long started = System.nanoTime();
    String url = "jdbc:sqlite:" + storeFile.toAbsolutePath()
        + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT (SELECT COUNT(*) FROM appointments) + (SELECT COUNT(*) FROM scans) + (SELECT COUNT(*) FROM tickets)")) {
        if (rs.next() && rs.getLong(1) > 0) {
          throw new IllegalStateException("the store already has appointments, scans or tickets: "
              + "generate history into a new --data directory");
        }
      }
      c.setAutoCommit(false);
      try (HistoryWriter w = new HistoryWriter(c)) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          if (open(d)) {
            day(w, d, perDay, now);
          }
          if (d.getMonth() != d.plusDays(1).getMonth() || d.equals(to)) {
            w.flush();
            c.commit();
          }
        }
      }
      c.setAutoCommit(true);
      long generated = System.nanoTime();
      Rollups rollups = new Rollups(new Definitions(site));
      try (Statement s = c.createStatement()) {
        LocalDate lastClosed = LocalDate.ofInstant(now, zone).minusDays(2);
        for (LocalDate d = from; !d.isAfter(to) && !d.isAfter(lastClosed); d = d.plusMonths(1).withDayOfMonth(1)) {
          LocalDate end = d.withDayOfMonth(d.lengthOfMonth());
          end = end.isAfter(to) ? to : end;
          end = end.isAfter(lastClosed) ? lastClosed : end;
          s.execute("BEGIN IMMEDIATE");
          for (Rollups.Step step : rollups.steps(d, end, now.toEpochMilli())) {
            run(c, step);
          }
          s.execute("COMMIT");
        }
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        s.execute("ANALYZE");
      }
      long days = to.toEpochDay() - from.toEpochDay() + 1;
      return new Counts(days, appointments, scans, tickets, events, (generated - started) / 1_000_000,
          (System.nanoTime() - generated) / 1_000_000);
    }
  }

  /** The server's rollup statements, run here through plain JDBC with the same bound values. */
  private static void run(Connection c, Rollups.Step step) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(step.statement().sql())) {
      for (var params : step.runs()) {
        Tuple values = step.statement().tuple(params);
        for (int i = 0; i < values.size(); i++) {
          p.setObject(i + 1, values.getValue(i));
        }
        p.execute();
      }
    }
  }

  private double noShowChance(LocalDate d, int hour) {
    double p = 0.11;
    if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
      p += 0.03;
    }
    if (d.getDayOfWeek() == DayOfWeek.FRIDAY) {
      p += 0.015;
    }
    if (hour <= 8 || hour >= 15) {
      p += 0.03;
    }
    return p;
  }

  private Instant at(LocalDate d, int minuteOfDay) {
    return d.atTime(LocalTime.of(minuteOfDay / 60, minuteOfDay % 60)).atZone(zone).toInstant();
  }

  private String number(LocalDate d, Site.Service s) {
    int n = numbers.merge(d + s.code(), 1, Integer::sum);
    return s.ticketPrefix() + (n > 999 ? "%04d" : "%03d").formatted(n);
  }

  private void day(HistoryWriter w, LocalDate d, int perDay, Instant now) throws SQLException {
    numbers.clear();
    double volume = perDay * SEASON[d.getMonthValue() - 1] * WEEKDAY[d.getDayOfWeek().getValue() - 1]
        * (0.9 + 0.2 * random.nextDouble());
    List<Site.Service> services = site.services();
    int totalCounters = services.stream().mapToInt(s -> Math.max(1, s.counters().size())).sum();
    for (Site.Service s : services) {
      int count = (int) Math.round(volume * Math.max(1, s.counters().size()) / totalCounters);
      for (int i = 0; i < count; i++) {
        appointment(w, d, s, now);
      }
      int walkIns = (int) Math.round(count * (s.pan().isPresent() ? 0.5 : 0.12));
      for (int i = 0; i < walkIns; i++) {
        walkIn(w, d, s);
      }
    }
  }

  private int startMinute(LocalDate d, Site.Service s) {
    if (s.pan().isPresent()) {
      Site.PanSlots pan = s.pan().get();
      int opens = pan.opens().getHour() * 60 + pan.opens().getMinute();
      int closes = pan.closes().getHour() * 60 + pan.closes().getMinute();
      int slots = Math.max(1, (closes - opens) / pan.slotMinutes());
      return opens + random.nextInt(slots) * pan.slotMinutes();
    }
    // Mornings busier; Wednesday afternoons quiet.
    boolean afternoon = random.nextDouble() < (d.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 0.25 : 0.4);
    int from = afternoon ? 13 * 60 + 30 : 8 * 60 + 30;
    int span = afternoon ? 3 * 60 : 3 * 60 + 30;
    return from + random.nextInt(span / 10) * 10;
  }

  private void appointment(HistoryWriter w, LocalDate d, Site.Service s, Instant now) throws SQLException {
    int minute = startMinute(d, s);
    Instant start = at(d, minute);
    long id = ++appointmentId;
    appointments++;
    double roll = random.nextDouble();
    boolean cancelledBefore = roll < 0.06;
    boolean noShow = !cancelledBefore && random.nextDouble() < noShowChance(d, minute / 60);
    Long arrived = null;
    String status = "booked";
    Long cancelledAt = null;
    long startMs = start.toEpochMilli();
    if (cancelledBefore) {
      status = "cancelled";
      cancelledAt = startMs - (1 + random.nextInt(10)) * 86_400_000L;
      if (random.nextDouble() < 0.1) {
        scan(w, d, startMs - random.nextInt(20) * 60_000L, "in", "refuse", "cancelled", id, s);
      }
    } else if (noShow) {
      if (random.nextDouble() < 0.1) {
        scan(w, d, startMs + s.admission().grace().toMillis() + (1 + random.nextInt(40)) * 60_000L, "in", "refuse",
            "too_late", id, s);
      }
    } else {
      long early = random.nextDouble() < 0.9 ? random.nextInt(20 * 60) * 1000L : -random.nextInt(15 * 60) * 1000L;
      arrived = startMs - early;
      if (random.nextDouble() < 0.07) {
        scan(w, d, arrived - (21 + random.nextInt(30)) * 60_000L, "in", "refuse", "too_early", id, s);
      }
      if (random.nextDouble() < 0.01) {
        scan(w, d, arrived - 60_000L, "in", "refuse", "malformed", null, null);
      }
      if (random.nextDouble() < 0.003) {
        status = "cancelled";
        cancelledAt = arrived + 3_600_000L;
      }
      scan(w, d, arrived, "in", "admit", "ok", id, s);
      long out = queueVisit(w, d, s, id, startMs, arrived, "appointment");
      scan(w, d, out + (2 + random.nextInt(8)) * 60_000L, "out", "admit", "ok", id, s);
    }
    if (random.nextDouble() < 0.012) {
      scan(w, d, at(d, 9 * 60 + random.nextInt(7 * 60)).toEpochMilli(), "in", "refuse", "wrong_day", id + 7, s);
    }
    w.appointment.setLong(1, id);
    w.appointment.setString(2, s.code());
    w.appointment.setLong(3, startMs);
    w.appointment.setString(4, d.toString());
    w.appointment.setInt(5, s.defaultDurationMinutes());
    w.appointment.setString(6, "Visiteur " + id);
    w.appointment.setString(7, status);
    HistoryWriter.setLong(w.appointment, 8, cancelledAt);
    w.appointment.setLong(9, startMs - (2 + random.nextInt(30)) * 86_400_000L);
    HistoryWriter.setLong(w.appointment, 10, arrived);
    w.appointment.addBatch();
    w.count();
  }

  private void walkIn(HistoryWriter w, LocalDate d, Site.Service s) throws SQLException {
    int minute = 8 * 60 + 30 + random.nextInt(7 * 60);
    long issued = at(d, minute).toEpochMilli() + random.nextInt(600) * 1000L;
    String kind = "walk-in";
    Long slot = null;
    long due = issued;
    if (s.pan().isPresent()) {
      kind = "slot";
      Site.PanSlots pan = s.pan().get();
      int opens = pan.opens().getHour() * 60 + pan.opens().getMinute();
      int closes = pan.closes().getHour() * 60 + pan.closes().getMinute();
      int at = Math.max(opens, Math.min(closes - pan.slotMinutes(), minute + pan.slotMinutes()));
      at = opens + (at - opens) / pan.slotMinutes() * pan.slotMinutes();
      slot = at(d, at).toEpochMilli();
      due = Math.max(issued, slot);
    }
    queueTicket(w, d, s, null, kind, slot, due, issued);
  }

  /** A ticket for an arrived visitor; returns when they left the counter. */
  private long queueVisit(HistoryWriter w, LocalDate d, Site.Service s, long appointment, long start, long arrived,
      String kind)
      throws SQLException {
    return queueTicket(w, d, s, appointment, kind, null, start, arrived);
  }

  private long queueTicket(HistoryWriter w, LocalDate d, Site.Service s, Long appointment, String kind, Long slot,
      long due,
      long issued) throws SQLException {
    long id = ++ticketId;
    tickets++;
    long base = Math.max(issued, due);
    double meanWait = "walk-in".equals(kind) ? 22 : 9;
    long wait = (long) (-Math.log(1 - random.nextDouble()) * meanWait * 60_000);
    long call = base + wait;
    boolean absent = random.nextDouble() < ("walk-in".equals(kind) ? 0.05 : 0.015);
    int calls = 1;
    event(w, id, appointment == null ? "issued" : "arrival", issued, d, s, null);
    event(w, id, "call", call, d, s, s.counters().isEmpty() ? null : s.counters().get(0));
    long last = call;
    if (absent || random.nextDouble() < 0.05) {
      last = call + 180_000L;
      calls = 2;
      event(w, id, "recall", last, d, s, null);
    }
    long finished = last + (absent ? 120_000L
        : (long) (s.defaultDurationMinutes() * 60_000L * (0.5 + random.nextDouble())));
    event(w, id, absent ? "absent" : "served", finished, d, s, null);
    PreparedStatement t = w.ticket;
    t.setLong(1, id);
    t.setString(2, d.toString());
    t.setString(3, number(d, s));
    t.setString(4, s.code());
    t.setString(5, s.code());
    t.setString(6, kind);
    HistoryWriter.setLong(t, 7, appointment);
    HistoryWriter.setLong(t, 8, slot);
    t.setLong(9, due);
    t.setLong(10, issued);
    t.setString(11, absent ? "absent" : "served");
    t.setString(12, s.counters().isEmpty() ? null : s.counters().get(0));
    t.setInt(13, calls);
    t.setLong(14, call);
    t.setLong(15, last);
    t.setLong(16, finished);
    t.addBatch();
    w.count();
    return finished;
  }

  private void event(HistoryWriter w, long ticket, String type, long at, LocalDate d, Site.Service s, String counter)
      throws SQLException {
    events++;
    PreparedStatement e = w.event;
    e.setLong(1, ticket);
    e.setString(2, type);
    e.setLong(3, at);
    e.setString(4, d.toString());
    e.setString(5, s.code());
    e.setString(6, counter);
    e.addBatch();
    w.count();
  }

  private void scan(HistoryWriter w, LocalDate d, long at, String direction, String decision, String reason,
      Long convocation,
      Site.Service s) throws SQLException {
    scans++;
    PreparedStatement p = w.scan;
    p.setString(1, "gen-" + (++scanSeq));
    p.setString(2, site.gates().isEmpty() ? "gate" : site.gates().get(0).id());
    p.setString(3, direction);
    p.setLong(4, at);
    p.setString(5, d.toString());
    p.setString(6, decision);
    p.setString(7, reason);
    p.setString(8, convocation == null ? null : "appointment");
    HistoryWriter.setLong(p, 9, convocation);
    p.setString(10, s == null ? null : s.code());
    p.addBatch();
    w.count();
  }
}
