package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.Layouts;
import fr.prefecture.accueil.signage.view.Procedure;
import fr.prefecture.accueil.signage.view.ServiceStatus;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Transparency figures (quarterly processing times) and the announced state of each service. */
record BoardApi(Vertx vertx, Site site, SiteTime time, BoardRepository board, AuditLog audit) {
  /** A transparency delay is 0 to this many days: the screens show it as typed (415 was a mistyped 41,5). */
  static final int MAX_DAYS = 365;
  private static final Set<String> PROCEDURES = Arrays.stream(Procedure.values()).map(Procedure::code)
      .collect(Collectors.toSet());
  private static final Set<String> STATUSES = Arrays.stream(ServiceStatus.values()).map(ServiceStatus::code)
      .collect(Collectors.toSet());

  void mount(Routes routes) {
    routes.with(Role.MANAGER).get("/transparency").respond(this::quarters);
    routes.with(Role.MANAGER).put("/transparency").respond(this::putQuarter);
    routes.with(Role.MANAGER).get("/service-states").respond(this::states);
    routes.with(Role.MANAGER).put("/service-states/:service").respond(this::putState);
    routes.with(Role.MANAGER).put("/screens/:id/playlist").respond(this::putPlaylist);
    routes.with(Role.MANAGER).delete("/screens/:id/playlist").respond(this::resetPlaylist);
    routes.with(Role.MANAGER).put("/screens/:id/languages").respond(this::putLanguages);
    routes.with(Role.MANAGER).delete("/screens/:id/languages").respond(this::resetLanguages);
  }

