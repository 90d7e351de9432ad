package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Scan attempts at the gates, the presence they give, and the arrival mark on appointments. */
final class ScanRepository {
  /** One scan attempt to store; {@code response} is the answer given, returned again on a replay. */
  record Scan(String scanId, String gate, String direction, Instant at, LocalDate day, String decision,
      String reason, String kind, Long convocationId, String service, boolean manual, String staff, String input,
      String response, boolean offline, int companions, String serverDecision, String serverReason,
      boolean conflict, Instant recordedAt) {}

  /**
   * Today's admitted passages of one convocation, summed up: inside now (the last was an entry), since when and
   * through which gate; entered, whether any of them was an entry.
   */
  record Presence(String kind, long convocationId, boolean inside, Instant since, String gate, boolean entered,
      int companions) {}

  /** Today's admitted passages of one convocation; companions: those who entered with the visitor, when inside. */
  record Passages(boolean inside, boolean admittedToday, int companions) {}

  /** Someone inside now: the last admitted passage today was an entry. */
  record Inside(String kind, long convocationId, String name, String service, Instant since, String gate,
      int companions) {}

  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO scans (scan_id, gate, direction, at, local_date, decision, reason, kind, convocation_id,
        service, manual, staff, input, response, offline, companions, server_decision, server_reason, conflict,
        recorded_at)
      VALUES (#{scanId}, #{gate}, #{direction}, #{at}, #{day}, #{decision}, #{reason}, #{kind}, #{convocationId},
        #{service}, #{manual}, #{staff}, #{input}, #{response}, #{offline}, #{companions}, #{serverDecision},
        #{serverReason}, #{conflict}, #{recordedAt})
      ON CONFLICT (scan_id) DO NOTHING""");
  /**
   * Wrong manual codes of one guard or kiosk since an instant, by the server's own verdict and by the time each
   * reached the server (an offline replay's "at" is the kiosk's instant).
   */
  private static final NamedSql FAILED_MANUAL_CODES = NamedSql.of("""
      SELECT COUNT(*) FROM scans WHERE staff = #{staff} AND input = 'manual_code'
        AND COALESCE(recorded_at, at) > #{since}
        AND COALESCE(server_reason, reason) IN ('malformed', 'unknown_convocation')""");
  private static final NamedSql PASSAGES = NamedSql.of("""
      SELECT direction, companions FROM scans WHERE kind = #{kind} AND convocation_id = #{id} AND local_date = #{day}
        AND decision = 'admit' ORDER BY at, id""");
  private static final NamedSql PASSAGES_BEFORE = NamedSql.of("""
      SELECT direction, companions FROM scans WHERE kind = #{kind} AND convocation_id = #{id} AND local_date = #{day}
        AND decision = 'admit' AND at < #{at} ORDER BY at, id""");
  private static final NamedSql APPOINTMENT = NamedSql.of("""
      SELECT id, service, start_at, duration_minutes * 60000 + start_at AS end_at, status, visitor_name AS name,
        NULL AS event, NULL AS location FROM appointments WHERE id = #{id}""");
  private static final NamedSql INVITATION = NamedSql.of("""
      SELECT id, '' AS service, start_at, end_at, status, guest_name AS name, event, location
      FROM invitations WHERE id = #{id}""");
  private static final NamedSql APPOINTMENT_ARRIVED = NamedSql.of(
      "UPDATE appointments SET arrived_at = #{at} WHERE id = #{id} AND arrived_at IS NULL");
  private static final NamedSql INVITATION_ARRIVED = NamedSql.of(
      "UPDATE invitations SET arrived_at = #{at} WHERE id = #{id} AND arrived_at IS NULL");

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> admitted;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> manualCodes;
  private Future<Void> tail = Future.succeededFuture();
  private final SqlTemplate<Map<String, Object>, RowSet<String>> response;
  private final SqlTemplate<Map<String, Object>, RowSet<JsonObject>> onDay;
  private final SqlTemplate<Map<String, Object>, RowSet<Inside>> inside;

  ScanRepository(Pool pool) {
    this.pool = pool;
    response = SqlTemplate.forQuery(pool, "SELECT response FROM scans WHERE scan_id = #{scanId}")
        .mapTo(row -> row.getString("response"));
    onDay = SqlTemplate.forQuery(pool, """
        SELECT scan_id, gate, direction, at, decision, reason, kind, convocation_id, service, manual, staff, input,
          offline, companions, server_decision, server_reason, conflict FROM scans WHERE local_date = #{day}
        ORDER BY at, id""").mapTo(ScanRepository::logEntry);
    inside = SqlTemplate.forQuery(pool, """
        SELECT s.kind, s.convocation_id, s.at, s.gate, s.service, s.companions,
          COALESCE(a.visitor_name, i.guest_name) AS name
        FROM scans s
        LEFT JOIN appointments a ON s.kind = 'appointment' AND a.id = s.convocation_id
        LEFT JOIN invitations i ON s.kind = 'invitation' AND i.id = s.convocation_id
        WHERE s.local_date = #{day} AND s.decision = 'admit' AND s.direction = 'in'
          AND s.id = (SELECT l.id FROM scans l WHERE l.local_date = s.local_date AND l.kind = s.kind
            AND l.convocation_id = s.convocation_id AND l.decision = 'admit' ORDER BY l.at DESC, l.id DESC LIMIT 1)
        ORDER BY s.at, s.id""").mapTo(row -> new Inside(row.getString("kind"), row.getLong("convocation_id"),
        row.getString("name"), row.getString("service"), Instant.ofEpochMilli(row.getLong("at")),
        row.getString("gate"), row.getInteger("companions")));
    admitted = SqlTemplate.forQuery(pool, """
        SELECT kind, convocation_id, direction, at, gate, companions FROM scans
        WHERE local_date = #{day} AND decision = 'admit' AND kind IS NOT NULL ORDER BY at, id""")
        .mapTo(ScanRepository::row);
    manualCodes = SqlTemplate.forQuery(pool, """
        SELECT c.kind, c.convocation_id, c.manual_code FROM convocations c
        LEFT JOIN appointments a ON c.kind = 'appointment' AND a.id = c.convocation_id
        LEFT JOIN invitations i ON c.kind = 'invitation' AND i.id = c.convocation_id
        WHERE a.local_date IN (#{today}, #{tomorrow}) OR i.local_date IN (#{today}, #{tomorrow})""")
        .mapTo(ScanRepository::row);
  }

  /** Who passed today: for each convocation, whether its last admitted passage was an entry, and since when. */
  Future<List<Presence>> presence(LocalDate day) {
    return admitted.execute(Map.of("day", day.toString())).map(rows -> {
      Map<String, Presence> last = new java.util.LinkedHashMap<>();
      for (Row r : rows) {
        String kind = r.getString("kind");
        long id = r.getLong("convocation_id");
        boolean in = "in".equals(r.getString("direction"));
        Presence before = last.get(kind + ":" + id);
        last.put(kind + ":" + id, new Presence(kind, id, in, Instant.ofEpochMilli(r.getLong("at")),
            r.getString("gate"), in || before != null && before.entered(), r.getInteger("companions")));
      }
      return new ArrayList<>(last.values());
    });
  }

  /** The manual codes printed for the convocations of these two days: {kind:id → [codes]}. */
  Future<Map<String, List<String>>> manualCodes(LocalDate today) {
    return manualCodes.execute(Map.of("today", today.toString(), "tomorrow", today.plusDays(1).toString()))
        .map(rows -> {
          Map<String, List<String>> out = new java.util.HashMap<>();
          for (Row r : rows) {
            out.computeIfAbsent(r.getString("kind") + ":" + r.getLong("convocation_id"), k -> new ArrayList<>())
                .add(r.getString("manual_code"));
          }
          return out;
        });
  }

  private static Row row(Row row) {
    return row;
  }

  private static JsonObject logEntry(Row row) {
    JsonObject out = new JsonObject().put("scanId", row.getString("scan_id")).put("gate", row.getString("gate"))
        .put("direction", row.getString("direction")).put("at", Instant.ofEpochMilli(row.getLong("at")).toString())
        .put("decision", row.getString("decision")).put("reason", row.getString("reason"))
        .put("kind", row.getString("kind")).put("convocationId", row.getLong("convocation_id"))
        .put("service", row.getString("service")).put("manual", row.getInteger("manual") == 1)
        .put("staff", row.getString("staff")).put("input", row.getString("input"))
        .put("offline", row.getInteger("offline") == 1).put("companions", row.getInteger("companions"))
        .put("serverDecision", row.getString("server_decision")).put("serverReason", row.getString("server_reason"))
        .put("conflict", row.getInteger("conflict") == 1);
    return out;
  }

  /** The answer stored for this scanId, if that scan was already recorded. */
  Future<Optional<JsonObject>> response(String scanId) {
    return response.execute(Map.of("scanId", scanId)).map(rows -> Rows.first(rows).map(JsonObject::new));
  }

  Future<List<JsonObject>> onDay(LocalDate day) {
    return onDay.execute(Map.of("day", day.toString())).map(Rows::list);
  }

  Future<List<Inside>> inside(LocalDate day) {
    return inside.execute(Map.of("day", day.toString())).map(Rows::list);
  }

  /** Runs a scan's reads and writes in one write transaction, so that two gates never both admit one entry. */
  <T> Future<T> transaction(Function<Tx, Future<T>> work) {
    // One scan transaction at a time from this node: SQLite has one writer, and concurrent BEGIN IMMEDIATE
    // on several pooled connections wait in SQLite's sleeping busy handler (measured: p99 ten times worse).
    synchronized (this) {
      Future<T> mine = tail.transform(ignored -> Database.transaction(pool, conn -> work.apply(new Tx(conn))));
      tail = mine.mapEmpty();
      return mine;
    }
  }

  /** The reads and writes of one scan, on the connection holding the write lock. */
  static final class Tx {
    private final SqlConnection conn;

    Tx(SqlConnection conn) {
      this.conn = conn;
    }

    Future<Optional<Target>> target(ConvocationKind kind, long id) {
      NamedSql sql = kind == ConvocationKind.APPOINTMENT ? APPOINTMENT : INVITATION;
      return sql.execute(conn, Map.of("id", id)).map(rows -> Rows.first(rows, r -> new Target(kind, id,
          r.getString("service"), Instant.ofEpochMilli(r.getLong("start_at")),
          Instant.ofEpochMilli(r.getLong("end_at")), "cancelled".equals(r.getString("status")), r.getString("name"),
          r.getString("event"), r.getString("location"))));
    }

    Future<Passages> passages(ConvocationKind kind, long id, LocalDate day) {
      return passages(PASSAGES.execute(conn, Map.of("kind", Target.code(kind), "id", id, "day", day.toString())));
    }

    /** The passages recorded before an instant: what the gate knew when an offline scan happened. */
    Future<Passages> passagesBefore(ConvocationKind kind, long id, LocalDate day, Instant at) {
      return passages(PASSAGES_BEFORE.execute(conn, Map.of("kind", Target.code(kind), "id", id,
          "day", day.toString(), "at", at.toEpochMilli())));
    }

    private static Future<Passages> passages(Future<RowSet<Row>> query) {
      return query.map(rows -> {
        String last = null;
        boolean entered = false;
        int companions = 0;
        for (Row row : rows) {
          last = row.getString("direction");
          entered |= "in".equals(last);
          companions = row.getInteger("companions");
        }
        return new Passages("in".equals(last), entered, "in".equals(last) ? companions : 0);
      });
    }

    Future<Long> failedManualCodes(String staff, Instant since) {
      return FAILED_MANUAL_CODES.execute(conn, Map.of("staff", staff, "since", since.toEpochMilli()))
          .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Stores the scan; false when a scan with this scanId is already stored (a replay that raced us). */
    Future<Boolean> insert(Scan s) {
      return INSERT.execute(conn, Params.of("scanId", s.scanId(), "gate", s.gate(), "direction", s.direction(),
          "at", s.at().toEpochMilli(), "day", s.day().toString(), "decision", s.decision(), "reason", s.reason(),
          "kind", s.kind(), "convocationId", s.convocationId(), "service", s.service(), "manual", s.manual() ? 1 : 0,
          "staff", s.staff(), "input", s.input(), "response", s.response(), "offline", s.offline() ? 1 : 0,
          "companions", s.companions(), "serverDecision", s.serverDecision(),
          "serverReason", s.serverReason(), "conflict", s.conflict() ? 1 : 0, "recordedAt",
          s.recordedAt().toEpochMilli()))
          .map(r -> r.rowCount() == 1);
    }

    /** Marks the first arrival; true when this call set it. */
    Future<Boolean> markArrived(ConvocationKind kind, long id, Instant at) {
      NamedSql sql = kind == ConvocationKind.APPOINTMENT ? APPOINTMENT_ARRIVED : INVITATION_ARRIVED;
      return sql.execute(conn, Map.of("at", at.toEpochMilli(), "id", id)).map(r -> r.rowCount() == 1);
    }
  }

}
