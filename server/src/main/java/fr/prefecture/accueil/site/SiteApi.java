package fr.prefecture.accueil.site;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The configured site as JSON: services for every role, the whole layout for the pages, bilingual texts. */
public final class SiteApi {
  private final Site site;

  public SiteApi(Site site) {
    this.site = site;
  }

  public static JsonObject text(Site.Text text) {
    return new JsonObject().put("fr", text.fr()).put("en", text.en());
  }

  JsonArray services() {
    JsonArray out = new JsonArray();
    for (Site.Service s : site.services()) {
      JsonObject location = new JsonObject().put("building", s.location().building())
          .put("floor", s.location().floor()).put("zone", s.location().zone()).put("room", text(s.location().room()));
      JsonObject service = new JsonObject().put("code", s.code()).put("name", text(s.name()))
          .put("counters", new JsonArray(s.counters())).put("ticketPrefix", s.ticketPrefix())
          .put("location", location).put("defaultDurationMinutes", s.defaultDurationMinutes())
          .put("admission", new JsonObject().put("earlyMinutes", s.admission().early().toMinutes())
              .put("graceMinutes", s.admission().grace().toMinutes()));
      s.pan().ifPresent(p -> service.put("pan", new JsonObject().put("slotMinutes", p.slotMinutes())
          .put("capacity", p.capacity()).put("opens", p.opens().toString()).put("closes", p.closes().toString())));
      out.add(service);
    }
    return out;
  }

  JsonObject site() {
    JsonArray zones = new JsonArray();
    site.zones().forEach(z -> zones.add(new JsonObject().put("id", z.id()).put("name", text(z.name()))
        .put("building", z.building()).put("floor", z.floor())));
    JsonArray gates = new JsonArray();
    site.gates()
        .forEach(g -> gates.add(
            new JsonObject().put("id", g.id()).put("name", text(g.name())).put("verdictSeconds", g.verdictSeconds())
                .put("zone", g.zone())));
    JsonArray screens = new JsonArray();
    site.screens().forEach(s -> screens.add(new JsonObject().put("id", s.id()).put("name", text(s.name()))
        .put("zone", s.zone())));
    JsonArray places = new JsonArray();
    site.places().forEach(p -> places.add(new JsonObject().put("id", p.id()).put("name", text(p.name()))
        .put("building", p.building()).put("floor", p.floor())
        .put("buildingName", site.building(p.building()).map(b -> text(b.name())).orElse(null))));
    return new JsonObject().put("name", text(site.name())).put("timezone", site.zone().getId())
        .put("services", services()).put("zones", zones).put("gates", gates).put("screens", screens)
        .put("places", places);
  }
}