  /** Changes a screen's playlist while the site runs: the screen picks it up at once, no reload. */
  Future<JsonObject> putPlaylist(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    JsonObject body = JsonInput.object(ctx);
    JsonArray items = JsonInput.optionalArray(body, "playlist").orElseThrow(() -> ApiException
        .badRequest("missing_field", "Field 'playlist' is required: [{\"layout\", \"seconds\"}, ...]"));
    if (items.isEmpty() || items.size() > 12) {
      throw ApiException.badRequest("invalid_field", "A playlist holds 1 to 12 layouts");
    }
    JsonArray clean = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.getValue(i) instanceof JsonObject item)) {
        throw ApiException.badRequest("invalid_field", "playlist[" + i + "] must be an object");
      }
      String layout = JsonInput.string(item, "layout");
      if (!Layouts.NAMES.contains(layout)) {
        throw ApiException.badRequest("invalid_field", "playlist[" + i + "].layout must be one of " + Layouts.NAMES);
      }
      String where = "playlist[" + i + "]";
      long seconds = JsonInput.optionalLong(item, "seconds", 5, 600)
          .orElseThrow(() -> ApiException.badRequest("missing_field", where + ".seconds is required (5 to 600)"));
      clean.add(new JsonObject().put("layout", layout).put("seconds", seconds));
    }
    return board.putPlaylist(screen.id(), clean, time.now(), ScreenInput.who(ctx))
        .compose(v -> audit.record(ctx, "screen.playlist", screen.id(), clean.encode()))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray().add(screen.zone())));
          return new JsonObject().put("screen", screen.id()).put("playlist", clean).put("changed", true);
        });
  }

  /** Goes back to the configured playlist. */
  Future<JsonObject> resetPlaylist(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    return board.clearPlaylist(screen.id())
        .compose(cleared -> audit.record(ctx, "screen.playlist", screen.id(), "back to the configuration"))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray().add(screen.zone())));
          JsonArray configured = new JsonArray();
          screen.playlist()
              .forEach(p -> configured.add(new JsonObject().put("layout", p.layout()).put("seconds", p.seconds())));
          return new JsonObject().put("screen", screen.id()).put("playlist", configured).put("changed", false);
        });
  }

  /** French and English side by side, or one after the other: changed live, like the playlist. */
  Future<JsonObject> putLanguages(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    String languages = JsonInput.string(JsonInput.object(ctx), "languages");
    if (!LanguageMode.codes().contains(languages)) {
      throw ApiException.badRequest("invalid_field", "Field 'languages' must be '"
          + String.join("' or '", LanguageMode.codes()) + "'");
    }
    return board.putLanguageMode(screen.id(), languages, time.now(), ScreenInput.who(ctx))
        .compose(v -> audit.record(ctx, "screen.languages", screen.id(), languages))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray().add(screen.zone())));
          return new JsonObject().put("screen", screen.id()).put("languages", languages).put("changed", true);
        });
  }

  Future<JsonObject> resetLanguages(RoutingContext ctx) {
    Site.Screen screen = screen(ctx);
    return board.clearLanguageMode(screen.id())
        .compose(cleared -> audit.record(ctx, "screen.languages", screen.id(), "back to the configuration"))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray().add(screen.zone())));
          return new JsonObject().put("screen", screen.id()).put("languages", screen.languages()).put("changed", false);
        });
  }

  private Site.Screen screen(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return site.screen(id).orElseThrow(() -> ApiException.notFound("Screen '" + id + "'"));
  }

  Future<JsonObject> quarters(RoutingContext ctx) {
    return board.quarters().map(all -> {
      JsonArray quarters = new JsonArray();
      all.forEach(q -> quarters.add(new JsonObject().put("year", q.year()).put("quarter", q.quarter())
          .put("delays", new JsonObject(new LinkedHashMap<>(q.delays())))
          .put("updatedAt", time.iso(q.updatedAt())).put("updatedBy", q.updatedBy())));
      return new JsonObject().put("shown", quarters.isEmpty() ? null : quarters.getJsonObject(0))
          .put("quarters", quarters).put("procedures", new JsonArray(Arrays.stream(Procedure.values())
              .map(p -> new JsonObject().put("code", p.code()).put("name", new JsonObject()
                  .put("fr", p.label().fr()).put("en", p.label().en())))
              .toList()));
    });
  }

  Future<JsonObject> putQuarter(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    int year = JsonInput.optionalLong(body, "year", 2000, 2100)
        .orElseThrow(() -> ApiException.badRequest("missing_field", "Field 'year' is required")).intValue();
    int quarter = JsonInput.optionalLong(body, "quarter", 1, 4)
        .orElseThrow(() -> ApiException.badRequest("missing_field", "Field 'quarter' is required")).intValue();
    JsonObject raw = JsonInput.object(body, "delays");
    if (raw.isEmpty()) {
      throw ApiException.badRequest("invalid_field", "Field 'delays' needs at least one procedure: " + PROCEDURES);
    }
    Map<String, Double> delays = new LinkedHashMap<>();
    for (String procedure : raw.fieldNames()) {
      if (!PROCEDURES.contains(procedure)) {
        throw ApiException.badRequest("unknown_procedure",
            "Unknown procedure '" + procedure + "'; known: " + PROCEDURES);
      }
      Object v = raw.getValue(procedure);
      if (!(v instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() < 0
          || n.doubleValue() > MAX_DAYS) {
        throw ApiException.badRequest("invalid_field",
            "delays." + procedure + " must be a number of days from 0 to " + MAX_DAYS);
      }
      delays.put(procedure, n.doubleValue());
    }
    return board.putQuarter(year, quarter, delays, time.now(), ScreenInput.who(ctx))
        .compose(v -> audit.record(ctx, "transparency.updated", year + "-Q" + quarter, delays.toString()))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject().put("zones", new JsonArray()));
          return new JsonObject().put("year", year).put("quarter", quarter)
              .put("delays", new JsonObject(new LinkedHashMap<>(delays)));
        });
  }

  Future<JsonArray> states(RoutingContext ctx) {
    return board.states().map(all -> {
      Map<String, BoardRepository.ServiceState> byService = all.stream()
          .collect(Collectors.toMap(BoardRepository.ServiceState::service, s -> s));
      JsonArray out = new JsonArray();
      for (Site.Service service : site.services()) {
        BoardRepository.ServiceState s = byService.get(service.code());
        JsonObject row = new JsonObject().put("service", service.code())
            .put("name", SiteApi.text(service.name()))
            .put("status", s == null ? "open" : s.status());
        if (s != null && s.movedToPlace() != null) {
          row.put("movedTo", s.movedToPlace());
        }
        if (s != null && (s.movedToFr() != null || s.movedToEn() != null)) {
          row.put("movedToName", new JsonObject().put("fr", s.movedToFr()).put("en", s.movedToEn()));
        }
        if (s != null) {
          row.put("updatedAt", time.iso(s.updatedAt())).put("updatedBy", s.updatedBy());
        }
        out.add(row);
      }
      return out;
    });
  }

  Future<JsonObject> putState(RoutingContext ctx) {
    String service = ctx.pathParam("service");
    Site.Service known = site.service(service).orElseThrow(() -> ApiException.notFound("Service '" + service + "'"));
    JsonObject body = JsonInput.object(ctx);
    String status = JsonInput.string(body, "status");
    if (!STATUSES.contains(status)) {
      throw ApiException.badRequest("invalid_field", "Field 'status' must be one of " + STATUSES);
    }
    Site.Place place = null;
    if (body.getValue("movedTo") != null) {
      if (!status.equals("moved")) {
        throw ApiException.badRequest("invalid_field", "Field 'movedTo' is only for status 'moved'");
      }
      String id = JsonInput.string(body, "movedTo");
      place = site.place(id).orElseThrow(() -> ApiException.badRequest("unknown_place", "Field 'movedTo': unknown "
          + "place '" + id + "' (one of " + site.places().stream().map(Site.Place::id).toList() + ")"));
    }
    Site.Place to = place;
    return board.putState(known.code(), status, to, time.now(), ScreenInput.who(ctx))
        .compose(v -> audit.record(ctx, "service-state.updated", known.code(),
            status + (to == null ? "" : " → " + to.id())))
        .map(v -> {
          vertx.eventBus().publish(Events.SIGNAGE, new JsonObject()
              .put("zones", new JsonArray()).put("service", known.code()));
          JsonObject answer = new JsonObject().put("service", known.code()).put("status", status);
          if (to != null) {
            answer.put("movedTo", to.id()).put("movedToName", SiteApi.text(to.name()));
          }
          return answer;
        });
  }
}
