package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Notices written by managers for the screens. */
record NoticeApi(Vertx vertx, Site site, SiteTime time, NoticeRepository notices, AuditLog audit) {
  private static final Set<String> PRIORITIES = Set.of("normal", "high");
  private static final Duration LONGEST = Duration.ofDays(366);

  void mount(Routes routes) {
    routes.with(Role.MANAGER).post("/notices").respond(this::create);
    routes.with(Role.MANAGER).get("/notices").respond(this::list);
    routes.with(Role.MANAGER).delete("/notices/:id").respond(this::delete);
  }

  Future<JsonObject> create(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    String fr = ScreenInput.text(body, "fr");
    String en = ScreenInput.text(body, "en");
    Instant now = time.now();
    Instant from = JsonInput.optionalString(body, "from").map(t -> time.parseStart("from", t)).orElse(now);
    Instant to = time.parseStart("to", JsonInput.string(body, "to"));
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("invalid_period", "'to' must be after 'from'");
    }
    if (!to.isAfter(now)) {
      throw ApiException.badRequest("invalid_period", "'to' is already past: the notice would never show");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw ApiException.badRequest("invalid_period", "A notice lasts one year at most");
    }
    List<String> zones = ScreenInput.zones(site, body);
    String priority = JsonInput.optionalString(body, "priority").orElse("normal");
    if (!PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("invalid_field", "Field 'priority' must be normal or high");
    }
    String by = ScreenInput.who(ctx);
    return notices.create(fr, en, from, to, zones, priority, now, by)
        .compose(id -> audit.record(ctx, "notice.created", "notice:" + id, fr).map(id))
        .map(id -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", ScreenInput.zonesJson(zones)));
          ctx.response().setStatusCode(201);
          return new JsonObject().put("id", id);
        });
  }

  Future<JsonArray> list(RoutingContext ctx) {
    Instant now = time.now();
    return notices.current(now).map(all -> {
      JsonArray out = new JsonArray();
      all.forEach(n -> out.add(new JsonObject().put("id", n.id()).put("fr", n.fr()).put("en", n.en())
          .put("from", time.iso(n.from())).put("to", time.iso(n.to())).put("zones", ScreenInput.zonesJson(n.zones()))
          .put("priority", n.priority()).put("showing", !n.from().isAfter(now))
          .put("createdAt", time.iso(n.createdAt())).put("createdBy", n.createdBy())));
      return out;
    });
  }

  Future<JsonObject> delete(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return notices.delete(id, time.now(), ScreenInput.who(ctx)).compose(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("Notice " + id);
      }
      return audit.record(ctx, "notice.deleted", "notice:" + id, null);
    }).map(v -> {
      vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray()));
      return new JsonObject().put("id", id).put("deleted", true);
    });
  }
}
