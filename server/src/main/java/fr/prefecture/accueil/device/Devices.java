package fr.prefecture.accueil.device;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.web.Routes;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.auth.DeviceTokens;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Pages;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** The devices feature: pairing, device tokens (for {@code Access}), revocation, the public /pair page. */
public final class Devices {
  private final DeviceRepository repository;
  private final Site site;
  private final SiteTime time;
  private final Vertx vertx;

  public Devices(Vertx vertx, Pool pool, Site site, SiteTime time) {
    this.vertx = vertx;
    this.repository = new DeviceRepository(pool, time.clock());
    this.site = site;
    this.time = time;
  }

  /** What {@code Access} asks to know a device cookie. */
  public DeviceTokens tokens() {
    return repository;
  }

  public void mount(Routes routes, AuditLog audit) {
    new DeviceApi(site, time, repository, audit, vertx.eventBus()).mount(routes);
  }

  public void mountPages(Router root) {
    root.get("/pair").handler(Pages.file("webroot/pair/index.html"));
  }
}
