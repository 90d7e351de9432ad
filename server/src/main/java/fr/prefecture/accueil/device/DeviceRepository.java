package fr.prefecture.accueil.device;

import fr.prefecture.accueil.auth.Device;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.DeviceTokens;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Paired devices: pending pairings (hashed one-time code), live tokens (hashed), revocations. */
final class DeviceRepository implements DeviceTokens {
  /** Last use is written at most this often, so that a screen's requests do not turn reads into writes. */
  static final long TOUCH_EVERY_MILLIS = 60_000;

  private record Live(Device device, Long lastUsed) {}

  private final Clock clock;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> insert;
  private final SqlTemplate<Map<String, Object>, RowSet<Device>> pair;
  private final SqlTemplate<Map<String, Object>, RowSet<Live>> byToken;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> touch;
  private final SqlTemplate<Map<String, Object>, RowSet<JsonObject>> list;
  private final SqlTemplate<Map<String, Object>, RowSet<Device>> revoke;

  DeviceRepository(Pool pool, Clock clock) {
    this.clock = clock;
    insert = SqlTemplate.forQuery(pool, """
        INSERT INTO devices (kind, target, name, code_hash, code_expires_at, created_at, created_by)
        VALUES (#{kind}, #{target}, #{name}, #{codeHash}, #{expiresAt}, #{now}, #{by}) RETURNING id""")
        .mapTo(row -> row.getLong("id"));
    // One statement: the code is spent by the same write that stores the token, so it works once.
    pair = SqlTemplate.forQuery(pool, """
        UPDATE devices SET token_hash = #{tokenHash}, paired_at = #{now}, last_used_at = #{now},
          code_hash = NULL, code_expires_at = NULL
        WHERE code_hash = #{codeHash} AND code_expires_at > #{now} AND revoked_at IS NULL AND token_hash IS NULL
        RETURNING id, kind, target, name""").mapTo(DeviceRepository::device);
    byToken = SqlTemplate.forQuery(pool, """
        SELECT id, kind, target, name, last_used_at FROM devices WHERE token_hash = #{hash} AND revoked_at IS NULL""")
        .mapTo(row -> new Live(device(row), row.getLong("last_used_at")));
    touch = SqlTemplate.forUpdate(pool, "UPDATE devices SET last_used_at = #{now} WHERE id = #{id}");
    list = SqlTemplate.forQuery(pool, """
        SELECT id, kind, target, name, code_expires_at, created_at, created_by, paired_at, last_used_at,
          revoked_at, revoked_by FROM devices ORDER BY id""").mapTo(DeviceRepository::json);
    revoke = SqlTemplate.forQuery(pool, """
        UPDATE devices SET revoked_at = #{now}, revoked_by = #{by}, code_hash = NULL, code_expires_at = NULL
        WHERE id = #{id} AND revoked_at IS NULL RETURNING id, kind, target, name""").mapTo(DeviceRepository::device);
  }

  private static Device device(Row row) {
    return new Device(row.getLong("id"), DeviceKind.parse(row.getString("kind")).orElseThrow(),
        row.getString("target"), row.getString("name"));
  }

  private static JsonObject json(Row row) {
    String kind = row.getString("kind");
    Long revoked = row.getLong("revoked_at");
    Long paired = row.getLong("paired_at");
    String state = revoked != null ? "revoked" : paired != null ? "paired" : "pending";
    return new JsonObject().put("id", row.getLong("id")).put("kind", kind)
        .put(kind.equals("screen") ? "screen" : "gate", row.getString("target")).put("name", row.getString("name"))
        .put("state", state).put("createdAt", iso(row.getLong("created_at")))
        .put("createdBy", row.getString("created_by"))
        .put("codeExpiresAt", iso(row.getLong("code_expires_at"))).put("pairedAt", iso(paired))
        .put("lastUsedAt", iso(row.getLong("last_used_at"))).put("revokedAt", iso(revoked))
        .put("revokedBy", row.getString("revoked_by"));
  }

  private static String iso(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }

  Future<Long> create(DeviceKind kind, String target, String name, String codeHash, Instant expiresAt, String by) {
    return insert.execute(Params.of("kind", kind.code(), "target", target, "name", name, "codeHash", codeHash,
        "expiresAt", expiresAt.toEpochMilli(), "now", clock.millis(), "by", by)).map(rows -> rows.iterator().next());
  }

  /** Spends a pairing code: the device now holds the token; empty for an unknown, used or expired code. */
  Future<Optional<Device>> pair(String codeHash, String tokenHash) {
    return pair.execute(Map.of("codeHash", codeHash, "tokenHash", tokenHash, "now", clock.millis()))
        .map(Rows::first);
  }

  @Override
  public Future<Optional<Device>> byTokenHash(String tokenHash) {
    return byToken.execute(Map.of("hash", tokenHash)).compose(rows -> {
      Optional<Live> live = Rows.first(rows);
      if (live.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      long now = clock.millis();
      Long last = live.get().lastUsed();
      Future<?> touched = last == null || now - last > TOUCH_EVERY_MILLIS
          ? touch.execute(Map.of("now", now, "id", live.get().device().id()))
          : Future.succeededFuture();
      return touched.map(v -> Optional.of(live.get().device()));
    });
  }

  Future<List<JsonObject>> list() {
    return list.execute(Map.of()).map(Rows::list);
  }

  /** Revokes a device (pending or paired); empty when unknown or already revoked. */
  Future<Optional<Device>> revoke(long id, String by) {
    return revoke.execute(Params.of("id", id, "by", by, "now", clock.millis())).map(Rows::first);
  }

}
