package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** When each screen was last connected, kept in the store so that any node can tell who is online. */
final class ContactRepository {
  private static final NamedSql UPSERT = NamedSql.of("""
      INSERT INTO screen_contacts (screen, last_seen) VALUES (#{screen}, #{now})
      ON CONFLICT (screen) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen)""");

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<Map.Entry<String, Instant>>> all;

  ContactRepository(Pool pool) {
    this.pool = pool;
    all = SqlTemplate.forQuery(pool, "SELECT screen, last_seen FROM screen_contacts")
        .mapTo(row -> Map.entry(row.getString("screen"), Instant.ofEpochMilli(row.getLong("last_seen"))));
  }

  /** Records that these screens were in contact at {@code now}, in one transaction. */
  Future<Void> touch(Collection<String> screens, Instant now) {
    if (screens.isEmpty()) {
      return Future.succeededFuture();
    }
    return Database.transaction(pool, conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (String screen : screens) {
        chain = chain
            .compose(v -> UPSERT.execute(conn, Map.of("screen", screen, "now", now.toEpochMilli())).mapEmpty());
      }
      return chain;
    });
  }

  Future<Map<String, Instant>> lastSeen() {
    return all.execute(Map.of()).map(Rows::map);
  }
}
