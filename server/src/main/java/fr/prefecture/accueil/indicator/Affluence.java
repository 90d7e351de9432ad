package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published busy and quiet hours of the last {@value #WEEKS} weeks (the days up to yesterday), for the site and
 * each service: read from the flows indicator by weekday and hour (its admissions, the same figures as the
 * dashboard's), computed at start and again once a day, and kept in the store as the published snapshot.
 */
final class Affluence {
  static final int WEEKS = 8;

  private final Indicators indicators;
  private final AffluenceStore store;
  private final Site site;
  private final SiteTime time;
  private final Runnable onPublished;
  private Future<JsonObject> current;

  /** {@code onPublished} runs after each new snapshot is stored (the screens show it at once). */
  Affluence(Indicators indicators, AffluenceStore store, Site site, SiteTime time, Runnable onPublished) {
    this.indicators = indicators;
    this.store = store;
    this.site = site;
    this.time = time;
    this.onPublished = onPublished;
  }

  /** The published snapshot (computed now if there is none yet; a stale one is refreshed by the job). */
  Future<JsonObject> published() {
    return store.read().compose(s -> s.isPresent() ? Future.succeededFuture(s.get().body()) : refresh());
  }

  /**
   * The stored snapshot, or an empty object while none is: never computes (the screens read it at every update,
   * from before the server listens, when a demo's history may not be written yet).
   */
  Future<JsonObject> stored() {
    return store.read().map(s -> s.map(AffluenceStore.Snapshot::body).orElseGet(JsonObject::new));
  }

  /** Computes again unless the stored snapshot already covers yesterday; the snapshot published. */
  Future<JsonObject> refreshIfStale() {
    LocalDate to = time.today().minusDays(1);
    return store.read().compose(s -> s.isPresent() && !s.get().windowTo().isBefore(to)
        ? Future.succeededFuture(s.get().body()) : refresh());
  }

  /** Computes the snapshot up to yesterday and stores it; one computation at a time. */
  Future<JsonObject> refresh() {
    if (current != null) {
      return current;
    }
    LocalDate to = time.today().minusDays(1);
    long now = time.now().toEpochMilli();
    Future<JsonObject> pass = compute(to).compose(body -> store.write(to, now, body).map(body))
        .onSuccess(body -> onPublished.run());
    current = pass;
    pass.onComplete(r -> current = null);
    return pass;
  }

  Future<JsonObject> compute(LocalDate to) {
    LocalDate from = to.minusDays(WEEKS * 7L - 1);
    Future<Map<String, Raw>> days = indicators.raw(query(Grouping.DAY, Optional.empty(), from, to));
    Future<Map<String, Raw>> whole = indicators.raw(query(Grouping.WEEKDAY_HOUR, Optional.empty(), from, to));
    List<Future<Map<String, Raw>>> services = new ArrayList<>();
    site.services().forEach(s -> services.add(indicators.raw(query(Grouping.WEEKDAY_HOUR, Optional.of(s.code()),
        from, to))));
    List<Future<?>> all = new ArrayList<>(services);
    all.add(days);
    all.add(whole);
    return Future.all(all).map(done -> {
      Map<Integer, Long> open = openDays(days.result());
      Site.OpeningHours hours = site.openingHours();
      JsonArray perService = new JsonArray();
      for (int i = 0; i < services.size(); i++) {
        Site.Service s = site.services().get(i);
        perService.add(new JsonObject().put("code", s.code())
            .put("name", new JsonObject().put("fr", s.name().fr()).put("en", s.name().en()))
            .mergeIn(AffluenceGrid.grid(entries(services.get(i).result()), open, hours)));
      }
      return new JsonObject().put("site", new JsonObject().put("fr", site.name().fr()).put("en", site.name().en()))
          .put("computedAt", time.iso(time.now())).put("weeks", WEEKS).put("from", from.toString())
          .put("to", to.toString())
          .put("openingHours", new JsonObject()
              .put("days", new JsonArray(hours.days().stream().sorted().map(d -> d.getValue()).toList()))
              .put("opens", hours.opens().toString()).put("closes", hours.closes().toString()))
          .put("levels", AffluenceGrid.legend())
          .mergeIn(AffluenceGrid.grid(entries(whole.result()), open, hours)).put("services", perService);
    });
  }

  private static Indicators.Query query(Grouping by, Optional<String> service, LocalDate from, LocalDate to) {
    return new Indicators.Query(Family.FLOWS, by, service, from, to, false);
  }

  /** Admissions (the flows' first sum) by key. */
  private static Map<String, Long> entries(Map<String, Raw> rows) {
    Map<String, Long> out = new HashMap<>();
    rows.forEach((key, raw) -> out.put(key, raw.sums[0]));
    return out;
  }

  /** By ISO weekday, the days the site admitted at least one visitor. */
  private static Map<Integer, Long> openDays(Map<String, Raw> byDay) {
    Map<Integer, Long> out = new HashMap<>();
    byDay.forEach((day, raw) -> {
      if (raw.sums[0] > 0) {
        out.merge(LocalDate.parse(day).getDayOfWeek().getValue(), 1L, Long::sum);
      }
    });
    return out;
  }
}
