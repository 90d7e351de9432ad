package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues, counters and PAN slots: the API, the counter, PAN and reception pages, the printable ticket. */
public final class QueueFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(QueueFeature.class);

  private final Vertx vertx;
  private final Access access;
  private final Queues queues;
  private final QueueApi api;
  private final QueuePages pages;
  private final Reception reception;
  private final PanDesk desk;
  private MessageConsumer<JsonObject> arrivals;

  private QueueFeature(Vertx vertx, Access access, Queues queues, PanDesk desk, QueuePages pages,
      Supplier<Future<Map<String, Integer>>> medianWaitToday) {
    this.vertx = vertx;
    this.access = access;
    this.queues = queues;
    this.desk = desk;
    this.api = new QueueApi(queues, desk, queues.time());
    this.pages = pages;
    this.reception = new Reception(queues, api, medianWaitToday);
  }

  /** {@code medianWaitToday}: today's median wait by service code, in minutes (the waiting-times indicator). */
  public static Future<QueueFeature> create(Vertx vertx, Pool pool, Site site, SiteTime time, Access access,
      Supplier<Future<Map<String, Integer>>> medianWaitToday) {
    TicketRepository tickets = new TicketRepository(pool);
    Queues queues = new Queues(site, time, tickets, vertx.eventBus());
    return vertx.executeBlocking(() -> new QueueFeature(vertx, access, queues, new PanDesk(time, tickets, queues),
        new QueuePages(site, time, queues), medianWaitToday));
  }

  /** Free places left today in each PAN service's slots not over yet, by service code (PAN services only). */
  public Future<Map<String, Integer>> panPlacesLeft() {
    List<Site.Service> pans = queues.site().services().stream().filter(s -> s.pan().isPresent()).toList();
    Map<String, Integer> out = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Site.Service pan : pans) {
      chain = chain.compose(v -> desk.placesLeft(pan).map(n -> {
        out.put(pan.code(), n);
        return null;
      }));
    }
    return chain.map(v -> out);
  }

  @Override
  public void mount(Routes routes) {
    api.mount(routes);
    reception.mount(routes);
  }

  /** Mounts /counter, /pan, /reception and the printable ticket /tickets/{id}. */
  @Override
  public void mountPages(Router root) {
    pages.mount(root, access);
  }

  /** Listens to the gate's arrivals. */
  @Override
  public void start() {
    // Only makes the ticket appear sooner: every read and call takes arrivals from the store anyway.
    arrivals = vertx.eventBus().consumer(Events.ARRIVALS, message -> queues.takeArrivals()
        .onFailure(e -> LOG.warn("Could not take arrivals now; the next read will", e)));
  }

  @Override
  public void close() {
    if (arrivals != null) {
      arrivals.unregister();
    }
  }
}
