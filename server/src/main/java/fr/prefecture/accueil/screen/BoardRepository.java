package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.site.Site;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What managers post for the public besides notices: quarterly processing times and the state of services. */
final class BoardRepository {

  /** One quarter's average processing times, by procedure code. */
  record QuarterFigures(int year, int quarter, Map<String, Double> delays, Instant updatedAt, String updatedBy) {}

  /**
   * The announced state of a service; a moved service now receives at the configured place {@code movedToPlace}
   * (whose names, as they were then, are {@code movedToFr/En}; rows from before places have the names alone).
   */
  record ServiceState(String service, String status, String movedToFr, String movedToEn, String movedToPlace,
      Instant updatedAt, String updatedBy) {}

  private record DelayRow(int year, int quarter, String procedure, double days, Instant at, String by) {}

  private static final NamedSql DELETE_QUARTER = NamedSql.of(
      "DELETE FROM transparency_delays WHERE year = #{year} AND quarter = #{quarter}");
  private static final NamedSql INSERT_DELAY = NamedSql.of("""
      INSERT INTO transparency_delays (year, quarter, procedure, average_days, updated_at, updated_by)
      VALUES (#{year}, #{quarter}, #{procedure}, #{days}, #{now}, #{by})""");

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<DelayRow>> delays;
  private final SqlTemplate<Map<String, Object>, RowSet<ServiceState>> states;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> putState;
  private final SqlTemplate<Map<String, Object>, RowSet<Map.Entry<String, JsonArray>>> playlists;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> putPlaylist;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> clearPlaylist;
  private final SqlTemplate<Map<String, Object>, RowSet<Map.Entry<String, String>>> languageModes;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> putLanguageMode;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> clearLanguageMode;

  BoardRepository(Pool pool) {
    this.pool = pool;
    delays = SqlTemplate.forQuery(pool, """
        SELECT year, quarter, procedure, average_days, updated_at, updated_by FROM transparency_delays
        ORDER BY year DESC, quarter DESC, procedure""")
        .mapTo(row -> new DelayRow(row.getInteger("year"), row.getInteger("quarter"), row.getString("procedure"),
            row.getDouble("average_days"), Instant.ofEpochMilli(row.getLong("updated_at")),
            row.getString("updated_by")));
    states = SqlTemplate.forQuery(pool,
        """
            SELECT service, status, moved_to_fr, moved_to_en, moved_to_place, updated_at, updated_by
            FROM service_states ORDER BY service""")
        .mapTo(row -> new ServiceState(row.getString("service"), row.getString("status"), row.getString("moved_to_fr"),
            row.getString("moved_to_en"), row.getString("moved_to_place"),
            Instant.ofEpochMilli(row.getLong("updated_at")),
            row.getString("updated_by")));
    putState = SqlTemplate.forUpdate(pool, """
        INSERT INTO service_states (service, status, moved_to_fr, moved_to_en, moved_to_place, updated_at, updated_by)
        VALUES (#{service}, #{status}, #{fr}, #{en}, #{place}, #{now}, #{by})
        ON CONFLICT (service) DO UPDATE SET status = excluded.status, moved_to_fr = excluded.moved_to_fr,
          moved_to_en = excluded.moved_to_en, moved_to_place = excluded.moved_to_place,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by""");
    playlists = SqlTemplate.forQuery(pool, "SELECT screen, playlist FROM screen_playlists")
        .mapTo(row -> Map.entry(row.getString("screen"), new JsonArray(row.getString("playlist"))));
    putPlaylist = SqlTemplate.forUpdate(pool,
        """
            INSERT INTO screen_playlists (screen, playlist, changed_at, changed_by) VALUES (#{screen}, #{playlist}, #{now}, #{by})
            ON CONFLICT (screen) DO UPDATE SET playlist = excluded.playlist, changed_at = excluded.changed_at,
              changed_by = excluded.changed_by""");
    clearPlaylist = SqlTemplate.forUpdate(pool, "DELETE FROM screen_playlists WHERE screen = #{screen}");
    languageModes = SqlTemplate.forQuery(pool, "SELECT screen, languages FROM screen_languages")
        .mapTo(row -> Map.entry(row.getString("screen"), row.getString("languages")));
    putLanguageMode = SqlTemplate.forUpdate(pool,
        """
            INSERT INTO screen_languages (screen, languages, changed_at, changed_by) VALUES (#{screen}, #{languages}, #{now}, #{by})
            ON CONFLICT (screen) DO UPDATE SET languages = excluded.languages, changed_at = excluded.changed_at,
              changed_by = excluded.changed_by""");
    clearLanguageMode = SqlTemplate.forUpdate(pool, "DELETE FROM screen_languages WHERE screen = #{screen}");
  }

