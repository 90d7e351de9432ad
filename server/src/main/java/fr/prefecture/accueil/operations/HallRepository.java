package fr.prefecture.accueil.operations;

import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the hall looks like now, read from the store: who waits since when, which counters serve, the calls. */
final class HallRepository {
  /** Visitors waiting for a service, and since when the first of them waits (epoch ms). */
  record Waiting(String service, int count, long since) {}

  /** Calls of one counter of a service since a given instant, by kind (call, recall, transfer). */
  record Calls(String service, String counter, String kind, int count) {}

  private final SqlTemplate<Map<String, Object>, RowSet<Waiting>> waiting;
  private final SqlTemplate<Map<String, Object>, RowSet<String>> busy;
  private final SqlTemplate<Map<String, Object>, RowSet<Calls>> calls;

  HallRepository(Pool pool) {
    waiting = SqlTemplate.forQuery(pool, Sql.WAITING)
        .mapTo(r -> new Waiting(r.getString("service"), r.getInteger("n"), r.getLong("since")));
    busy = SqlTemplate.forQuery(pool, Sql.BUSY).mapTo(r -> r.getString("counter"));
    calls = SqlTemplate.forQuery(pool, Sql.CALLS).mapTo(r -> new Calls(r.getString("service"),
        r.getString("counter"), r.getString("kind"), r.getInteger("n")));
  }

  /**
   * The day's waiting visitors by service: waiting tickets, and visitors admitted at the gate whose ticket the queue
   * has not made yet (so an admission shows at once). A row per part: the caller adds them up.
   */
  Future<List<Waiting>> waiting(LocalDate day) {
    return waiting.execute(Map.of("day", day.toString())).map(Rows::list);
  }

  /** The counters serving a ticket now. */
  Future<List<String>> busy(LocalDate day) {
    return busy.execute(Map.of("day", day.toString())).map(Rows::list);
  }

  Future<List<Calls>> callsSince(LocalDate day, Instant since) {
    return calls.execute(Map.of("day", day.toString(), "since", since.toEpochMilli())).map(Rows::list);
  }

  /**
   * SQLite's own here, in one place: the two-argument MAX is its "greatest". A wait starts as the waiting-time
   * indicator says (the later of arrival and appointment, of issue and slot, the issue for a walk-in), or at the
   * transfer for a ticket sent from another service.
   */
  static final class Sql {
    private Sql() {}

    static final String WAITING = """
        SELECT t.service AS service, COUNT(*) AS n,
          MIN(MAX(COALESCE(t.transferred_at, 0), CASE t.kind
            WHEN 'appointment' THEN MAX(COALESCE(a.arrived_at, t.issued_at), COALESCE(a.start_at, t.due_at))
            WHEN 'slot' THEN MAX(t.issued_at, COALESCE(t.slot_start, t.issued_at))
            ELSE t.issued_at END)) AS since
        FROM tickets t LEFT JOIN appointments a ON a.id = t.appointment_id
        WHERE t.local_date = #{day} AND t.status = 'waiting'
        GROUP BY t.service
        UNION ALL
        SELECT a.service, COUNT(*), MIN(MAX(a.arrived_at, a.start_at))
        FROM appointments a
        WHERE a.local_date = #{day} AND a.arrived_at IS NOT NULL AND a.status <> 'cancelled'
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.appointment_id = a.id)
        GROUP BY a.service""";

    static final String BUSY = """
        SELECT counter FROM tickets WHERE local_date = #{day} AND status = 'called' AND counter IS NOT NULL""";

    static final String CALLS = """
        SELECT service, counter, kind, COUNT(*) AS n FROM calls
        WHERE local_date = #{day} AND at > #{since} AND counter IS NOT NULL
        GROUP BY service, counter, kind""";
  }
}
