package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.web.Routes;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues, counters and PAN slots: the API, the counter and PAN pages, the printable ticket. */
public final class QueueFeature {
  private static final Logger LOG = LoggerFactory.getLogger(QueueFeature.class);

  private final Vertx vertx;
  private final Queues queues;
  private final QueueApi api;
  private final QueuePages pages;

  public QueueFeature(Vertx vertx, Pool pool, Site site, SiteTime time) {
    this.vertx = vertx;
    TicketRepository tickets = new TicketRepository(pool);
    this.queues = new Queues(site, time, tickets, vertx.eventBus());
    this.api = new QueueApi(queues, new PanDesk(time, tickets, queues), time);
    this.pages = new QueuePages(site, time, queues);
  }

  /** Mounts the API routes and listens to the gate's arrivals. */
  public void mount(Routes routes) {
    api.mount(routes);
    // Only makes the ticket appear sooner: every read and call takes arrivals from the store anyway.
    vertx.eventBus().<JsonObject>consumer(Events.ARRIVALS, message -> queues.takeArrivals()
        .onFailure(e -> LOG.warn("Could not take arrivals now; the next read will", e)));
  }

  /** Mounts /counter, /pan and the printable ticket /tickets/{id} (after the security headers). */
  public void mountPages(Router root, Access access) {
    pages.mount(root, access);
  }
}
