package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.Html;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Pages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counter and PAN pages (static, driven by the API) and the printable bilingual ticket. */
final class QueuePages {
  private final Site site;
  private final SiteTime time;
  private final Queues queues;
  private final String ticketTemplate;

  QueuePages(Site site, SiteTime time, Queues queues) {
    this.site = site;
    this.time = time;
    this.queues = queues;
    try (InputStream in = QueuePages.class.getResourceAsStream("ticket.html")) {
      this.ticketTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router root, Access access) {
    root.get("/counter").handler(access.page(Role.AGENT)).handler(Pages.file("webroot/queue/counter.html"));
    root.get("/pan").handler(access.page(Role.AGENT)).handler(Pages.file("webroot/queue/pan.html"));
    root.get("/tickets/:id").handler(access.page(Role.AGENT)).handler(this::ticket);
  }

  private void ticket(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    queues.find(id).map(found -> render(found.orElseThrow(() -> ApiException.notFound("Ticket " + id))))
        .onSuccess(html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store").end(html))
        .onFailure(ctx::fail);
  }

  /** The ticket filled in: every value HTML-escaped. */
  String render(Ticket t) {
    Site.Service service = queues.service(t.service());
    Site.Location loc = service.location();
    Site.Text building = site.building(loc.building()).map(Site.Building::name).orElse(new Site.Text("", ""));
    Site.Text floor = site.building(loc.building()).flatMap(b -> b.floors().stream()
        .filter(f -> f.level() == loc.floor()).findFirst()).map(Site.Floor::name).orElse(new Site.Text("", ""));
    Site.Text zone = site.area(loc.zone()).map(Site.Area::name).orElse(new Site.Text("", ""));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("number", t.number());
    values.put("service.fr", service.name().fr());
    values.put("service.en", service.name().en());
    values.put("zone.fr", zone.fr());
    values.put("zone.en", zone.en());
    values.put("room.fr", loc.room().fr());
    values.put("room.en", loc.room().en());
    values.put("building.fr", building.fr());
    values.put("building.en", building.en());
    values.put("floor.fr", floor.fr());
    values.put("floor.en", floor.en());
    values.put("issued", time.localMinutes(t.issued()).replace('T', ' '));
    values.put("slot", t.slotStart() == null ? "" : time.localMinutes(t.slotStart()).substring(11));
    values.put("slot-hidden", t.slotStart() == null ? "hidden" : "");
    String html = ticketTemplate;
    for (Map.Entry<String, String> v : values.entrySet()) {
      html = html.replace("{{" + v.getKey() + "}}", Html.escape(v.getValue()));
    }
    return html;
  }
}
