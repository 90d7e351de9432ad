package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.db.NamedSql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The one published snapshot of the busy and quiet hours, kept in the store: every node shows the same. */
final class AffluenceStore {
  /** A snapshot and the last day it covers. */
  record Snapshot(LocalDate windowTo, JsonObject body) {}

  private static final NamedSql READ = NamedSql.of("SELECT window_to, body FROM affluence WHERE id = 1");
  private static final NamedSql WRITE = NamedSql.of("""
      INSERT INTO affluence (id, window_to, computed_at, body) VALUES (1, #{windowTo}, #{computedAt}, #{body})
      ON CONFLICT (id) DO UPDATE SET window_to = excluded.window_to, computed_at = excluded.computed_at,
        body = excluded.body""");

  private final Pool pool;

  AffluenceStore(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<Snapshot>> read() {
    return READ.execute(pool, Map.of()).map(rows -> {
      if (rows.size() == 0) {
        return Optional.<Snapshot>empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Snapshot(LocalDate.parse(row.getString(0)), new JsonObject(row.getString(1))));
    });
  }

  Future<Void> write(LocalDate windowTo, long computedAt, JsonObject body) {
    return WRITE.execute(pool, Map.of("windowTo", windowTo.toString(), "computedAt", computedAt, "body",
        body.encode())).mapEmpty();
  }
}