  /** Every quarter with figures, the latest first. */
  Future<List<QuarterFigures>> quarters() {
    return delays.execute(Map.of()).map(rows -> {
      Map<String, QuarterFigures> byQuarter = new LinkedHashMap<>();
      for (DelayRow r : rows) {
        QuarterFigures q = byQuarter.computeIfAbsent(r.year() + "-" + r.quarter(),
            k -> new QuarterFigures(r.year(), r.quarter(), new LinkedHashMap<>(), r.at(), r.by()));
        q.delays().put(r.procedure(), r.days());
      }
      return new ArrayList<>(byQuarter.values());
    });
  }

  /** Replaces the figures of one quarter, atomically. */
  Future<Void> putQuarter(int year, int quarter, Map<String, Double> figures, Instant now, String by) {
    return Database.transaction(pool, conn -> {
      Future<Void> chain = DELETE_QUARTER.execute(conn, Map.of("year", year, "quarter", quarter)).mapEmpty();
      for (Map.Entry<String, Double> f : figures.entrySet()) {
        Map<String, Object> params = Params.of("year", year, "quarter", quarter, "procedure", f.getKey(),
            "days", f.getValue(), "now", now.toEpochMilli(), "by", by);
        chain = chain.compose(v -> INSERT_DELAY.execute(conn, params).mapEmpty());
      }
      return chain;
    });
  }

  /** Playlists changed by managers, by screen id (JSON arrays of {layout, seconds}). */
  Future<Map<String, JsonArray>> playlists() {
    return playlists.execute(Map.of()).map(Rows::map);
  }

  Future<Void> putPlaylist(String screen, JsonArray playlist, Instant now, String by) {
    return putPlaylist.execute(Params.of("screen", screen, "playlist", playlist.encode(), "now", now.toEpochMilli(),
        "by", by)).mapEmpty();
  }

  Future<Boolean> clearPlaylist(String screen) {
    return clearPlaylist.execute(Map.of("screen", screen)).map(r -> r.rowCount() > 0);
  }

  /** Language modes changed by managers, by screen id. */
  Future<Map<String, String>> languageModes() {
    return languageModes.execute(Map.of()).map(Rows::map);
  }

  Future<Void> putLanguageMode(String screen, String languages, Instant now, String by) {
    return putLanguageMode.execute(Params.of("screen", screen, "languages", languages, "now", now.toEpochMilli(),
        "by", by)).mapEmpty();
  }

  Future<Boolean> clearLanguageMode(String screen) {
    return clearLanguageMode.execute(Map.of("screen", screen)).map(r -> r.rowCount() > 0);
  }

  Future<List<ServiceState>> states() {
    return states.execute(Map.of()).map(Rows::list);
  }

  /** The service's state; {@code place} (a moved service's new place) may be null. */
  Future<Void> putState(String service, String status, Site.Place place, Instant now, String by) {
    return putState.execute(Params.of("service", service, "status", status,
        "fr", place == null ? null : place.name().fr(), "en", place == null ? null : place.name().en(),
        "place", place == null ? null : place.id(), "now", now.toEpochMilli(), "by", by)).mapEmpty();
  }
}
