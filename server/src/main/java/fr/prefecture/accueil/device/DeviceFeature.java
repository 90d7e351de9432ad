package fr.prefecture.accueil.device;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Attempts;
import fr.prefecture.accueil.auth.DeviceTokens;
import fr.prefecture.accueil.http.Limits;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * The devices feature: pairing, device tokens (for {@code Access}), revocation, the public /pair page.
 *
 * @param tokens what {@code Access} asks to know a device cookie
 */
public record DeviceFeature(DeviceTokens tokens, DeviceApi api) implements Feature {

  public static Future<DeviceFeature> create(Vertx vertx, Pool pool, Site site, SiteTime time, AuditLog audit,
      Attempts attempts, Limits limits) {
    DeviceRepository repository = new DeviceRepository(pool, time.clock());
    Attempts.Limit pairing = new Attempts.Limit(Attempts.PAIRING, 0, limits.pairingFailuresPerAddress(),
        Limits.PAIRING_WINDOW);
    return Future.succeededFuture(new DeviceFeature(repository,
        new DeviceApi(site, time, repository, audit, vertx.eventBus(), attempts, pairing)));
  }

  @Override
  public void mount(Routes routes) {
    api.mount(routes);
  }

  @Override
  public void mountPages(Router root) {
    root.get("/pair").handler(Pages.page("pair"));
  }
}
