package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The indicators' SQL: report queries (see {@link ReportStatements}) and the rollup statements
 * (see {@link Rollups}), every statement built once per shape, every value bound.
 *
 * <p>Reports read through the store's read-only pool ({@link Database#openReadOnly}), each in one
 * snapshot: the store's write pool has one connection, so a long report there would hold back the
 * gate's scans, while WAL readers never wait for the writer. Rollups are writes: they go through
 * the write pool in one transaction per chunk.
 */
final class IndicatorRepository {
  static final int READERS = 2;

  private static final NamedSql BUILT_BETWEEN = NamedSql.of(
      "SELECT local_date FROM ind_built WHERE local_date BETWEEN #{from} AND #{to}");
  private static final NamedSql MOVEMENTS = NamedSql.of("""
      SELECT at, direction, companions FROM scans WHERE local_date = #{day} AND decision = 'admit'
        AND reason <> 'no_entry_recorded' ORDER BY at, id""");
  private static final List<NamedSql> FIRST_DAYS = List.of(
      NamedSql.of("SELECT MIN(local_date) FROM appointments"), NamedSql.of("SELECT MIN(local_date) FROM scans"),
      NamedSql.of("SELECT MIN(local_date) FROM tickets"));
  private static final NamedSql BUILT = NamedSql.of("SELECT local_date, built_at FROM ind_built");
  /** Days changed after their rollup: a late cancellation, or an import of past appointments. */
  private static final NamedSql TOUCHED = NamedSql.of("""
      SELECT DISTINCT a.local_date FROM appointments a JOIN ind_built b ON b.local_date = a.local_date
      WHERE a.cancelled_at >= #{lastBuild} AND a.cancelled_at >= b.built_at
      UNION SELECT DISTINCT a.local_date FROM appointments a JOIN ind_built b ON b.local_date = a.local_date
      WHERE a.created_at >= #{lastBuild} AND a.created_at >= b.built_at""");

  private final Pool pool;
  private final Pool readers;
  private final ReportStatements reports;
  private final Rollups rollups;

  IndicatorRepository(Pool pool, Pool readers, Definitions definitions) {
    this.pool = pool;
    this.readers = readers;
    this.reports = new ReportStatements(definitions);
    this.rollups = new Rollups(definitions);
  }

  Future<Void> close() {
    return readers.close();
  }

  /** A report's rows by key: raw figures, ready to be finished (rates, percentiles). */
  Future<Map<String, Raw>> report(Family family, Grouping by, Optional<String> service, LocalDate from,
      LocalDate to, boolean rawOnly, long now) {
    return Database.snapshot(readers, conn -> liveDays(conn, from, to, rawOnly)
        .compose(live -> {
          ReportStatements.Bound bound = reports.bind(family, by, service, from, to, live, now);
          return bound.statement().execute(conn, bound.params());
        })
        .map(rows -> rows(family, rows)));
  }

  /** The days of the range without rollups (null for a raw recomputation: every day from the facts). */
  private static Future<List<LocalDate>> liveDays(SqlConnection conn, LocalDate from, LocalDate to, boolean rawOnly) {
    if (rawOnly) {
      return Future.succeededFuture(null);
    }
    return BUILT_BETWEEN.execute(conn, Map.of("from", from.toString(), "to", to.toString())).map(rows -> {
      TreeSet<LocalDate> built = new TreeSet<>();
      rows.forEach(row -> built.add(LocalDate.parse(row.getString(0))));
      List<LocalDate> live = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (!built.contains(d)) {
          live.add(d);
        }
      }
      return live;
    });
  }

  private static Map<String, Raw> rows(Family family, RowSet<Row> rows) {
    Map<String, Raw> out = new LinkedHashMap<>();
    int width = family.sums.size();
    for (Row row : rows) {
      Object value = row.getValue(0);
      String key = value == null ? null : value.toString();
      Raw raw = out.computeIfAbsent(key, k -> new Raw(width));
      if (family.histogram()) {
        raw.minutes.merge((int) number(row, 1), number(row, 2), Long::sum);
      } else if (family == Family.REFUSALS) {
        raw.reasons.merge(row.getString(1), number(row, 2), Long::sum);
        raw.sums[0] += number(row, 2);
      } else {
        for (int i = 0; i < width; i++) {
          raw.sums[i] = number(row, 1 + i);
        }
      }
    }
    return out;
  }

  /** A count or a sum (NULL, as JDBC's getLong reads it, is 0). */
  private static long number(Row row, int column) {
    Long value = row.getLong(column);
    return value == null ? 0 : value;
  }

  /** Today's admitted scans of one day, in order: [at, people in (+) or out (−), companions included]. */
  Future<List<long[]>> movements(LocalDate day) {
    return MOVEMENTS.execute(readers, Map.of("day", day.toString())).map(rows -> {
      List<long[]> out = new ArrayList<>();
      // A visitor and their companions enter together, and leave together.
      rows.forEach(row -> out.add(new long[]{row.getLong(0),
          ("in".equals(row.getString(1)) ? 1 : -1) * (1L + row.getInteger(2))}));
      return out;
    });
  }

  /** What the rollup job needs: the first day with records, built days, days touched since a build. */
  record Plan(LocalDate first, TreeSet<LocalDate> built, TreeSet<LocalDate> touched) {}

  Future<Plan> plan() {
    return Database.snapshot(readers, conn -> {
      Future<LocalDate> first = Future.succeededFuture(null);
      for (NamedSql min : FIRST_DAYS) {
        first = first.compose(earliest -> min.execute(conn, Map.of()).map(rows -> {
          String text = rows.iterator().next().getString(0);
          LocalDate d = text == null ? null : LocalDate.parse(text);
          return d != null && (earliest == null || d.isBefore(earliest)) ? d : earliest;
        }));
      }
      return first.compose(earliest -> BUILT.execute(conn, Map.of()).compose(rows -> {
        TreeSet<LocalDate> built = new TreeSet<>();
        long lastBuild = 0;
        for (Row row : rows) {
          built.add(LocalDate.parse(row.getString(0)));
          lastBuild = Math.min(lastBuild == 0 ? Long.MAX_VALUE : lastBuild, row.getLong(1));
        }
        if (built.isEmpty()) {
          return Future.succeededFuture(new Plan(earliest, built, new TreeSet<>()));
        }
        return TOUCHED.execute(conn, Map.of("lastBuild", lastBuild)).map(touchedRows -> {
          TreeSet<LocalDate> touched = new TreeSet<>();
          touchedRows.forEach(row -> touched.add(LocalDate.parse(row.getString(0))));
          return new Plan(earliest, built, touched);
        });
      }));
    });
  }

  /** Rebuilds the rollups of the days from..to (all closed) in one write transaction. */
  Future<Void> build(LocalDate from, LocalDate to, long now) {
    List<Rollups.Step> steps = rollups.steps(from, to, now);
    return Database.transaction(pool, conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (Rollups.Step step : steps) {
        for (Map<String, Object> params : step.runs()) {
          chain = chain.compose(v -> step.statement().execute(conn, params).mapEmpty());
        }
      }
      return chain;
    });
  }
}
