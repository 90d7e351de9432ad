package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The screens of the site with their last contact and whether they are online. */
record ScreenApi(Site site, SiteTime time, ContactRepository contacts, ScreenHub hub, BoardRepository board,
    boolean speech) {
  /** A screen with no open stream here is still online if another node heard from it this recently. */
  static final Duration ONLINE_WINDOW = ScreenHub.HEARTBEAT.multipliedBy(2).plusSeconds(5);

  void mount(Routes routes) {
    routes.with(Role.MANAGER).get("/screens").respond(this::list);
  }

  Future<JsonArray> list(RoutingContext ctx) {
    Instant now = time.now();
    Map<String, Integer> connected = hub.connected();
    Future<Map<String, JsonArray>> changed = board.playlists();
    Future<Map<String, String>> modes = board.languageModes();
    return contacts.lastSeen().compose(seen -> Future.all(changed, modes).map(both -> {
      Map<String, JsonArray> playlists = changed.result();
      JsonArray out = new JsonArray();
      for (Site.Screen s : site.screens()) {
        Instant last = seen.get(s.id());
        int here = connected.getOrDefault(s.id(), 0);
        boolean online = here > 0 || last != null && last.isAfter(now.minus(ONLINE_WINDOW));
        JsonArray playlist = new JsonArray();
        s.playlist().forEach(p -> playlist.add(new JsonObject().put("layout", p.layout()).put("seconds", p.seconds())));
        boolean playlistChanged = playlists.containsKey(s.id());
        out.add(new JsonObject().put("id", s.id())
            .put("name", SiteApi.text(s.name()))
            .put("zone", s.zone()).put("orientation", s.orientation())
            .put("languages", modes.result().getOrDefault(s.id(), s.languages()))
            .put("languagesChanged", modes.result().containsKey(s.id()))
            .put("chime", s.chime()).put("speech", speech && s.chime())
            .put("directions", new JsonObject(new java.util.LinkedHashMap<>(s.directions())))
            .put("playlist", playlistChanged ? playlists.get(s.id()) : playlist)
            .put("playlistChanged", playlistChanged).put("url", "/screens/" + s.id())
            .put("online", online).put("connections", here).put("lastSeen", last == null ? null : time.iso(last)));
      }
      return out;
    }));
  }
}
