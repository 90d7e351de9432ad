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

/** The calls shown on screens, read back from the store (a reconnecting screen, a restart). */
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

  /** The day's latest calls of these services, newest first. */
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
        SELECT ticket_id, ticket, service, counter, at, kind, transfer_to FROM calls
        WHERE local_date = #{day} AND service IN (SELECT value FROM json_each(#{services}))
        ORDER BY at DESC, id DESC LIMIT #{limit}""";
  }
}
