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
 * transaction, and recorded in {@code schema_version}: an upgrade only ever adds what is missing.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private static final int MAX_GAP = 5;

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
              rows.forEach(r -> applied.add(r.getInteger("version")));
              return applied;
            })
            .compose(applied -> applyMissing(pool, all, applied)));
  }

  /**
   * Applies every migration not recorded yet, in order. Features number their migrations in
   * parallel branches, so a number may arrive after a higher one was applied: versions are
   * compared as a set, not against the highest.
   */
  private static Future<Void> applyMissing(Pool pool, List<Migration> all, java.util.Set<Integer> applied) {
    Future<Void> chain = Future.succeededFuture();
    for (Migration m : all) {
      if (!applied.contains(m.version())) {
        chain = chain.compose(v -> pool.withTransaction(conn -> run(conn, m)))
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

  static List<Migration> load() {
    List<Migration> all = new ArrayList<>();
    // Numbers reserved by a feature not merged yet leave gaps: look a little past each gap.
    for (int n = 1, missing = 0; missing < MAX_GAP; n++) {
      String name = "db/migrations/%03d.sql".formatted(n);
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          missing++;
          continue;
        }
        missing = 0;
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        all.add(new Migration(n, statements(text)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

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
