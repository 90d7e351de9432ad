package fr.prefecture.accueil.operations;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.function.Supplier;

/** The managers' live view of the hall: /operations, its event stream, and the same state as JSON. */
public record OperationsFeature(Access access, Hall hall, OperationsHub hub) implements Feature {
  /**
   * {@code medians} gives today's median wait by service (the indicator's), {@code panPlaces} the PAN places left
   * today by service (the queue's).
   */
  public static Future<OperationsFeature> create(Vertx vertx, Pool pool, Site site, SiteTime time, Access access,
      Supplier<Future<Map<String, Integer>>> medians, Supplier<Future<Map<String, Integer>>> panPlaces) {
    Hall hall = new Hall(site, time, new HallRepository(pool), medians, panPlaces);
    return Future.succeededFuture(new OperationsFeature(access, hall, new OperationsHub(vertx, hall)));
  }

  @Override
  public void mount(Routes routes) {
    routes.with(Role.MANAGER).get("/operations").respond(this::state);
  }

  @Override
  public void mountPages(Router root) {
    root.get("/operations").handler(access.page(Role.MANAGER)).handler(Pages.page("operations"));
    root.get("/operations/events").handler(access.allow(Role.MANAGER)).handler(this::events);
  }

  private Future<JsonObject> state(RoutingContext ctx) {
    return hall.load();
  }

  private void events(RoutingContext ctx) {
    hub.connect(ctx.response(), Access.caller(ctx).name());
  }

  @Override
  public void start() {
    hub.start();
  }

  @Override
  public void close() {
    hub.close();
  }
}
