package fr.prefecture.accueil.device;

import static fr.prefecture.accueil.http.JsonInput.string;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Attempts;
import fr.prefecture.accueil.auth.Device;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.auth.Secrets;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.ClientAddress;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/** Device pairing (admin creates a one-time code, the device spends it) and revocation. */
record DeviceApi(Site site, SiteTime time, DeviceRepository devices, AuditLog audit, EventBus bus, Attempts attempts,
    Attempts.Limit throttle) {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
  /** Browsers keep a cookie 400 days at most; a device is re-paired after that. */
  static final Duration TOKEN_COOKIE_AGE = Duration.ofDays(400);

  void mount(Routes routes) {
    routes.with(Role.ADMIN).post("/devices").respond(this::create);
    routes.with(Role.ADMIN).get("/devices").respond(this::list);
    routes.with(Role.ADMIN).delete("/devices/:id").respond(this::revoke);
    routes.open().post("/devices/pair").respond(this::pair);
  }

  Future<JsonObject> create(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    DeviceKind kind = DeviceKind.parse(string(body, "kind"))
        .orElseThrow(() -> ApiException.badRequest("invalid_field", "Field 'kind' must be 'screen' or 'kiosk'"));
    String target;
    if (kind == DeviceKind.SCREEN) {
      target = string(body, "screen");
      if (site.screen(target).isEmpty()) {
        throw ApiException.badRequest("unknown_screen", "Unknown screen '" + target + "'");
      }
    } else {
      target = string(body, "gate");
      if (site.gate(target).isEmpty()) {
        throw ApiException.badRequest("unknown_gate", "Unknown gate '" + target + "'");
      }
    }
    String name = JsonInput.optionalString(body, "name").orElse(kind.code() + " " + target);
    if (name.length() > 100) {
      throw ApiException.badRequest("invalid_field", "Field 'name' is too long (100 characters at most)");
    }
    String code = PairingCode.random();
    Instant expires = time.now().plus(CODE_LIFETIME);
    return devices.create(kind, target, name, Secrets.hash(code), expires, Access.caller(ctx).name())
        .compose(id -> audit.record(ctx, "device.created", "device " + id, kind.code() + " " + target + " " + name)
            .map(id))
        .map(id -> {
          ctx.response().setStatusCode(201);
          return new JsonObject().put("id", id).put("kind", kind.code())
              .put(kind == DeviceKind.SCREEN ? "screen" : "gate", target).put("name", name)
              .put("code", code).put("expiresAt", expires.toString());
        });
  }

  Future<JsonArray> list(RoutingContext ctx) {
    return devices.list().map(JsonArray::new);
  }

  Future<JsonObject> revoke(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return devices.revoke(id, Access.caller(ctx).name()).compose(revoked -> {
      if (revoked.isEmpty()) {
        throw ApiException.notFound("Device " + id + " (or already revoked)");
      }
      Device d = revoked.get();
      // Every request checks the store, so the next one already fails; the event closes open streams now.
      bus.publish(Events.DEVICES, new JsonObject().put("id", d.id()).put("kind", d.kind().code())
          .put("target", d.target()).put("action", "revoked"));
      return audit.record(ctx, "device.revoked", "device " + id, d.kind().code() + " " + d.target() + " " + d.name())
          .map(v -> new JsonObject().put("id", id).put("state", "revoked"));
    });
  }

  Future<JsonObject> pair(RoutingContext ctx) {
    if (!Access.sameOrigin(ctx)) {
      throw new ApiException(403, "csrf", "Cross-site request refused: pair from the /pair page");
    }
    JsonObject body = JsonInput.object(ctx);
    String typed = string(body, "code");
    String ip = ClientAddress.of(ctx);
    // Counted before the code is checked, so a burst of guesses gets no more checks than the limit.
    return attempts.within(throttle, null, ip, place -> {
      var code = PairingCode.normalize(typed);
      String token = Secrets.random("dev_");
      Future<java.util.Optional<Device>> paired = code.isEmpty()
          ? Future.succeededFuture(java.util.Optional.empty())
          : devices.pair(Secrets.hash(code.get()), Secrets.hash(token));
      return paired.compose(found -> {
        if (found.isEmpty()) {
          return audit.record(null, "device.pair.failed", null, null, ip).compose(v -> Future.<JsonObject>failedFuture(
              new ApiException(400, "invalid_code",
                  "Code inconnu, déjà utilisé ou expiré / Unknown, used or expired code")));
        }
        Device d = found.get();
        ctx.response().addCookie(deviceCookie(ctx, token));
        String redirect = d.kind() == DeviceKind.SCREEN ? "/screens/" + d.target() : "/kiosk";
        return attempts.succeeded(place)
            .compose(v -> audit.record("device:" + d.name(), "device.paired", "device " + d.id(),
                d.kind().code() + " " + d.target(), ip))
            .map(v -> new JsonObject().put("id", d.id()).put("kind", d.kind().code()).put("target", d.target())
                .put("name", d.name()).put("redirect", redirect));
      });
    }).map(done -> done.orElseThrow(() -> new ApiException(429, "too_many_attempts",
        "Trop d'essais : attendez 10 minutes / Too many attempts: wait 10 minutes")));
  }

  static Cookie deviceCookie(RoutingContext ctx, String value) {
    boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    return Cookie.cookie(Access.DEVICE_COOKIE, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(https).setMaxAge(TOKEN_COOKIE_AGE.toSeconds());
  }
}
