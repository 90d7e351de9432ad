package fr.prefecture.accueil.site;

import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;

/** The configured site, read by every role: its services, and the whole layout for the pages. */
public record SiteFeature(SiteApi json) implements Feature {
  public static Future<SiteFeature> create(Site site) {
    return Future.succeededFuture(new SiteFeature(new SiteApi(site)));
  }

  @Override
  public void mount(Routes routes) {
    routes.any().get("/services").respond(ctx -> Future.succeededFuture(json.services()));
    routes.any().get("/site").respond(ctx -> Future.succeededFuture(json.site()));
  }
}
