package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The busy and quiet hours for the public, no sign-in: the JSON for the prefecture's website and the page
 * /affluence. Both read the published snapshot (aggregates only: no name, no code, no ticket).
 */
final class AffluenceApi {
  static final String CACHE = "public, max-age=3600";

  private final Affluence affluence;
  private final AffluencePage page;

  AffluenceApi(Affluence affluence, AffluencePage page) {
    this.affluence = affluence;
    this.page = page;
  }

  void mount(Routes routes) {
    routes.open().get("/public/affluence").respond(this::json);
  }

  void mountPages(Router root) {
    root.get("/affluence").respond(Pages.html(this::html));
  }

  private Future<Buffer> json(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", CACHE);
    return affluence.published().map(json -> json.toBuffer());
  }

  private Future<String> html(RoutingContext ctx) {
    return affluence.published().map(page::render);
  }
}
