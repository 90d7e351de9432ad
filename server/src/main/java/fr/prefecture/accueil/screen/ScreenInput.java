package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Input rules shared by the notice, alert and board routes. */
final class ScreenInput {
  private ScreenInput() {}

  /** {@code zones}: absent or empty = everywhere; otherwise zone ids of the site, each once. */
  static List<String> zones(Site site, JsonObject body) {
    JsonArray raw = JsonInput.optionalArray(body, "zones").orElse(new JsonArray());
    Set<String> zones = new LinkedHashSet<>();
    for (Object z : raw) {
      if (!(z instanceof String id)) {
        throw ApiException.badRequest("invalid_field", "Field 'zones' must be an array of zone ids");
      }
      if (site.area(id).isEmpty()) {
        throw ApiException.badRequest("unknown_zone", "Unknown zone '" + id + "'; known zones: "
            + site.zones().stream().map(Site.Area::id).toList());
      }
      zones.add(id);
    }
    return new ArrayList<>(zones);
  }

  /** A visitor-facing text: required, plain text (it is escaped everywhere it is shown). */
  static String text(JsonObject body, String field) {
    return JsonInput.string(body, field);
  }

  static String who(RoutingContext ctx) {
    Caller caller = ctx.get("caller");
    return caller == null ? "?" : caller.name();
  }

  static JsonArray zonesJson(List<String> zones) {
    return new JsonArray(new ArrayList<>(zones));
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
