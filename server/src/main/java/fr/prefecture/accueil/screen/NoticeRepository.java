package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notices written by managers; a deleted notice keeps its row (who deleted it, when). */
final class NoticeRepository {
  private static final String COLUMNS = "id, text_fr, text_en, from_at, to_at, zones, priority, created_at, created_by";

  private final SqlTemplate<Map<String, Object>, RowSet<Long>> insert;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> delete;
  private final SqlTemplate<Map<String, Object>, RowSet<Notice>> current;

  NoticeRepository(Pool pool) {
    insert = SqlTemplate.forQuery(pool, """
        INSERT INTO notices (text_fr, text_en, from_at, to_at, zones, priority, created_at, created_by)
        VALUES (#{fr}, #{en}, #{from}, #{to}, #{zones}, #{priority}, #{now}, #{by}) RETURNING id""")
        .mapTo(row -> row.getLong("id"));
    delete = SqlTemplate.forUpdate(pool, """
        UPDATE notices SET deleted_at = #{now}, deleted_by = #{by} WHERE id = #{id} AND deleted_at IS NULL""");
    current = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM notices WHERE deleted_at IS NULL AND to_at > #{now} ORDER BY from_at, id")
        .mapTo(NoticeRepository::map);
  }

  private static Notice map(Row row) {
    return new Notice(row.getLong("id"), row.getString("text_fr"), row.getString("text_en"),
        Instant.ofEpochMilli(row.getLong("from_at")), Instant.ofEpochMilli(row.getLong("to_at")),
        Stored.zones(row.getString("zones")), row.getString("priority"),
        Instant.ofEpochMilli(row.getLong("created_at")), row.getString("created_by"));
  }

  Future<Long> create(String fr, String en, Instant from, Instant to, List<String> zones, String priority,
      Instant now, String by) {
    return insert.execute(Params.of("fr", fr, "en", en, "from", from.toEpochMilli(), "to", to.toEpochMilli(),
        "zones", new JsonArray(zones).encode(), "priority", priority, "now", now.toEpochMilli(), "by", by))
        .map(rows -> rows.iterator().next());
  }

  Future<Boolean> delete(long id, Instant now, String by) {
    return delete.execute(Params.of("id", id, "now", now.toEpochMilli(), "by", by)).map(r -> r.rowCount() > 0);
  }

  /** Notices not deleted and not over: the ones showing now and the ones to come. */
  Future<List<Notice>> current(Instant now) {
    return current.execute(Map.of("now", now.toEpochMilli())).map(Rows::list);
  }
}
