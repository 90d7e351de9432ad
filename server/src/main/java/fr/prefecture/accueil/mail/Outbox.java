package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.appointment.Appointment;
import fr.prefecture.accueil.appointment.VisitorMessages;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.events.Events;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox: messages written on the transaction that causes them, then sent by the {@link MailWorker}. The
 * Message-ID is chosen when the message is written, so every try carries the same.
 */
final class Outbox implements VisitorMessages {
  /** One message as stored. */
  record Message(long id, String kind, Long appointmentId, String recipient, String subject, JsonObject payload,
      String messageId, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
      Instant sentAt) {}

  static final String CONVOCATION = "convocation";
  static final String MOVED = "convocation_moved";
  private static final String COLUMNS = """
      SELECT id, kind, appointment_id, recipient, subject, payload, message_id, status, attempts, next_attempt_at,
        last_error, created_at, sent_at FROM outbox""";
  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO outbox (kind, appointment_id, recipient, subject, payload, message_id, next_attempt_at, created_at)
      VALUES (#{kind}, #{appointment}, #{recipient}, #{subject}, #{payload}, #{messageId}, #{now}, #{now})""");
  /** A message not sent yet for an appointment that moved again would give the visitor the wrong time. */
  private static final NamedSql SUPERSEDE = NamedSql.of("""
      UPDATE outbox SET status = 'expired', last_error = 'superseded by a later message'
      WHERE appointment_id = #{appointment} AND status = 'queued'""");
  private static final int BATCH = 1_000;

  private final Vertx vertx;
  private final ConvocationMail mails;
  private final String domain;
  private final SqlTemplate<Map<String, Object>, RowSet<Message>> due;
  private final SqlTemplate<Map<String, Object>, RowSet<Message>> latest;
  private final SqlTemplate<Map<String, Object>, RowSet<Message>> byId;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> sent;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> retry;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> close;

  Outbox(Vertx vertx, Pool pool, ConvocationMail mails, String domain) {
    this.vertx = vertx;
    this.mails = mails;
    this.domain = domain;
    due = SqlTemplate.forQuery(pool, COLUMNS
        + " WHERE status = 'queued' AND next_attempt_at <= #{now} ORDER BY next_attempt_at, id LIMIT #{limit}")
        .mapTo(Outbox::map);
    latest = SqlTemplate.forQuery(pool, COLUMNS + " ORDER BY id DESC LIMIT #{limit}").mapTo(Outbox::map);
    byId = SqlTemplate.forQuery(pool, COLUMNS + " WHERE id = #{id}").mapTo(Outbox::map);
    sent = SqlTemplate.forUpdate(pool, """
        UPDATE outbox SET status = 'sent', sent_at = #{now}, attempts = attempts + 1, last_error = NULL
        WHERE id = #{id} AND status = 'queued'""");
    retry = SqlTemplate.forUpdate(pool, """
        UPDATE outbox SET attempts = #{attempts}, next_attempt_at = #{next}, last_error = #{error}, status = #{status}
        WHERE id = #{id} AND status = 'queued'""");
    close = SqlTemplate.forUpdate(pool, """
        UPDATE outbox SET status = #{status}, last_error = #{error} WHERE id = #{id} AND status = 'queued'""");
  }

  private static Message map(Row row) {
    Long sentAt = row.getLong("sent_at");
    return new Message(row.getLong("id"), row.getString("kind"), row.getLong("appointment_id"),
        row.getString("recipient"), row.getString("subject"), new JsonObject(row.getString("payload")),
        row.getString("message_id"), row.getString("status"), row.getInteger("attempts"),
        Instant.ofEpochMilli(row.getLong("next_attempt_at")), row.getString("last_error"),
        Instant.ofEpochMilli(row.getLong("created_at")), sentAt == null ? null : Instant.ofEpochMilli(sentAt));
  }

  @Override
  public Future<Integer> enqueue(SqlConnection conn, List<Stored> stored, long now) {
    if (stored.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> moved = stored.stream().filter(s -> s.before() != null)
        .map(s -> SUPERSEDE.tuple(Map.of("appointment", s.appointment().id()))).toList();
    Future<Void> superseded = moved.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(SUPERSEDE.sql()).executeBatch(moved).mapEmpty();
    // Subjects and payloads for up to 50,000 imported rows: CPU work, off the event loop.
    return superseded.compose(v -> vertx.executeBlocking(() -> stored.stream().map(s -> INSERT.tuple(insert(s, now)))
        .toList(), false)).compose(rows -> {
          Future<Void> chain = Future.succeededFuture();
          for (int from = 0; from < rows.size(); from += BATCH) {
            List<Tuple> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            chain = chain.compose(v -> conn.preparedQuery(INSERT.sql()).executeBatch(batch).mapEmpty());
          }
          return chain.map(v -> rows.size());
        });
  }

  private Map<String, Object> insert(Stored s, long now) {
    Appointment a = s.appointment();
    JsonObject payload = new JsonObject().put("name", a.visitorName()).put("service", a.service())
        .put("start", a.start().toEpochMilli()).put("durationMinutes", a.durationMinutes())
        .put("code", s.convocation().code()).put("manualCode", s.convocation().manualCode());
    if (s.before() != null) {
      payload.put("before", new JsonObject().put("service", s.before().service())
          .put("start", s.before().start().toEpochMilli()));
    }
    return Params.of("kind", s.before() == null ? CONVOCATION : MOVED, "appointment", a.id(), "recipient", a.email(),
        "subject", mails.subject(payload), "payload", payload.encode(),
        "messageId", "<" + UUID.randomUUID() + "@" + domain + ">", "now", now);
  }

  @Override
  public void nudge() {
    vertx.eventBus().publish(Events.OUTBOX, new JsonObject());
  }

  Future<List<Message>> due(Instant now, int limit) {
    return due.execute(Map.of("now", now.toEpochMilli(), "limit", limit)).map(Rows::list);
  }

  Future<List<Message>> latest(int limit) {
    return latest.execute(Map.of("limit", limit)).map(Rows::list);
  }

  Future<Optional<Message>> find(long id) {
    return byId.execute(Map.of("id", id)).map(Rows::first);
  }

  Future<Void> sent(long id, Instant now) {
    return sent.execute(Map.of("id", id, "now", now.toEpochMilli())).mapEmpty();
  }

  /** A failed try: tried again later, or failed for good when it was the last. */
  Future<Void> failed(Message m, int attempts, Instant next, boolean last, String error) {
    return retry.execute(Params.of("id", m.id(), "attempts", attempts, "next", next.toEpochMilli(), "error", error,
        "status", last ? "failed" : "queued")).mapEmpty();
  }

  Future<Void> expired(long id, String why) {
    return close.execute(Map.of("id", id, "status", "expired", "error", why)).mapEmpty();
  }
}
