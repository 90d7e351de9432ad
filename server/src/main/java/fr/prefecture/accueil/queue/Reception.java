package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reception desk (/reception): a walk-in ticket for any service, with the wait to tell the visitor — the people
 * waiting now and today's median wait, the figure of the waiting-times indicator. A PAN walk-in goes to the PAN
 * desk's walk-in queue, as from the PAN page, where the desk may place it in a slot.
 */
final class Reception {
  private final Queues queues;
  private final QueueApi api;
  private final Supplier<Future<Map<String, Integer>>> medianWaitToday;

  Reception(Queues queues, QueueApi api, Supplier<Future<Map<String, Integer>>> medianWaitToday) {
    this.queues = queues;
    this.api = api;
    this.medianWaitToday = medianWaitToday;
  }

  void mount(Routes routes) {
    routes.with(Role.AGENT, Role.MANAGER).get("/reception/services").respond(this::services);
    routes.with(Role.AGENT, Role.MANAGER).post("/reception/tickets").respond(this::issue);
  }

  /** Every service with its wait now: {@code [{"code","name","pan","waiting","medianWaitToday"}]}. */
  Future<JsonArray> services(RoutingContext ctx) {
    List<Site.Service> services = queues.site().services();
    List<Future<List<Ticket>>> waiting = services.stream().map(queues::waiting).toList();
    Future<Map<String, Integer>> medians = medianWaitToday.get();
    return Future.all(medians, Future.all(waiting)).map(all -> {
      JsonArray out = new JsonArray();
      for (int i = 0; i < services.size(); i++) {
        Site.Service s = services.get(i);
        out.add(new JsonObject().put("code", s.code()).put("name", SiteApi.text(s.name()))
            .put("pan", s.pan().isPresent()).put("waiting", waiting.get(i).result().size())
            .put("medianWaitToday", medians.result().get(s.code())));
      }
      return out;
    });
  }

  /** {@code {"service"}} → 201, the ticket with {@code ahead} (waiting before it now) and today's median wait. */
  Future<JsonObject> issue(RoutingContext ctx) {
    Site.Service service = queues.service(JsonInput.string(JsonInput.object(ctx), "service"));
    String staff = Access.caller(ctx).name();
    return queues.issue(service, Optional.empty(), staff)
        .compose(t -> Future.all(queues.waiting(service), medianWaitToday.get()).map(all -> {
          List<Ticket> waiting = all.resultAt(0);
          Map<String, Integer> medians = all.resultAt(1);
          int ahead = 0;
          while (ahead < waiting.size() && waiting.get(ahead).id() != t.id()) {
            ahead++;
          }
          ctx.response().setStatusCode(201);
          return api.json(t).put("ahead", ahead).put("waiting", waiting.size())
              .put("medianWaitToday", medians.get(service.code()))
              .put("name", SiteApi.text(service.name()));
        }));
  }
}
