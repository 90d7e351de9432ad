package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Pages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** The counter, PAN and reception pages (static, driven by the API) and the printable bilingual ticket. */
final class QueuePages {
  private final Site site;
  private final SiteTime time;
  private final Queues queues;
  private final Templates templates = Templates.compile("ticket");

  QueuePages(Site site, SiteTime time, Queues queues) {
    this.site = site;
    this.time = time;
    this.queues = queues;
  }

  void mount(Router root, Access access) {
    root.get("/counter").handler(access.page(Role.AGENT)).handler(Pages.page("counter"));
    root.get("/pan").handler(access.page(Role.AGENT)).handler(Pages.page("pan"));
    root.get("/reception").handler(access.page(Role.AGENT, Role.MANAGER)).handler(Pages.page("reception"));
    root.get("/tickets/:id").handler(access.page(Role.AGENT, Role.MANAGER)).respond(Pages.html(this::ticket));
  }

  private Future<String> ticket(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return queues.find(id).map(found -> render(found.orElseThrow(() -> ApiException.notFound("Ticket " + id))));
  }

  /** The ticket filled in: every value HTML-escaped by the template. */
  String render(Ticket t) {
    Site.Service service = queues.service(t.service());
    Site.Location loc = service.location();
    Site.Text none = new Site.Text("", "");
    Map<String, Object> model = new HashMap<>();
    model.put("number", t.number());
    model.put("service", service.name());
    model.put("zone", site.area(loc.zone()).map(Site.Area::name).orElse(none));
    model.put("room", loc.room());
    model.put("building", site.building(loc.building()).map(Site.Building::name).orElse(none));
    model.put("floor", site.building(loc.building()).flatMap(b -> b.floors().stream()
        .filter(f -> f.level() == loc.floor()).findFirst()).map(Site.Floor::name).orElse(none));
    model.put("issued", new Site.Text(time.frenchDateTime(t.issued()), time.englishDateTime(t.issued())));
    model.put("slot", t.slotStart() == null ? null : new Site.Text(time.frenchTime(t.slotStart()),
        time.englishTime(t.slotStart())));
    return templates.render("ticket", model);
  }
}
