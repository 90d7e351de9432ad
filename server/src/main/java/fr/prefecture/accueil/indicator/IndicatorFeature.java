package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Managers' indicators: the report API, CSV exports, server-drawn charts, /dashboard, the rollup job. */
public final class IndicatorFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(IndicatorFeature.class);
  static final Duration ROLLUP_EVERY = Duration.ofHours(1);

  private final Vertx vertx;
  private final IndicatorRepository repository;
  private final RollupJob job;
  private final IndicatorApi api;
  private final Indicators indicators;
  private final SiteTime time;
  private final Access access;
  private final Affluence affluence;
  private final AffluenceApi affluenceApi;
  private long timer = -1;

  private IndicatorFeature(Vertx vertx, Pool pool, Path storeFile, Site site, SiteTime time, Access access) {
    this.vertx = vertx;
    this.access = access;
    this.repository = new IndicatorRepository(pool,
        Database.openReadOnly(vertx, storeFile, IndicatorRepository.READERS), new Definitions(site));
    this.job = new RollupJob(repository, time, site);
    this.time = time;
    this.indicators = new Indicators(repository, () -> time.now().toEpochMilli());
    Occupancy occupancy = new Occupancy(repository, site.zone());
    this.api = new IndicatorApi(site, time, indicators, occupancy, new Charts(site, indicators, occupancy));
    this.affluence = new Affluence(indicators, new AffluenceStore(pool), site, time, () -> vertx.eventBus()
        .publish(Events.SIGNAGE, new io.vertx.core.json.JsonObject().put("zones", new io.vertx.core.json.JsonArray())));
    this.affluenceApi = new AffluenceApi(affluence, new AffluencePage(site));
  }

  public static Future<IndicatorFeature> create(Vertx vertx, Pool pool, Path storeFile, Site site, SiteTime time,
      Access access) {
    return Future.succeededFuture(new IndicatorFeature(vertx, pool, storeFile, site, time, access));
  }

  @Override
  public void mount(Routes routes) {
    api.mount(routes);
    affluenceApi.mount(routes);
  }

  @Override
  public void mountPages(Router root) {
    root.get("/dashboard").handler(access.page(Role.MANAGER)).handler(Pages.page("dashboard"));
    affluenceApi.mountPages(root);
  }

  /**
   * Builds missing rollups now (in the background: reports are right meanwhile, only slower) and every hour; the
   * busy hours are computed now and again at the first hourly run of each day.
   */
  @Override
  public void start() {
    hourly();
    timer = vertx.setPeriodic(ROLLUP_EVERY.toMillis(), id -> hourly());
  }

  private void hourly() {
    job.run().onFailure(e -> LOG.warn("Indicator rollups failed; next try in an hour", e))
        .transform(done -> affluence.refreshIfStale())
        .onFailure(e -> LOG.warn("Busy hours not computed; next try in an hour", e));
  }

  /** Computes the published busy hours again now (tests). */
  public Future<io.vertx.core.json.JsonObject> refreshAffluence() {
    return affluence.refresh();
  }

  /** The published busy hours (the snapshot the public page shows; empty before the first), for the screens. */
  public Future<io.vertx.core.json.JsonObject> publishedAffluence() {
    return affluence.stored();
  }

  /** Builds every missing rollup and completes when done (tests, the benchmark). */
  public Future<Integer> buildRollups() {
    return job.run();
  }

  /**
   * Today's median waiting time by service code, in whole minutes, for the screens' transparency
   * page: the same definition and computation as the waiting-times report.
   */
  public Future<java.util.Map<String, Integer>> medianWaitToday() {
    java.time.LocalDate today = time.today();
    return indicators.report(new Indicators.Query(Family.WAITING_TIMES, Grouping.SERVICE, java.util.Optional.empty(),
        today, today, false)).map(report -> {
          java.util.Map<String, Integer> out = new java.util.HashMap<>();
          for (Object o : report.getJsonArray("rows")) {
            io.vertx.core.json.JsonObject row = (io.vertx.core.json.JsonObject) o;
            Number median = row.getNumber("median");
            if (median != null && row.getLong("count", 0L) > 0) {
              out.put(row.getString("key"), (int) Math.round(median.doubleValue()));
            }
          }
          return out;
        });
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    repository.close();
  }
}
