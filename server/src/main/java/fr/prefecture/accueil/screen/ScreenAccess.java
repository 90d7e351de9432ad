package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may open a screen page and its event stream: the screen device paired to that screen; a manager or admin
 * session (preview); anyone when pairing is not required (demo). A paired device of another screen, or a kiosk,
 * gets 403 even then. The streams of a device are closed as soon as it is revoked (event on the bus).
 */
final class ScreenAccess {
  private static final String DEVICE_KEY = "screenDevice";

  private final Access access;
  private final boolean requirePairing;
  private final Map<Long, List<HttpServerResponse>> streams = new HashMap<>();
  private MessageConsumer<JsonObject> revocations;

  ScreenAccess(Access access, boolean requirePairing) {
    this.access = access;
    this.requirePairing = requirePairing;
  }

  /** Subscribes to revocations; call on the verticle's context (the streams map is only touched there). */
  void start(Vertx vertx) {
    revocations = vertx.eventBus().<JsonObject>consumer(Events.DEVICES, m -> {
      Long id = m.body().getLong("id");
      List<HttpServerResponse> open = id == null ? null : streams.remove(id);
      if (open != null) {
        open.forEach(HttpServerResponse::reset);
      }
    });
  }

  void close() {
    if (revocations != null) {
      revocations.unregister();
    }
  }

  Handler<RoutingContext> check() {
    return ctx -> access.resolve(ctx).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      String screen = ctx.pathParam("id");
      Caller caller = result.result().orElse(null);
      if (caller != null && caller.isDevice()) {
        if (caller.device().kind() == DeviceKind.SCREEN && caller.device().target().equals(screen)) {
          ctx.put(DEVICE_KEY, caller.device().id());
          ctx.next();
        } else {
          ctx.fail(new ApiException(403, "forbidden",
              "Cet appareil n'est pas associé à cet écran / This device is not paired with this screen"));
        }
      } else if (caller != null && caller.may(Role.MANAGER) || !requirePairing) {
        ctx.next();
      } else if (ctx.request().path().endsWith("/events")) {
        ctx.fail(new ApiException(401, "unauthorized", "Pair this screen first (/pair)"));
      } else {
        ctx.redirect("/pair?next=" + URLEncoder.encode(ctx.request().path(), StandardCharsets.UTF_8));
      }
    });
  }

  /** Remembers a device's open stream so that a revocation can close it. */
  void watch(RoutingContext ctx, HttpServerResponse response) {
    Long device = ctx.get(DEVICE_KEY);
    if (device == null) {
      return;
    }
    List<HttpServerResponse> list = streams.computeIfAbsent(device, k -> new ArrayList<>());
    list.removeIf(HttpServerResponse::closed);
    list.add(response);
  }
}
