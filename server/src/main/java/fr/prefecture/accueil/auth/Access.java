package fr.prefecture.accueil.auth;

import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves who is calling (bearer token, staff session cookie, or paired device cookie) and checks their role.
 * A staff session wins over a device cookie, so a guard may log in on a paired kiosk for the name search.
 */
public final class Access {
  public static final String COOKIE = "accueil_session";
  public static final String DEVICE_COOKIE = "accueil_device";
  private static final String CALLER_KEY = "caller";
  private static final String DEVICE_KEY = "accueil.device";
  /** What a browser holding a device cookie of no live device is told to forget: everything of this site. */
  public static final String CLEAR_SITE_DATA = "\"cache\", \"cookies\", \"storage\"";

  private final Credentials staff;
  private final Clock clock;
  private final SessionRules sessions;
  private final DeviceTokens devices;
  private final Consumer<HttpServerRequest> known;

  /** {@code known} is told of each request that carried valid credentials (its connection is then not anonymous). */
  public Access(Credentials staff, Clock clock, SessionRules sessions, DeviceTokens devices,
      Consumer<HttpServerRequest> known) {
    this.staff = staff;
    this.clock = clock;
    this.sessions = sessions;
    this.devices = devices;
    this.known = known;
  }

  /** A route handler letting through only the given roles (and admin): 401 or 403 JSON otherwise. */
  public Handler<RoutingContext> allow(Role... roles) {
    return allow(List.of(roles), List.of());
  }

  /** As {@link #allow(Role...)}, and also paired devices of the given kinds (none by default). */
  public Handler<RoutingContext> allow(List<Role> roles, List<DeviceKind> deviceKinds) {
    Role[] allowed = roles.toArray(Role[]::new);
    return ctx -> resolve(ctx).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty() && forgotten(ctx)) {
        ctx.fail(new ApiException(401, "device_revoked",
            "Ce poste n'est plus appairé / This device is no longer paired: pair it again or log in"));
      } else if (result.result().isEmpty()) {
        ctx.fail(new ApiException(401, "unauthorized", "Log in or send an API token"));
      } else if (!result.result().get().may(allowed) && !result.result().get().isDeviceOf(deviceKinds)) {
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
      default -> {
      }
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
    return page(List.of(), roles);
  }

  /** As {@link #page(Role...)}, and also paired devices of the given kinds. */
  public Handler<RoutingContext> page(List<DeviceKind> deviceKinds, Role... roles) {
    return ctx -> resolve(ctx).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty()) {
        String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
        ctx.redirect("/login?next=" + next);
      } else if (!result.result().get().may(roles) && !result.result().get().isDeviceOf(deviceKinds)) {
        ctx.fail(new ApiException(403, "forbidden",
            "Votre rôle ne donne pas accès à cette page / Your role cannot open this page"));
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

  /** Who calls, if anyone: for handlers that decide by themselves (the screens' device check). */
  public Future<Optional<Caller>> resolve(RoutingContext ctx) {
    return credentials(ctx).onSuccess(found -> {
      if (found.isPresent()) {
        known.accept(ctx.request());
      }
    });
  }

  private Future<Optional<Caller>> credentials(RoutingContext ctx) {
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
    Future<Optional<Caller>> session = usable(cookie)
        ? staff.sessionCaller(Secrets.hash(cookie.getValue()), clock.millis(), sessions,
            ctx.request().getHeader(SessionRules.BACKGROUND) == null)
        : Future.succeededFuture(Optional.empty());
    return session.compose(found -> {
      Cookie device = ctx.request().getCookie(DEVICE_COOKIE);
      if (found.isPresent() || !usable(device)) {
        return Future.succeededFuture(found);
      }
      Optional<Device> cached = ctx.get(DEVICE_KEY);
      return (cached != null ? Future.succeededFuture(cached) : devices.byTokenHash(Secrets.hash(device.getValue())))
          .map(d -> d.map(Caller::of));
    });
  }

  /**
   * First handler of the root router: reads the device cookie once per request, whatever the route. A cookie of
   * no live device (revoked, unknown, malformed) is bad however the request is otherwise signed in: the answer,
   * whatever it is, tells the browser to clear this site's data (the offline pack with its names, caches, service
   * worker, cookies) and expires the cookie. Browsers honour Clear-Site-Data on secure contexts only (HTTPS, or
   * localhost).
   */
  public Handler<RoutingContext> deviceCookies() {
    return ctx -> {
      Cookie cookie = ctx.request().getCookie(DEVICE_COOKIE);
      if (cookie == null || cookie.getValue().isEmpty()) {
        ctx.next();
        return;
      }
      if (!usable(cookie)) {
        forget(ctx);
        ctx.next();
        return;
      }
      HttpServerRequest request = ctx.request();
      if (!request.isEnded() && hasBody(request)) {
        // Held until the route reads it (web.Bodies resumes it): no chunk is lost while the store answers.
        request.pause();
      }
      devices.byTokenHash(Secrets.hash(cookie.getValue())).onComplete(found -> {
        if (found.failed()) {
          ctx.fail(found.cause());
          return;
        }
        ctx.put(DEVICE_KEY, found.result());
        if (found.result().isEmpty()) {
          forget(ctx);
        } else {
          known.accept(request);
        }
        ctx.next();
      });
    };
  }

  private static void forget(RoutingContext ctx) {
    ctx.put(DEVICE_KEY, Optional.<Device>empty());
    ctx.put(DEVICE_KEY + ".forgotten", true);
    ctx.response().putHeader("Clear-Site-Data", CLEAR_SITE_DATA);
    ctx.response().addCookie(Cookie.cookie(DEVICE_COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT));
  }

  private static boolean forgotten(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(DEVICE_KEY + ".forgotten"));
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !length.strip().equals("0");
  }

  private static boolean usable(Cookie cookie) {
    return cookie != null && !cookie.getValue().isEmpty() && cookie.getValue().length() <= 200;
  }
}
