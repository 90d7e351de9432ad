package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.signage.cap.CapAlert;
import fr.prefecture.accueil.signage.cap.CapException;
import fr.prefecture.accueil.signage.cap.CapMessageType;
import fr.prefecture.accueil.signage.cap.CapParser;
import fr.prefecture.accueil.signage.cap.CapReference;
import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.Text;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Crisis alerts: raised by a manager (JSON) or by a public warning system (CAP 1.2), ended by a manager. */
record AlertApi(Vertx vertx, Site site, SiteTime time, AlertRepository alerts, AuditLog audit, CapParser cap) {
  static final String CAP_TYPE = "application/cap+xml";

  /** With the CAP parser that knows the site's zones. */
  AlertApi(Vertx vertx, Site site, SiteTime time, AlertRepository alerts, AuditLog audit) {
    this(vertx, site, time, alerts, audit, new CapParser(areaZones(site)));
  }

  void mount(Routes routes) {
    routes.with(Role.MANAGER).bodyLimit(CapParser.MAX_BYTES).post("/alerts").respond(this::raise);
    routes.with(Role.MANAGER).get("/alerts").respond(this::list);
    routes.with(Role.MANAGER).delete("/alerts/:id").respond(this::end);
  }

  /** CAP areaDesc → zone id: a zone's id or its French or English name (case and spaces ignored). */
  static Map<String, String> areaZones(Site site) {
    Map<String, String> map = new HashMap<>();
    for (Site.Area zone : site.zones()) {
      for (String key : new String[]{zone.id(), zone.name().fr(), zone.name().en()}) {
        if (key != null) {
          map.put(key, zone.id());
          map.put(key.toLowerCase(Locale.ROOT).strip(), zone.id());
        }
      }
    }
    return map;
  }

  Future<JsonObject> raise(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (mime.equals(CAP_TYPE) || mime.equals("application/xml") || mime.equals("text/xml")) {
      Buffer body = ctx.body() == null ? null : ctx.body().buffer();
      if (body == null || body.length() == 0) {
        throw ApiException.badRequest("missing_body", "A CAP 1.2 message is required");
      }
      byte[] bytes = body.getBytes();
      return vertx.executeBlocking(() -> cap.parse(bytes))
          .recover(e -> Future.failedFuture(e instanceof CapException ? ApiException.badRequest("invalid_cap",
              e.getMessage()) : e))
          .compose(message -> fromCap(ctx, message));
    }
    if (!mime.isEmpty() && !mime.equals("application/json")) {
      throw new ApiException(415, "unsupported_media_type", "Send JSON or a CAP 1.2 message (" + CAP_TYPE + ")");
    }
    JsonObject body = JsonInput.object(ctx);
    String fr = ScreenInput.text(body, "fr");
    String en = ScreenInput.text(body, "en");
    List<String> zones = ScreenInput.zones(site, body);
    Instant now = time.now();
    String by = ScreenInput.who(ctx);
    AlertRepository.NewAlert alert = new AlertRepository.NewAlert("manual", null, null, fr, en, null, null,
        AlertSeverity.SEVERE.code(), zones, now, time.dateOf(now), by, null, null, null);
    return alerts.insert(alert).compose(id -> {
      // screens first: the audit row must not delay the alert
      published(id, "raised");
      return audit.record(ctx, "alert.raised", "alert:" + id, fr + " / " + en + " " + zones).map(id);
    }).map(id -> {
      ctx.response().setStatusCode(201);
      return new JsonObject().put("id", id);
    });
  }

