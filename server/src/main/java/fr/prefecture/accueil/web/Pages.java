package fr.prefecture.accueil.web;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

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
    root.get("/").handler(file("webroot/pages/index.html"));
    root.get("/login").handler(file("webroot/pages/login.html"));
    root.get("/admin").handler(access.page(Role.ADMIN)).handler(file("webroot/admin/index.html"));
  }

  /** Serves one HTML file of the classpath webroot as a page. */
  public static Handler<RoutingContext> file(String path) {
    return ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").sendFile(path)
        .onFailure(ctx::fail);
  }
}
