package fr.prefecture.accueil.staff;

import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Resolves who is calling (session cookie or bearer token) and checks their role. */
public final class Access {
  public static final String COOKIE = "accueil_session";
  private static final String CALLER_KEY = "caller";

  private final StaffRepository staff;
  private final Clock clock;
  private final Duration idleTimeout;

  public Access(StaffRepository staff, Clock clock, Duration idleTimeout) {
    this.staff = staff;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  /** A route handler letting through only the given roles (and admin): 401 or 403 JSON otherwise. */
  public Handler<RoutingContext> allow(Role... roles) {
    return ctx -> resolve(ctx).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty()) {
        ctx.fail(new ApiException(401, "unauthorized", "Log in or send an API token"));
      } else if (!result.result().get().may(roles)) {
        ctx.fail(new ApiException(403, "forbidden", "Your role may not do this"));
      } else if (!result.result().get().token() && !sameOrigin(ctx)) {
        ctx.fail(new ApiException(403, "csrf", "Cross-site request refused: send it from the Accueil pages"));
      } else {
        ctx.put(CALLER_KEY, result.result().get());
        ctx.next();
      }
    });
  }

  /**
   * CSRF defence for cookie sessions (on top of SameSite=Strict): a state-changing request must
   * come from our own pages, as told by Origin or, failing that, Sec-Fetch-Site. Bearer tokens are
   * not ambient credentials and need no such check.
   */
  public static boolean sameOrigin(RoutingContext ctx) {
    switch (ctx.request().method().name()) {
      case "GET", "HEAD", "OPTIONS" -> {
        return true;
      }
      default -> { }
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin != null) {
      // The authority is the Host header in HTTP/1.1 and :authority in HTTP/2.
      HostAndPort authority = ctx.request().authority();
      if (authority == null) {
        return false;
      }
      String host = authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
      int scheme = origin.indexOf("://");
      return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    return "same-origin".equals(site);
  }

  /** For pages: anonymous visitors are sent to the login page, wrong roles get a 403 page. */
  public Handler<RoutingContext> page(Role... roles) {
    return ctx -> resolve(ctx).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty()) {
        String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
        ctx.redirect("/login?next=" + next);
      } else if (!result.result().get().may(roles)) {
        ctx.fail(new ApiException(403, "forbidden", "Votre rôle ne donne pas accès à cette page / Your role cannot open this page"));
      } else {
        ctx.put(CALLER_KEY, result.result().get());
        ctx.next();
      }
    });
  }

  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER_KEY);
    if (caller == null) {
      throw new ApiException(401, "unauthorized", "Log in or send an API token");
    }
    return caller;
  }

  Future<Optional<Caller>> resolve(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Future.failedFuture(new ApiException(401, "unauthorized", "Only Bearer tokens are accepted"));
      }
      String token = authorization.substring(7).strip();
      if (token.isEmpty() || token.length() > 200) {
        return Future.succeededFuture(Optional.empty());
      }
      return staff.tokenCaller(Secrets.hash(token));
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 200) {
      return Future.succeededFuture(Optional.empty());
    }
    return staff.sessionCaller(Secrets.hash(cookie.getValue()), clock.millis(), idleTimeout.toMillis());
  }
}
