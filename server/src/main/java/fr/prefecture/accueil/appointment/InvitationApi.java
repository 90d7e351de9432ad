package fr.prefecture.accueil.appointment;

import static fr.prefecture.accueil.http.JsonInput.optionalString;
import static fr.prefecture.accueil.http.JsonInput.string;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/** Invitations to meetings: create, list by day, cancel. */
record InvitationApi(SiteTime time, InvitationRepository invitations, AuditLog audit, ConvocationIssuer convocations) {
  void mount(Routes routes) {
    routes.with(Role.MANAGER).post("/invitations").respond(this::create);
    routes.with(Role.MANAGER, Role.AGENT).get("/invitations").respond(this::list);
    routes.with(Role.MANAGER, Role.AGENT).get("/invitations/:id").respond(this::get);
    routes.with(Role.MANAGER).post("/invitations/:id/cancel").respond(this::cancel);
  }

  Future<JsonObject> create(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    String event = string(body, "event");
    Instant start = time.parseStart("start", string(body, "start"));
    Instant end = time.parseStart("end", string(body, "end"));
    if (!end.isAfter(start)) {
      throw ApiException.badRequest("invalid_field", "Field 'end' must be after 'start'");
    }
    if (Duration.between(start, end).toHours() > 24) {
      throw ApiException.badRequest("invalid_field", "An invitation lasts 24 hours at most");
    }
    String location = optionalString(body, "location").orElse(null);
    JsonObject guest = JsonInput.object(body, "guest");
    String name = string(guest, "name");
    String email = optionalString(guest, "email").orElse(null);
    return invitations.create(event, start, end, time.dateOf(start), location, name, email, time.now().toEpochMilli(),
        convocations)
        .map(id -> {
          ctx.response().setStatusCode(201);
          return new JsonObject().put("id", id);
        });
  }

  Future<JsonArray> list(RoutingContext ctx) {
    String date = ctx.queryParams().get("date");
    var day = date == null ? time.today() : time.parseDate("date", date);
    return invitations.onDay(day).map(list -> new JsonArray(list.stream().map(this::json).toList()));
  }

  Future<JsonObject> get(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return invitations.find(id).map(found -> json(found.orElseThrow(() -> ApiException.notFound("Invitation " + id))));
  }

  Future<JsonObject> cancel(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return invitations.find(id)
        .compose(found -> found.isEmpty()
            ? Future.failedFuture(ApiException.notFound("Invitation " + id))
            : invitations.cancel(id, time.now().toEpochMilli())
                .compose(changed -> changed ? audit.record(ctx, "invitation.cancelled", String.valueOf(id), null)
                    : Future.succeededFuture()))
        .compose(v -> invitations.find(id))
        .map(found -> json(found.orElseThrow()));
  }

  public JsonObject json(Invitation i) {
    JsonObject guest = new JsonObject().put("name", i.guestName());
    if (i.guestEmail() != null) {
      guest.put("email", i.guestEmail());
    }
    return new JsonObject().put("id", i.id()).put("event", i.event()).put("start", time.iso(i.start()))
        .put("end", time.iso(i.end())).put("date", i.localDate().toString()).put("location", i.location())
        .put("guest", guest).put("status", i.status());
  }
}