  private Future<JsonObject> fromCap(RoutingContext ctx, CapAlert message) {
    String by = ScreenInput.who(ctx) + " via CAP " + message.sender();
    String target = "cap:" + message.identifier();
    if (message.msgType() == CapMessageType.ACK || message.msgType() == CapMessageType.ERROR
        || !message.endsReferencedAlerts()
            && !message.live()) {
      ctx.response().setStatusCode(202);
      String note = "CAP " + message.status().name().toLowerCase(Locale.ROOT) + " " + message.msgType().name()
          .toLowerCase(Locale.ROOT) + " message accepted but not shown: only Actual alerts reach the screens";
      return audit.record(ctx, "alert.cap-not-shown", target, note)
          .map(v -> new JsonObject().putNull("id").put("shown", false).put("note", note));
    }
    Instant now = time.now();
    AlertRepository.NewAlert raise = null;
    if (message.live()) {
      Text headline = message.description() != null ? message.headline() : null;
      Text text = message.description() != null ? message.description() : message.headline();
      raise = new AlertRepository.NewAlert("cap", fr(headline), en(headline), fr(text), en(text),
          fr(message.instruction()), en(message.instruction()), message.severity().code(), message.zones(), now,
          time.dateOf(now), by, message.expires(), message.sender(), message.identifier());
    }
    List<String[]> references = message.references().stream()
        .map((CapReference r) -> new String[]{r.sender(), r.identifier()}).toList();
    String reason = message.msgType() == CapMessageType.CANCEL ? "cap-cancel" : "cap-update";
    AlertRepository.NewAlert toRaise = raise;
    return alerts.findCap(message.sender(), message.identifier()).compose(existing -> {
      if (existing.isPresent()) {
        // a feed may deliver the same message twice: the first delivery counts
        return Future.succeededFuture(new JsonObject().put("id", existing.get().id()).put("duplicate", true));
      }
      return alerts.applyCap(references, by, reason, now, toRaise).compose(outcome -> {
        outcome.ended().forEach(id -> published(id, "ended"));
        outcome.raised().ifPresent(id -> published(id, "raised"));
        List<Future<Void>> records = new java.util.ArrayList<>();
        outcome.ended()
            .forEach(id -> records.add(audit.record(ctx, "alert.ended", "alert:" + id, reason + " " + target)));
        outcome.raised().ifPresent(id -> records.add(audit.record(ctx, "alert.raised", "alert:" + id, target)));
        return Future.all(records).map(outcome);
      }).map(outcome -> {
        ctx.response().setStatusCode(outcome.raised().isPresent() ? 201 : 200);
        JsonObject answer = new JsonObject().put("id", outcome.raised().orElse(null))
            .put("ended", new JsonArray(outcome.ended()));
        if (toRaise != null && toRaise.expires() != null && !toRaise.expires().isAfter(now)) {
          answer.put("note", "already expired: it will not be shown");
        }
        return answer;
      });
    });
  }

  private static String fr(Text t) {
    return t == null ? null : t.fr();
  }

  private static String en(Text t) {
    return t == null ? null : t.en();
  }

  Future<JsonArray> list(RoutingContext ctx) {
    Instant now = time.now();
    return alerts.recent(200).map(all -> {
      JsonArray out = new JsonArray();
      for (StoredAlert a : all) {
        boolean showing = a.open() && (a.expires() == null || now.isBefore(a.expires()));
        out.add(new JsonObject().put("id", a.id()).put("source", a.source())
            .put("fr", a.messageFr()).put("en", a.messageEn())
            .put("headline", a.headlineFr() == null && a.headlineEn() == null ? null
                : new JsonObject().put("fr", a.headlineFr()).put("en", a.headlineEn()))
            .put("severity", a.severity()).put("zones", ScreenInput.zonesJson(a.zones()))
            .put("raisedAt", time.iso(a.raisedAt())).put("raisedBy", a.raisedBy())
            .put("expires", a.expires() == null ? null : time.iso(a.expires()))
            .put("endedAt", a.endedAt() == null ? null : time.iso(a.endedAt())).put("endedBy", a.endedBy())
            .put("endReason", a.endReason()).put("capIdentifier", a.capIdentifier()).put("active", showing));
      }
      return out;
    });
  }

  Future<JsonObject> end(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return alerts.find(id).compose(found -> {
      if (found.isEmpty()) {
        throw ApiException.notFound("Alert " + id);
      }
      if (!found.get().open()) {
        throw ApiException.conflict("already_ended", "Alert " + id + " was already ended by "
            + found.get().endedBy() + " at " + time.iso(found.get().endedAt()));
      }
      return alerts.end(id, time.now(), ScreenInput.who(ctx), "ended");
    }).compose(ended -> {
      if (!ended) {
        throw ApiException.conflict("already_ended", "Alert " + id + " was already ended");
      }
      published(id, "ended");
      return audit.record(ctx, "alert.ended", "alert:" + id, null);
    }).map(v -> new JsonObject().put("id", id).put("ended", true));
  }

  private void published(long id, String action) {
    vertx.eventBus().publish(Events.ALERTS, new JsonObject().put("id", id).put("action", action));
  }
}
