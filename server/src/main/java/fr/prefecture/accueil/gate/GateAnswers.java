package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.kiosk.admission.Verdict;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** What the gate answers for a scan: the verdict, the visitor to check, where to go; the kiosk shows it. */
record GateAnswers(Site site, SiteTime time) {

  JsonObject answer(Gate.Request request, Gate.Identified found, Target t, Verdict v, boolean manual, Instant now) {
    JsonObject out = new JsonObject().put("scanId", request.scanId()).put("decision", v.decision())
        .put("reason", v.reason().code())
        .put("message", new JsonObject().put("fr", v.message().fr()).put("en", v.message().en()))
        .put("gate", request.gate()).put("direction", request.directionCode()).put("at", time.iso(now))
        .put("manual", manual).put("input", found.input());
    if (v.admitFrom() != null) {
      out.put("admitFrom", time.iso(v.admitFrom())).put("admitFromLocal", clock(v.admitFrom()));
    }
    if (found.kind() != null) {
      out.put("convocation", new JsonObject().put("kind", Target.code(found.kind())).put("id", found.id()));
    }
    if (t != null) {
      out.put("visitor", new JsonObject().put("name", t.name()));
      out.put("start", time.iso(t.start())).put("localTime", clock(t.start()))
          .put("date", time.dateOf(t.start()).toString());
      if (t.kind() == ConvocationKind.INVITATION) {
        out.put("end", time.iso(t.end())).put("event", t.event()).put("location", t.location());
      } else {
        site.service(t.service()).ifPresentOrElse(s -> out.put("service", service(s)),
            () -> out.put("service", new JsonObject().put("code", t.service())));
      }
    }
    return out;
  }

  /** The kiosk's decision in the answer, the server's under "server"; its words dropped when they would differ. */
  static void keepKioskVerdict(JsonObject response, Verdict server, Gate.Offline offline) {
    response.put("decision", offline.admit() ? "admit" : "refuse").put("reason", offline.reason().code())
        .put("offline", true)
        .put("server", new JsonObject().put("decision", server.decision()).put("reason", server.reason().code()))
        .put("conflict", conflict(server, offline));
    if (server.reason() != offline.reason()) {
      response.remove("message");
      response.remove("admitFrom");
      response.remove("admitFromLocal");
    }
  }

  static boolean conflict(Verdict server, Gate.Offline offline) {
    return server.admit() != offline.admit() || server.reason() != offline.reason();
  }

  /**
   * A replay past the manual-code limit: recorded (the guard's decision is a fact), answered with nothing that
   * would tell a guessed code from a wrong one.
   */
  static JsonObject withoutPersonalData(JsonObject response) {
    JsonObject out = new JsonObject();
    for (String field : new String[]{"scanId", "decision", "reason", "gate", "direction", "at", "manual", "input",
        "offline", "companions"}) {
      if (response.containsKey(field)) {
        out.put(field, response.getValue(field));
      }
    }
    return out.put("throttled", true);
  }

  JsonObject service(Site.Service s) {
    Site.Location l = s.location();
    JsonObject location = new JsonObject().put("building", l.building()).put("floor", l.floor())
        .put("room", SiteApi.text(l.room()));
    site.building(l.building()).ifPresent(b -> {
      location.put("buildingName", SiteApi.text(b.name()));
      b.floors().stream().filter(f -> f.level() == l.floor()).findFirst()
          .ifPresent(f -> location.put("floorName", SiteApi.text(f.name())));
    });
    return new JsonObject().put("code", s.code()).put("name", SiteApi.text(s.name())).put("location", location);
  }

  private String clock(Instant instant) {
    return time.localMinutes(instant).substring(11);
  }
}
