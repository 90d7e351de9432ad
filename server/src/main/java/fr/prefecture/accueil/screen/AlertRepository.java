package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Crisis alerts: raised, ended (by a person, a CAP message or expiry), read back for the screens. */
final class AlertRepository {
  private static final String COLUMNS = """
      id, source, headline_fr, headline_en, message_fr, message_en, instruction_fr, instruction_en, severity, zones,
      raised_at, raised_by, expires_at, ended_at, ended_by, end_reason, cap_sender, cap_identifier""";
  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO alerts (source, headline_fr, headline_en, message_fr, message_en, instruction_fr, instruction_en,
        severity, zones, raised_at, local_date, raised_by, expires_at, cap_sender, cap_identifier)
      VALUES (#{source}, #{headlineFr}, #{headlineEn}, #{messageFr}, #{messageEn}, #{instructionFr}, #{instructionEn},
        #{severity}, #{zones}, #{raisedAt}, #{day}, #{raisedBy}, #{expires}, #{capSender}, #{capIdentifier})
      RETURNING id""");
  private static final NamedSql END_BY_CAP = NamedSql.of("""
      UPDATE alerts SET ended_at = #{now}, ended_by = #{by}, end_reason = #{reason}
      WHERE cap_sender = #{sender} AND cap_identifier = #{identifier} AND ended_at IS NULL RETURNING id""");

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredAlert>> open;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredAlert>> recent;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredAlert>> byId;
  private final SqlTemplate<Map<String, Object>, RowSet<StoredAlert>> byCap;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> end;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> expired;

  AlertRepository(Pool pool) {
    this.pool = pool;
    open = SqlTemplate
        .forQuery(pool, "SELECT " + COLUMNS + " FROM alerts WHERE ended_at IS NULL ORDER BY raised_at, id")
        .mapTo(AlertRepository::map);
    recent = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM alerts ORDER BY (ended_at IS NULL) DESC, raised_at DESC, id DESC LIMIT #{limit}")
        .mapTo(AlertRepository::map);
    byId = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS + " FROM alerts WHERE id = #{id}")
        .mapTo(AlertRepository::map);
    byCap = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM alerts WHERE cap_sender = #{sender} AND cap_identifier = #{identifier}").mapTo(AlertRepository::map);
    end = SqlTemplate.forQuery(pool, """
        UPDATE alerts SET ended_at = #{now}, ended_by = #{by}, end_reason = #{reason}
        WHERE id = #{id} AND ended_at IS NULL RETURNING id""").mapTo(row -> row.getLong("id"));
    expired = SqlTemplate.forQuery(pool, """
        SELECT id FROM alerts WHERE ended_at IS NULL AND expires_at IS NOT NULL AND expires_at <= #{now}""")
        .mapTo(row -> row.getLong("id"));
  }

  private static StoredAlert map(Row row) {
    return new StoredAlert(row.getLong("id"), row.getString("source"), row.getString("headline_fr"),
        row.getString("headline_en"), row.getString("message_fr"), row.getString("message_en"),
        row.getString("instruction_fr"), row.getString("instruction_en"), row.getString("severity"),
        Stored.zones(row.getString("zones")), Instant.ofEpochMilli(row.getLong("raised_at")),
        row.getString("raised_by"),
        Stored.instant(row.getLong("expires_at")), Stored.instant(row.getLong("ended_at")), row.getString("ended_by"),
        row.getString("end_reason"), row.getString("cap_sender"), row.getString("cap_identifier"));
  }

  /** What a new alert is made of; {@code capSender}/{@code capIdentifier} null for an alert typed by staff. */
  record NewAlert(String source, String headlineFr, String headlineEn, String messageFr, String messageEn,
      String instructionFr, String instructionEn, String severity, List<String> zones, Instant raisedAt,
      LocalDate day, String raisedBy, Instant expires, String capSender, String capIdentifier) {}

  /** A CAP message's effect: alerts ended by its references, then the alert it raises (if any). */
  record CapOutcome(List<Long> ended, Optional<Long> raised) {}

  Future<Long> insert(NewAlert alert) {
    return INSERT.execute(pool, params(alert)).map(AlertRepository::id);
  }

  /** Ends the alerts the message refers to and raises its own, in one transaction. */
  Future<CapOutcome> applyCap(List<String[]> references, String endedBy, String reason, Instant now, NewAlert raise) {
    return Database.transaction(pool, conn -> {
      List<Long> ended = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (String[] ref : references) {
        chain = chain.compose(v -> endByCap(conn, ref[0], ref[1], endedBy, reason, now)).map(ids -> {
          ended.addAll(ids);
          return null;
        });
      }
      return chain.compose(v -> raise == null ? Future.succeededFuture(Optional.<Long>empty())
          : INSERT.execute(conn, params(raise)).map(rows -> Optional.of(id(rows))))
          .map(raised -> new CapOutcome(ended, raised));
    });
  }

  private static Future<List<Long>> endByCap(SqlClient conn, String sender, String identifier, String by, String reason,
      Instant now) {
    return END_BY_CAP.execute(conn, Params.of("sender", sender, "identifier", identifier, "by", by,
        "reason", reason, "now", now.toEpochMilli())).map(rows -> Rows.list(rows, row -> row.getLong("id")));
  }

  private static long id(RowSet<Row> inserted) {
    return inserted.iterator().next().getLong("id");
  }

  private static Map<String, Object> params(NewAlert a) {
    return Params.of("source", a.source(), "headlineFr", a.headlineFr(), "headlineEn", a.headlineEn(),
        "messageFr", a.messageFr(), "messageEn", a.messageEn(), "instructionFr", a.instructionFr(),
        "instructionEn", a.instructionEn(), "severity", a.severity(), "zones", new JsonArray(a.zones()).encode(),
        "raisedAt", a.raisedAt().toEpochMilli(), "day", a.day().toString(), "raisedBy", a.raisedBy(),
        "expires", a.expires() == null ? null : a.expires().toEpochMilli(), "capSender", a.capSender(),
        "capIdentifier", a.capIdentifier());
  }

  Future<List<StoredAlert>> open() {
    return open.execute(Map.of()).map(Rows::list);
  }

  Future<List<StoredAlert>> recent(int limit) {
    return recent.execute(Map.of("limit", limit)).map(Rows::list);
  }

  Future<Optional<StoredAlert>> find(long id) {
    return byId.execute(Map.of("id", id)).map(Rows::first);
  }

  Future<Optional<StoredAlert>> findCap(String sender, String identifier) {
    return byCap.execute(Map.of("sender", sender, "identifier", identifier)).map(Rows::first);
  }

  /** Ends an open alert; false when it was already ended. */
  Future<Boolean> end(long id, Instant now, String by, String reason) {
    return end.execute(Params.of("id", id, "now", now.toEpochMilli(), "by", by, "reason", reason))
        .map(rows -> rows.iterator().hasNext());
  }

  /** Open alerts whose expiry has passed. */
  Future<List<Long>> expired(Instant now) {
    return expired.execute(Map.of("now", now.toEpochMilli())).map(Rows::list);
  }

}
