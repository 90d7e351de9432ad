package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.signage.speech.CallWords;
import fr.prefecture.accueil.signage.view.ScreenRenderer;
import fr.prefecture.accueil.signage.view.Text;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The screen page and its event stream ({@code deviceCheck} runs before both: see {@link ScreenAccess}), and the
 * managers' screens page.
 */
record ScreenPages(Site site, Access access, ScreenContent content, ScreenRenderer renderer, ScreenHub hub,
    ScreenAccess screenAccess, Speech speech) {
  void mount(Router root) {
    Handler<RoutingContext> deviceCheck = screenAccess.check();
    root.get("/screens").handler(ctx -> ctx.redirect("/admin/screens"));
    root.get("/screens/:id").handler(deviceCheck).respond(Pages.html(this::page));
    root.get("/screens/:id/events").handler(deviceCheck).handler(this::events);
    root.get("/screens/:id/speech").handler(deviceCheck).respond(this::speech);
    root.get("/admin/screens").handler(access.page(Role.MANAGER))
        .handler(Pages.page("admin-screens"));
  }

  private Site.Screen screen(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return site.screen(id).orElseThrow(() -> ApiException.notFound("Écran / Screen '" + id + "'"));
  }

  Future<String> page(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    boolean preview = ctx.queryParams().contains("preview");
    FixedPage fixed = FixedPage.of(ctx.queryParams());
    ctx.response().putHeader("Content-Security-Policy", Pages.SCREEN_CSP).putHeader("X-Frame-Options", "SAMEORIGIN");
    return content.load().map(snapshot -> fixed == null ? renderer.page(content.page(screen, snapshot), preview)
        : renderer.page(fixed.apply(content.page(screen, snapshot, fixed.layout())), true, fixed.page(),
            fixed.language()));
  }

  /** A call spoken in one language: {@code ?lang=fr|en&ticket=T003&counter=T1} → {@code audio/wav}. */
  Future<Buffer> speech(RoutingContext ctx) {
    screen(ctx);
    String lang = ctx.queryParams().get("lang");
    Text words;
    try {
      words = CallWords.of(String.valueOf(ctx.queryParams().get("ticket")),
          String.valueOf(ctx.queryParams().get("counter")));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_call", "ticket (like T003) and counter expected");
    }
    if (!"fr".equals(lang) && !"en".equals(lang)) {
      throw ApiException.badRequest("bad_call", "lang: fr or en");
    }
    if (!speech.available()) {
      throw ApiException.notFound("Synthèse vocale (espeak-ng absent) / Speech (espeak-ng missing)");
    }
    ctx.response().putHeader("Content-Type", "audio/wav").putHeader("Cache-Control", "private, max-age=86400");
    return speech.wav(lang, lang.equals("fr") ? words.fr() : words.en());
  }

  void events(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    hub.connect(screen, ctx.queryParams().contains("preview"), ctx.request().getHeader("Last-Event-ID"),
        ctx.response());
    screenAccess.watch(ctx, ctx.response());
  }
}
