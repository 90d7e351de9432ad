package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.kiosk.convocation.KeyInfo;
import fr.prefecture.accueil.kiosk.convocation.KeyRing;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.regex.Pattern;

/** The convocation signing keys: list, rotate, retire (admin; audited). Key files are written off the event loop. */
record KeyApi(Vertx vertx, KeyRing keys, AuditLog audit) {
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{4}");

  void mount(Routes routes) {
    routes.with(Role.ADMIN).get("/keys").respond(this::list);
    routes.with(Role.ADMIN).post("/keys/rotate").respond(this::rotate);
    routes.with(Role.ADMIN).post("/keys/:id/retire").respond(this::retire);
  }

  Future<JsonArray> list(RoutingContext ctx) {
    return Future.succeededFuture(json());
  }

  private JsonArray json() {
    JsonArray out = new JsonArray();
    var publicKeys = keys.publicKeys();
    for (KeyInfo k : keys.keys()) {
      JsonObject key = new JsonObject().put("id", k.id()).put("created", k.created().toString())
          .put("active", k.active()).put("retired", k.retired());
      if (publicKeys.containsKey(k.id())) {
        key.put("publicKey", Base64.getEncoder().encodeToString(publicKeys.get(k.id())));
      }
      out.add(key);
    }
    return out;
  }

  Future<JsonObject> rotate(RoutingContext ctx) {
    return vertx.executeBlocking(keys::rotate)
        .compose(id -> audit.record(ctx, "key.rotated", id, null).map(id))
        .map(id -> {
          ctx.response().setStatusCode(201);
          return new JsonObject().put("active", id).put("keys", json());
        });
  }

  Future<JsonObject> retire(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!KEY_ID.matcher(id).matches()) {
      throw ApiException.notFound("Key " + id);
    }
    return vertx.executeBlocking(() -> {
      try {
        keys.retire(id);
        return id;
      } catch (IllegalArgumentException unknown) {
        throw ApiException.notFound("Key " + id);
      } catch (IllegalStateException active) {
        throw ApiException.conflict("active_key", "The active key cannot be retired: rotate first");
      }
    }).compose(v -> audit.record(ctx, "key.retired", id, null))
        .map(v -> new JsonObject().put("retired", id).put("keys", json()));
  }
}
