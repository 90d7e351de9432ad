package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbered SQL files {@code db/migrations/001.sql, 002.sql, ...} applied in order, each in its own
 * transaction, and recorded in {@code schema_version}: an upgrade only ever applies what is missing.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  record Migration(int version, List<String> statements) {}

  static Future<Void> apply(Vertx vertx, Pool pool) {
    return vertx.executeBlocking(Migrations::load)
        .compose(all -> pool.query("""
            CREATE TABLE IF NOT EXISTS schema_version (
              version INTEGER PRIMARY KEY,
              applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))""").execute()
            .compose(v -> pool.query("SELECT version FROM schema_version").execute())
            .map(rows -> {
              java.util.Set<Integer> applied = new java.util.HashSet<>();
              rows.forEach(row -> applied.add(row.getInteger("version")));
              return applied;
            })
            .compose(applied -> applyMissing(pool, all, applied)));
  }

  private static Future<Void> applyMissing(Pool pool, List<Migration> all, java.util.Set<Integer> applied) {
    Future<Void> chain = Future.succeededFuture();
    for (Migration m : all) {
      if (!applied.contains(m.version())) {
        chain = chain.compose(v -> Database.transaction(pool, conn -> run(conn, m)))
            .onSuccess(v -> LOG.info("Applied migration {}", m.version()));
      }
    }
    return chain;
  }

  private static Future<Void> run(SqlConnection conn, Migration m) {
    Future<Void> chain = Future.succeededFuture();
    for (String sql : m.statements()) {
      chain = chain.compose(v -> conn.query(sql).execute().mapEmpty());
    }
    return chain.compose(v -> conn.preparedQuery("INSERT INTO schema_version(version) VALUES (?)")
        .execute(Tuple.of(m.version())).mapEmpty());
  }

  /** Numbers may have gaps (features developed side by side); each missing one is applied in order. */
  static List<Migration> load() {
    List<Migration> all = new ArrayList<>();
    for (int n = 1; n <= MAX_VERSION; n++) {
      String name = "db/migrations/%03d.sql".formatted(n);
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          continue;
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        all.add(new Migration(n, statements(text)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static final int MAX_VERSION = 200;

  /** Statements end with a semicolon at the end of a line; lines starting with -- are comments. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

}
