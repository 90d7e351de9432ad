package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.ConvocationIssuer;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Convocations as issued: reprints give the same code, manual codes are looked up here. */
final class ConvocationRepository {
  /** One issued convocation. */
  record Stored(String kind, long convocationId, String keyId, String code, String manualCode) {}

  private static final String COLUMNS = "SELECT kind, convocation_id, key_id, code, manual_code FROM convocations ";
  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO convocations (kind, convocation_id, key_id, code, manual_code, issued_at)
      VALUES (#{kind}, #{id}, #{keyId}, #{code}, #{manualCode}, #{now})""");
  /** Rows a batch insert sends at once: an import of 50,000 rows makes 50 round trips, not 50,000. */
  private static final int BATCH = 1_000;

  private final SqlTemplate<Map<String, Object>, RowSet<Stored>> ofTarget;
  private final SqlTemplate<Map<String, Object>, RowSet<Stored>> byManualCode;

  ConvocationRepository(Pool pool) {
    ofTarget = SqlTemplate.forQuery(pool, COLUMNS + "WHERE kind = #{kind} AND convocation_id = #{id} ORDER BY id DESC")
        .mapTo(ConvocationRepository::map);
    byManualCode = SqlTemplate.forQuery(pool, COLUMNS + "WHERE manual_code = #{code}")
        .mapTo(ConvocationRepository::map);
  }

  private static Stored map(Row row) {
    return new Stored(row.getString("kind"), row.getLong("convocation_id"), row.getString("key_id"),
        row.getString("code"), row.getString("manual_code"));
  }

  /** Every code issued for one appointment or invitation, the latest first. */
  Future<List<Stored>> ofTarget(String kind, long id) {
    return ofTarget.execute(Map.of("kind", kind, "id", id)).map(Rows::list);
  }

  Future<Optional<Stored>> byManualCode(String manualCode) {
    return byManualCode.execute(Map.of("code", manualCode)).map(Rows::first);
  }

  /** On a transaction's connection: the codes issued for these, by {@code kind:id}, the latest first. */
  Future<Map<String, List<Stored>>> ofTargets(SqlConnection conn, List<ConvocationIssuer.Due> due) {
    Map<String, List<Object>> ids = new LinkedHashMap<>();
    due.forEach(d -> ids.computeIfAbsent(Target.code(d.kind()), k -> new ArrayList<>()).add(d.id()));
    Map<String, List<Stored>> found = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, List<Object>> kind : ids.entrySet()) {
      for (int from = 0; from < kind.getValue().size(); from += 500) {
        List<Object> chunk = kind.getValue().subList(from, Math.min(kind.getValue().size(), from + 500));
        Map<String, Object> params = Map.of("kind", kind.getKey(), "ids",
            new JsonArray(new ArrayList<>(chunk)).encode());
        chain = chain.compose(v -> Sql.OF_TARGETS.execute(conn, params).map(rows -> {
          rows.forEach(row -> {
            Stored s = map(row);
            found.computeIfAbsent(s.kind() + ":" + s.convocationId(), k -> new ArrayList<>()).add(s);
          });
          return null;
        }));
      }
    }
    return chain.map(v -> found);
  }

  /**
   * On a transaction's connection, in batches. A manual code already another's (40 bits: about one in a trillion)
   * fails the transaction with 409 {@code manual_code_clash}: it must never pass unseen.
   */
  Future<Void> insert(SqlConnection conn, List<Stored> stored, long now) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < stored.size(); from += BATCH) {
      List<Tuple> batch = stored.subList(from, Math.min(stored.size(), from + BATCH)).stream()
          .map(s -> INSERT.tuple(Params.of("kind", s.kind(), "id", s.convocationId(), "keyId", s.keyId(), "code",
              s.code(), "manualCode", s.manualCode(), "now", now)))
          .toList();
      chain = chain.compose(v -> conn.preparedQuery(INSERT.sql()).executeBatch(batch).<Void>mapEmpty()
          .recover(failure -> Future.failedFuture(String.valueOf(failure.getMessage()).contains("UNIQUE")
              ? ApiException.conflict("manual_code_clash", "Manual code clash; rotate the key and try again")
              : failure)));
    }
    return chain;
  }

  /** SQLite's own here, in one place: a list of ids bound as one JSON array (json_each). */
  static final class Sql {
    private Sql() {}

    static final NamedSql OF_TARGETS = NamedSql.of(COLUMNS
        + "WHERE kind = #{kind} AND convocation_id IN (SELECT value FROM json_each(#{ids})) ORDER BY id DESC");
  }
}
