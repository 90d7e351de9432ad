package fr.prefecture.accueil.site;

import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The configured site, read by every role: its services, and the whole layout for the pages. */
public record SiteFeature(SiteApi json, SiteTime time, boolean demo) implements Feature {
  public static Future<SiteFeature> create(Site site, SiteTime time, boolean demo) {
    return Future.succeededFuture(new SiteFeature(new SiteApi(site), time, demo));
  }

  @Override
  public void mount(Routes routes) {
    routes.any().get("/services").respond(ctx -> Future.succeededFuture(json.services()));
    routes.any().get("/site").respond(ctx -> Future.succeededFuture(json.site()));
    // The site's clock, for every page (a demo says so, with its time): nothing personal, so open to all.
    routes.open().get("/clock").respond(ctx -> Future.succeededFuture(clock()));
  }

  private JsonObject clock() {
    Instant now = time.now();
    return new JsonObject().put("now", time.iso(now)).put("zone", time.zone().getId()).put("demo", demo)
        .put("local", new JsonObject().put("fr", time.frenchDateTime(now)).put("en", time.englishDateTime(now)));
  }
}
