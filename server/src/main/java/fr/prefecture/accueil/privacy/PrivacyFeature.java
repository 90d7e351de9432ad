package fr.prefecture.accueil.privacy;

import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retention of visitors' personal data: one pass before the server listens, then one every six hours. */
public final class PrivacyFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyFeature.class);
  static final Duration PASS_EVERY = Duration.ofHours(6);

  private final Vertx vertx;
  private final Retention retention;
  private long timer = -1;

  private PrivacyFeature(Vertx vertx, Retention retention) {
    this.vertx = vertx;
    this.retention = retention;
  }

  /** Completes once the first pass has removed what is past retention. */
  public static Future<PrivacyFeature> create(Vertx vertx, Pool pool, SiteTime time, Duration retention) {
    PrivacyFeature feature = new PrivacyFeature(vertx, new Retention(pool, time, retention));
    return feature.retention.run().map(result -> feature);
  }

  @Override
  public void start() {
    timer = vertx.setPeriodic(PASS_EVERY.toMillis(), id -> retention.run()
        .onFailure(e -> LOG.warn("Retention pass failed; next try in {}", PASS_EVERY, e)));
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
