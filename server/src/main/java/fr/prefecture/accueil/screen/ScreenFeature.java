package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.signage.live.ScreenEvents;
import fr.prefecture.accueil.signage.view.ScreenRenderer;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** The screens feature: pages, live stream, notices, alerts, transparency figures, service states. */
public record ScreenFeature(ScreenHub hub, ScreenPages pages, ScreenApi screens, NoticeApi notices, AlertApi alerts,
    BoardApi board, ScreenAccess screenAccess) implements Feature {
  /**
   * Builds the feature (templates are compiled off the event loop) and starts its hub on the caller's context.
   * {@code calls}, {@code waiting} and {@code busyHours} give the latest calls, today's waiting times and the
   * published busy hours; {@code requirePairing}:
   * only paired screen devices (and manager sessions) open the screens; else at most
   * {@code anonymousStreamsPerAddress} streams from one address.
   */
  public static Future<ScreenFeature> create(Vertx vertx, Pool pool, Site site, SiteTime time, AuditLog audit,
      Access access, LatestCalls calls, WaitingTimes waiting, BusyHours busyHours, boolean requirePairing,
      int anonymousStreamsPerAddress) {
    Future<Speech> voice = Speech.create(vertx);
    return vertx.executeBlocking(() -> new ScreenRenderer(site.zone(), ScreenHub.HEARTBEAT))
        .compose(renderer -> voice.map(speech -> {
          NoticeRepository noticeStore = new NoticeRepository(pool);
          AlertRepository alertStore = new AlertRepository(pool);
          BoardRepository boardStore = new BoardRepository(pool);
          ContactRepository contacts = new ContactRepository(pool);
          ScreenContent content = new ScreenContent(site, time, noticeStore, alertStore, boardStore, calls, waiting,
              busyHours);
          ScreenHub hub = new ScreenHub(vertx, site, time, content, new ScreenEvents(renderer), calls, alertStore,
              contacts);
          hub.start();
          ScreenAccess screenAccess = new ScreenAccess(access, requirePairing, anonymousStreamsPerAddress);
          screenAccess.start(vertx);
          return new ScreenFeature(hub, new ScreenPages(site, access, content, renderer, hub, screenAccess, speech),
              new ScreenApi(site, time, contacts, hub, boardStore, speech.available()),
              new NoticeApi(vertx, site, time, noticeStore, audit), new AlertApi(vertx, site, time, alertStore, audit),
              new BoardApi(vertx, site, time, boardStore, audit), screenAccess);
        }));
  }

  @Override
  public void mount(Routes routes) {
    screens.mount(routes);
    notices.mount(routes);
    alerts.mount(routes);
    board.mount(routes);
  }

  @Override
  public void mountPages(Router root) {
    pages.mount(root);
  }

  @Override
  public void close() {
    screenAccess.close();
    hub.close();
  }
}
