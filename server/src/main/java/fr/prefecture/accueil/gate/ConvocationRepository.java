package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.Optional;

/** Convocations as issued: reprints give the same code, manual codes are looked up here. */
final class ConvocationRepository {
  /** One issued convocation. */
  record Stored(String kind, long convocationId, String keyId, String code, String manualCode) {}

  private final SqlTemplate<Map<String, Object>, RowSet<Stored>> latest;
  private final SqlTemplate<Map<String, Object>, RowSet<Stored>> byManualCode;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> insert;

  ConvocationRepository(Pool pool) {
    String columns = "SELECT kind, convocation_id, key_id, code, manual_code FROM convocations ";
    latest = SqlTemplate.forQuery(pool, columns
        + "WHERE kind = #{kind} AND convocation_id = #{id} ORDER BY id DESC LIMIT 1").mapTo(ConvocationRepository::map);
    byManualCode = SqlTemplate.forQuery(pool, columns + "WHERE manual_code = #{code}")
        .mapTo(ConvocationRepository::map);
    // Ed25519 is deterministic: two requests issuing the same convocation at once produce the same row.
    insert = SqlTemplate.forUpdate(pool, """
        INSERT INTO convocations (kind, convocation_id, key_id, code, manual_code, issued_at)
        VALUES (#{kind}, #{id}, #{keyId}, #{code}, #{manualCode}, #{now})
        ON CONFLICT (manual_code) DO NOTHING""");
  }

  private static Stored map(io.vertx.sqlclient.Row row) {
    return new Stored(row.getString("kind"), row.getLong("convocation_id"), row.getString("key_id"),
        row.getString("code"), row.getString("manual_code"));
  }

  Future<Optional<Stored>> latest(String kind, long id) {
    return latest.execute(Map.of("kind", kind, "id", id)).map(Rows::first);
  }

  Future<Optional<Stored>> byManualCode(String manualCode) {
    return byManualCode.execute(Map.of("code", manualCode)).map(Rows::first);
  }

  Future<Void> save(Stored stored, long now) {
    return insert.execute(Params.of("kind", stored.kind(), "id", stored.convocationId(), "keyId", stored.keyId(),
        "code", stored.code(), "manualCode", stored.manualCode(), "now", now)).mapEmpty();
  }

}
