package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.ClientAddress;
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
 * session (preview); anyone when pairing is not required (demo), up to {@code anonymousStreamsPerAddress} open
 * streams from one address (then 429). A paired device of another screen, or a kiosk, gets 403 even then. The
 * streams of a device are closed as soon as it is revoked, those of a person as soon as their sessions end
 * (sign-out, ended by an admin, account disabled, password set): events on the bus. A preview then reconnects
 * and is checked again with whatever session its browser still has.
 */
final class ScreenAccess {
  private static final String DEVICE_KEY = "screenDevice";
  private static final String STAFF_KEY = "screenStaff";
  private static final String ANONYMOUS_KEY = "screenAnonymous";

  private final Access access;
  private final boolean requirePairing;
  private final int anonymousStreamsPerAddress;
  private final Streams devices = new Streams();
  private final Streams staff = new Streams();
  private final Streams anonymous = new Streams();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  /** Open streams by owner (a device id, a username, an address); closed ones are dropped as they are met. */
  private static final class Streams {
    private final Map<Object, List<HttpServerResponse>> byOwner = new HashMap<>();

    void add(Object owner, HttpServerResponse response) {
      if (byOwner.size() > 1000) {
        byOwner.values().forEach(list -> list.removeIf(HttpServerResponse::closed));
        byOwner.values().removeIf(List::isEmpty);
      }
      List<HttpServerResponse> list = byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
      list.removeIf(HttpServerResponse::closed);
      list.add(response);
    }

    int open(Object owner) {
      List<HttpServerResponse> list = byOwner.get(owner);
      if (list == null) {
        return 0;
      }
      list.removeIf(HttpServerResponse::closed);
      return list.size();
    }

    void end(Object owner) {
      List<HttpServerResponse> list = owner == null ? null : byOwner.remove(owner);
      if (list != null) {
        list.forEach(HttpServerResponse::reset);
      }
    }
  }

  ScreenAccess(Access access, boolean requirePairing, int anonymousStreamsPerAddress) {
    this.access = access;
    this.requirePairing = requirePairing;
    this.anonymousStreamsPerAddress = anonymousStreamsPerAddress;
  }

  /** Subscribes to revocations and ended sessions; call on the verticle's context (the maps are only touched there). */
  void start(Vertx vertx) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.DEVICES, m -> devices.end(m.body().getLong("id"))));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.SESSIONS,
        m -> staff.end(m.body().getString("username"))));
  }

  void close() {
    consumers.forEach(MessageConsumer::unregister);
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
      } else if (caller != null && caller.may(Role.MANAGER)) {
        ctx.put(STAFF_KEY, caller.name());
        ctx.next();
      } else if (!requirePairing) {
        anonymous(ctx);
      } else if (ctx.request().path().endsWith("/events")) {
        ctx.fail(new ApiException(401, "unauthorized", "Pair this screen first (/pair)"));
      } else {
        ctx.redirect("/pair?next=" + URLEncoder.encode(ctx.request().path(), StandardCharsets.UTF_8));
      }
    });
  }

  /** A caller with no credentials, where screens are open: streams are counted by address. */
  private void anonymous(RoutingContext ctx) {
    String address = ClientAddress.of(ctx);
    if (ctx.request().path().endsWith("/events") && anonymous.open(address) >= anonymousStreamsPerAddress) {
      ctx.response().putHeader("Retry-After", "30");
      ctx.fail(new ApiException(429, "too_many_streams", "Too many screen streams from this address ("
          + anonymousStreamsPerAddress + "); pair the screens or raise server.anonymousStreamsPerAddress"));
      return;
    }
    ctx.put(ANONYMOUS_KEY, address);
    ctx.next();
  }

  /** Remembers an open stream by who opened it, so that a revocation, a sign-out or the address cap can act on it. */
  void watch(RoutingContext ctx, HttpServerResponse response) {
    Long device = ctx.get(DEVICE_KEY);
    String person = ctx.get(STAFF_KEY);
    String address = ctx.get(ANONYMOUS_KEY);
    if (device != null) {
      devices.add(device, response);
    } else if (person != null) {
      staff.add(person, response);
    } else if (address != null) {
      anonymous.add(address, response);
    }
  }
}
