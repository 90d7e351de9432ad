package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.ConvocationIssuer;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.KeyRing;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.List;

/** The gate feature (guérite): keys, convocations, the kiosk API and pages, wired from the main verticle. */
public record GateFeature(KioskApi kiosk, ConvocationApi convocationApi, KeyApi keyApi, Gate gate, Site site,
    Access access) implements Feature {
  /** Opens (on first start, creates) the signing keys in {@code dataDir/keys}, off the event loop. */
  public static Future<GateFeature> create(Vertx vertx, Site site, SiteTime time, Pool pool, Path dataDir,
      AppointmentRepository appointments, InvitationRepository invitations, AuditLog audit, Access access) {
    return vertx.executeBlocking(() -> KeyRing.openOrCreate(dataDir.resolve("keys"), time.clock())).map(keys -> {
      ConvocationCodec codec = new ConvocationCodec(keys);
      ConvocationRepository stored = new ConvocationRepository(pool);
      ScanRepository scans = new ScanRepository(pool);
      Convocations convocations = new Convocations(vertx, pool, codec, stored, appointments, invitations, time);
      Gate gate = new Gate(site, time, codec, stored, scans, vertx.eventBus());
      OfflinePack pack = new OfflinePack(site, time, keys, gate, scans, appointments, invitations);
      return new GateFeature(new KioskApi(vertx, site, time, gate, scans, appointments, invitations, pack),
          new ConvocationApi(vertx, site, time, convocations, audit), new KeyApi(vertx, keys, audit), gate, site,
          access);
    });
  }

  /** Issues the convocations of appointments and invitations on the transaction that stores them. */
  public ConvocationIssuer convocations() {
    return convocationApi.convocations();
  }

  /**
   * The demo's visitors already at the gate: admitted at the first gate under the same rules as a
   * guard's admission by hand, recorded as such by "demo"; the scan id makes it happen once.
   */
  public Future<JsonObject> admitForDemo(long appointmentId) {
    Gate.Request request = new Gate.Request("demo-arrival-" + appointmentId, site.gates().get(0).id(),
        fr.prefecture.accueil.kiosk.admission.Direction.IN, "demo");
    return gate.admitByHand(request, fr.prefecture.accueil.kiosk.convocation.ConvocationKind.APPOINTMENT,
        appointmentId);
  }

  @Override
  public void mount(Routes routes) {
    kiosk.mount(routes);
    convocationApi.mount(routes);
    keyApi.mount(routes);
  }

  @Override
  public void mountPages(Router root) {
    root.get("/kiosk").handler(access.page(List.of(DeviceKind.KIOSK), Role.GUARD))
        .handler(Pages.page("kiosk"));
    // At the site root so that its scope covers /kiosk: the page reloads with no network.
    root.get("/kiosk-sw.js").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/javascript; charset=utf-8").putHeader("Cache-Control", "no-cache")
        .sendFile("webroot/kiosk/kiosk-sw.js").onFailure(ctx::fail));
    root.get("/evacuation").handler(access.page(Role.GUARD, Role.MANAGER))
        .handler(Pages.page("evacuation"));
    convocationApi.mountPages(root, access);
  }
}
