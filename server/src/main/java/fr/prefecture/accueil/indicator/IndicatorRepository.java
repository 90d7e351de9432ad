package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The indicators' SQL: report queries (rollups of built days + live facts of the others, or facts
 * only for a raw recomputation) and the rollup statements.
 *
 * <p>Reports read through their own read-only connections ({@code query_only}) on worker threads,
 * not through the store's pool: that pool has one connection whose statements run one after the
 * other, so a long report there would hold back the gate's scans. WAL readers never wait for the
 * writer. Rollups are writes: they go through the store's pool in one transaction per chunk.
 */
final class IndicatorRepository {
  static final int READERS = 2;

  private final Vertx vertx;
  private final Pool pool;
  private final Definitions definitions;
  private final String url;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private int opened;

  IndicatorRepository(Vertx vertx, Pool pool, Path file, Definitions definitions) {
    this.vertx = vertx;
    this.pool = pool;
    this.definitions = definitions;
    this.url = "jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=10000";
  }

  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs a read in one snapshot (a read transaction) on a worker thread. */
  <T> Future<T> read(Read<T> work) {
    return vertx.executeBlocking(() -> {
      Connection c = borrow();
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN");
        try {
          return work.run(c);
        } finally {
          s.execute("COMMIT");
        }
      } finally {
        readers.add(c);
      }
    }, false);
  }

  private Connection borrow() throws SQLException, InterruptedException {
    synchronized (this) {
      if (readers.isEmpty() && opened < READERS) {
        opened++;
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA query_only = true");
          s.execute("PRAGMA cache_size = -65536");
        }
        return c;
      }
    }
    return readers.take();
  }

  void close() {
    Connection c;
    while ((c = readers.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing at shutdown
      }
    }
  }

  /** A report's rows by key: raw figures, ready to be finished (rates, percentiles). */
  Future<Map<String, Raw>> report(Family family, Grouping by, Optional<String> service, LocalDate from,
      LocalDate to, boolean rawOnly, long now) {
    return read(c -> {
      List<LocalDate> live = new ArrayList<>();
      if (rawOnly) {
        live = null;
      } else {
        TreeSet<LocalDate> built = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT local_date FROM ind_built WHERE local_date BETWEEN '"
                 + from + "' AND '" + to + "'")) {
          while (rs.next()) {
            built.add(LocalDate.parse(rs.getString(1)));
          }
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          if (!built.contains(d)) {
            live.add(d);
          }
        }
      }
      return rows(c, family, reportSql(family, by, service, from, to, live, now));
    });
  }

  /** live == null: everything from the facts (the raw recomputation). */
  String reportSql(Family family, Grouping by, Optional<String> service, LocalDate from, LocalDate to,
      List<LocalDate> live, long now) {
    String filter = service.map(s -> " AND service = " + Definitions.quote(s)).orElse("");
    List<String> parts = new ArrayList<>();
    String extra = family == Family.REFUSALS ? ", reason" : "";
    if (family == Family.REFUSALS) {
      filter += " AND decision = 'refuse'";
    }
    if (family.histogram()) {
      filter += " AND measure = '" + family.measure + "'";
      String table = by.needsHour() ? "ind_durations_hour" : "ind_durations_day";
      if (live != null && by == Grouping.HOUR) {
        // Whole months from the monthly sums, the days at either end from the daily rows.
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastMonth = to.plusDays(1).withDayOfMonth(1);
        if (to.plusDays(1).getDayOfMonth() != 1) {
          afterLastMonth = to.withDayOfMonth(1);
        }
        if (firstMonth.isBefore(afterLastMonth)) {
          parts.add("SELECT " + by.key + " AS key, minutes, n FROM ind_durations_hour_month WHERE month BETWEEN '"
              + firstMonth.toString().substring(0, 7) + "' AND '" + afterLastMonth.minusMonths(1).toString().substring(0, 7)
              + "'" + filter);
          if (from.isBefore(firstMonth)) {
            parts.add("SELECT " + by.key + " AS key, minutes, n FROM " + table + " WHERE local_date BETWEEN '" + from
                + "' AND '" + firstMonth.minusDays(1) + "'" + filter);
          }
          if (!afterLastMonth.isAfter(to)) {
            parts.add("SELECT " + by.key + " AS key, minutes, n FROM " + table + " WHERE local_date BETWEEN '"
                + afterLastMonth + "' AND '" + to + "'" + filter);
          }
        } else {
          parts.add("SELECT " + by.key + " AS key, minutes, n FROM " + table + " WHERE local_date BETWEEN '" + from
              + "' AND '" + to + "'" + filter);
        }
      } else if (live != null) {
        parts.add("SELECT " + by.key + " AS key, minutes, n FROM " + table + " WHERE local_date BETWEEN '" + from
            + "' AND '" + to + "'" + filter);
      }
      Definitions.Days days = live == null ? Definitions.Days.between(from, to) : live.isEmpty() ? null
          : Definitions.Days.of(live);
      if (days != null) {
        parts.add("SELECT " + by.key + " AS key, minutes, 1 AS n FROM (" + family.facts(definitions, days, now)
            + ") WHERE 1" + filter);
      }
      return "SELECT key, minutes, SUM(n) FROM (" + String.join("\nUNION ALL\n", parts)
          + ") GROUP BY key, minutes ORDER BY key, minutes";
    }
    String columns = String.join(", ", family.columns);
    if (live != null) {
      parts.add("SELECT " + by.key + " AS key, " + columns + " FROM " + family.table + " WHERE local_date BETWEEN '"
          + from + "' AND '" + to + "'" + filter);
    }
    Definitions.Days days = live == null ? Definitions.Days.between(from, to) : live.isEmpty() ? null
        : Definitions.Days.of(live);
    if (days != null) {
      parts.add("SELECT " + by.key + " AS key, " + columns + " FROM (" + family.facts(definitions, days, now)
          + ") WHERE 1" + filter);
    }
    return "SELECT key" + extra + ", " + String.join(", ", family.sums) + " FROM ("
        + String.join("\nUNION ALL\n", parts) + ") GROUP BY key" + extra + " ORDER BY key" + extra;
  }

  private static Map<String, Raw> rows(Connection c, Family family, String sql) throws SQLException {
    Map<String, Raw> out = new LinkedHashMap<>();
    int width = family.sums.size();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String key = rs.getString(1);
        Raw raw = out.computeIfAbsent(key, k -> new Raw(width));
        if (family.histogram()) {
          raw.minutes.merge(rs.getInt(2), rs.getLong(3), Long::sum);
        } else if (family == Family.REFUSALS) {
          raw.reasons.merge(rs.getString(2), rs.getLong(3), Long::sum);
          raw.sums[0] += rs.getLong(3);
        } else {
          for (int i = 0; i < width; i++) {
            raw.sums[i] = rs.getLong(2 + i);
          }
        }
      }
    }
    return out;
  }

  /** Today's admitted scans of one day, in order: [at, +1 in / -1 out]. */
  Future<List<long[]>> movements(LocalDate day) {
    return read(c -> {
      List<long[]> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT at, direction FROM scans WHERE local_date = '" + day + "' AND decision = 'admit' ORDER BY at, id")) {
        while (rs.next()) {
          out.add(new long[] {rs.getLong(1), "in".equals(rs.getString(2)) ? 1 : -1});
        }
      }
      return out;
    });
  }

  /** What the rollup job needs: the first day with records, built days, days touched since a build. */
  record Plan(LocalDate first, TreeSet<LocalDate> built, TreeSet<LocalDate> touched) {}

  Future<Plan> plan() {
    return read(c -> {
      LocalDate first = null;
      try (Statement s = c.createStatement()) {
        for (String table : List.of("appointments", "scans", "tickets")) {
          try (ResultSet rs = s.executeQuery("SELECT MIN(local_date) FROM " + table)) {
            if (rs.next() && rs.getString(1) != null) {
              LocalDate d = LocalDate.parse(rs.getString(1));
              first = first == null || d.isBefore(first) ? d : first;
            }
          }
        }
        TreeSet<LocalDate> built = new TreeSet<>();
        long lastBuild = 0;
        try (ResultSet rs = s.executeQuery("SELECT local_date, built_at FROM ind_built")) {
          while (rs.next()) {
            built.add(LocalDate.parse(rs.getString(1)));
            lastBuild = Math.min(lastBuild == 0 ? Long.MAX_VALUE : lastBuild, rs.getLong(2));
          }
        }
        TreeSet<LocalDate> touched = new TreeSet<>();
        if (!built.isEmpty()) {
          // Days changed after their rollup: a late cancellation, or an import of past appointments.
          try (ResultSet rs = s.executeQuery("""
              SELECT DISTINCT a.local_date FROM appointments a JOIN ind_built b ON b.local_date = a.local_date
              WHERE a.cancelled_at >= %1$d AND a.cancelled_at >= b.built_at
              UNION SELECT DISTINCT a.local_date FROM appointments a JOIN ind_built b ON b.local_date = a.local_date
              WHERE a.created_at >= %1$d AND a.created_at >= b.built_at""".formatted(lastBuild))) {
            while (rs.next()) {
              touched.add(LocalDate.parse(rs.getString(1)));
            }
          }
        }
        return new Plan(first, built, touched);
      }
    });
  }

  /** Rebuilds the rollups of the days from..to (all closed) in one write transaction. */
  Future<Void> build(LocalDate from, LocalDate to, long now) {
    List<String> statements = Rollups.statements(definitions, from, to, now);
    return Database.transaction(pool, conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (String sql : statements) {
        chain = chain.compose(v -> conn.query(sql).execute().mapEmpty());
      }
      return chain;
    });
  }
}
