package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The calls shown on screens, read back from the store (a reconnecting screen, a restart): each ticket once, by its
 * latest call, while it is still at the counter that called it, or, for a transfer, until the other service calls
 * it or it is finished.
 */
public final class CallLog {
  /** One stored call; {@code transferTo} is set for a transfer. */
  public record StoredCall(long ticketId, String ticket, String service, String counter, Instant at, String kind,
      JsonObject transferTo) {}

  private final SqlTemplate<Map<String, Object>, RowSet<StoredCall>> latest;

  public CallLog(Pool pool) {
    latest = SqlTemplate.forQuery(pool, Sql.LATEST).mapTo(r -> {
      String transfer = r.getString("transfer_to");
      return new StoredCall(r.getLong("ticket_id"), r.getString("ticket"), r.getString("service"),
          r.getString("counter"), Instant.ofEpochMilli(r.getLong("at")), r.getString("kind"),
          transfer == null ? null : new JsonObject(transfer));
    });
  }

  /** The day's current calls of these services, newest first, each ticket once. */
  public Future<List<StoredCall>> latest(LocalDate day, Collection<String> services, int limit) {
    if (services.isEmpty() || limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    return latest.execute(Map.of("day", day.toString(),
        "services", new JsonArray(new ArrayList<Object>(services)).encode(), "limit", limit)).map(Rows::list);
  }

  /** SQLite's own here, in one place: the services bound as one JSON array (json_each). */
  static final class Sql {
    private Sql() {}

    static final String LATEST = """
        SELECT c.ticket_id, c.ticket, c.service, c.counter, c.at, c.kind, c.transfer_to
        FROM calls c JOIN tickets t ON t.id = c.ticket_id
        WHERE c.local_date = #{day} AND c.service IN (SELECT value FROM json_each(#{services}))
          AND c.id = (SELECT MAX(l.id) FROM calls l WHERE l.ticket_id = c.ticket_id)
          AND ((c.kind = 'transfer' AND t.status = 'waiting')
            OR (c.kind <> 'transfer' AND t.status = 'called' AND t.counter = c.counter))
        ORDER BY c.at DESC, c.id DESC LIMIT #{limit}""";
  }
}
