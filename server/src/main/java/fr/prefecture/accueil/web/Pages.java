package fr.prefecture.accueil.web;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.Templates;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;
import java.util.function.Function;

/** Static assets, the home, login and admin pages, and the security headers every answer carries. */
public final class Pages implements Feature {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "media-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";
  /** The screens' pages may be framed by our own admin page (preview), by nothing else. */
  public static final String SCREEN_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

  private final Access access;

  public Pages(Access access) {
    this.access = access;
  }

  public static void securityHeaders(Router root) {
    root.route().handler(ctx -> {
      ctx.response().headers()
          .set("Content-Security-Policy", CSP)
          .set("X-Content-Type-Options", "nosniff")
          .set("X-Frame-Options", "DENY")
          .set("Referrer-Policy", "no-referrer")
          .set("Cross-Origin-Opener-Policy", "same-origin")
          .set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
      if (ctx.request().path().startsWith("/api/")) {
        ctx.response().headers().set("Cache-Control", "no-store");
      }
      try {
        // Decoded once here: a malformed escape such as %ZZ is the client's error, not a 500 later on.
        ctx.queryParams();
      } catch (RuntimeException malformed) {
        ctx.fail(ApiException.badRequest("malformed_query", "The query string is not valid URL encoding"));
        return;
      }
      ctx.next();
    });
  }

  @Override
  public void mountPages(Router root) {
    root.get("/static/*").handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300)
        .setDirectoryListing(false).setIncludeHidden(false));
    root.get("/").handler(page("index"));
    root.get("/login").handler(Pages::safeNext).handler(page("login"));
    root.get("/admin").handler(access.page(Role.ADMIN)).handler(page("admin"));
  }

  /**
   * Serves the static page {@code templates/pages/<name>.hbs} (framed by {@code templates/page.hbs}): rendered once,
   * when the route is mounted, so that a missing page stops the start.
   */
  public static Handler<RoutingContext> page(String name) {
    Buffer html = Buffer.buffer(Templates.compile("pages/" + name).render("pages/" + name, Map.of()));
    return ctx -> htmlHeaders(ctx).end(html).onFailure(ctx::fail);
  }

  /** A page made per request, answered with {@code respond}: HTML, never cached. */
  public static Function<RoutingContext, Future<String>> html(Function<RoutingContext, Future<String>> render) {
    return ctx -> {
      htmlHeaders(ctx);
      return render.apply(ctx);
    };
  }

  private static HttpServerResponse htmlHeaders(RoutingContext ctx) {
    return ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store");
  }

  /** The server's own check of {@code next}: anything but a path of this site is dropped (an open redirect). */
  static void safeNext(RoutingContext ctx) {
    String next = ctx.queryParams().get("next");
    if (next != null && !samePath(next)) {
      ctx.redirect("/login");
      return;
    }
    ctx.next();
  }

  static boolean samePath(String next) {
    if (!next.startsWith("/") || next.chars().anyMatch(c -> c <= ' ' || c == '\\' || c == 0x7f)) {
      return false;
    }
    try {
      java.net.URI target = java.net.URI.create("http://accueil.invalid/").resolve(new java.net.URI(next));
      return "accueil.invalid".equals(target.getHost()) && target.getRawAuthority().equals("accueil.invalid");
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }
}
