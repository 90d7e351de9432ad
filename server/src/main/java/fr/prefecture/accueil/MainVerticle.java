package fr.prefecture.accueil;

import fr.prefecture.accueil.appointment.AppointmentApi;
import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.InvitationApi;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.demo.DemoData;
import fr.prefecture.accueil.device.Devices;
import fr.prefecture.accueil.gate.GateFeature;
import fr.prefecture.accueil.http.Failures;
import fr.prefecture.accueil.http.MalformedPaths;
import fr.prefecture.accueil.web.Routes;
import fr.prefecture.accueil.indicator.IndicatorFeature;
import fr.prefecture.accueil.privacy.Retention;
import fr.prefecture.accueil.queue.QueueFeature;
import fr.prefecture.accueil.queue.CallLog;
import fr.prefecture.accueil.screen.StoredCalls;
import fr.prefecture.accueil.screen.Screens;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.staff.Bootstrap;
import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.staff.StaffApi;
import fr.prefecture.accueil.staff.StaffRepository;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires configuration, store and features, then listens. Holds no logic of its own. */
public final class MainVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);

  private final Options options;
  private Pool pool;
  private HttpServer server;
  private Routes routes;
  private GateFeature gate;
  private Screens screens;
  private IndicatorFeature indicators;

  public MainVerticle(Options options) {
    this.options = options;
  }

  static final Duration RETENTION_PASS_EVERY = Duration.ofHours(6);

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> Settings.resolve(options)).compose(settings -> {
      Clock clock = options.now().map(SiteTime::startingAt).orElse(Clock.systemUTC());
      SiteTime time = new SiteTime(clock, settings.site().zone());
      pool = Database.open(vertx, settings.dataDir().resolve("accueil.db"));
      PasswordHasher hasher = new PasswordHasher();
      StaffRepository staff = new StaffRepository(pool);
      AuditLog audit = new AuditLog(pool, time);
      Devices devices = new Devices(vertx, pool, settings.site(), time);
      Access access = new Access(staff, clock, settings.sessionIdle(), devices.tokens());
      return Database.migrate(vertx, pool)
          .compose(v -> new Bootstrap(vertx, staff, hasher, clock).adminFromEnvironment(options.adminPassword(), options.demo()))
          .compose(v -> GateFeature.create(vertx, settings.site(), time, pool, settings.dataDir(),
              new AppointmentRepository(pool), new InvitationRepository(pool), audit).onSuccess(g -> gate = g))
          .compose(v -> vertx.executeBlocking(() -> new StaffApi(vertx, staff, hasher, clock, audit)))
          .compose(staffApi -> Screens.create(vertx, pool, settings.site(), time, audit, access,
              new StoredCalls(new CallLog(pool), time), () -> indicators == null
                  ? Future.succeededFuture(java.util.Map.of()) : indicators.medianWaitToday(),
              settings.screensRequirePairing()).map(s -> {
                screens = s;
                return staffApi;
              }))
          .compose(staffApi -> {
            Router root = Router.router(vertx);
            Router api = Router.router(vertx);
            routes = new Routes(api, access);
            AppointmentRepository appointments = new AppointmentRepository(pool);
            InvitationRepository invitations = new InvitationRepository(pool);

            staffApi.mount(routes);
            audit.mount(routes);
            devices.mount(routes, audit);
            new SiteApi(settings.site()).mount(routes);
            new AppointmentApi(settings.site(), time, appointments, audit).mount(routes);
            new InvitationApi(time, invitations, audit).mount(routes);
            QueueFeature queues = new QueueFeature(vertx, pool, settings.site(), time);
            queues.mount(routes);
            gate.mount(routes);
            screens.mount(routes);
            indicators = new IndicatorFeature(vertx, pool, settings.dataDir().resolve("accueil.db"), settings.site(), time);
            indicators.mount(routes);

            Pages.securityHeaders(root);
            root.get("/health").respond(ctx -> Future.succeededFuture(new JsonObject().put("status", "ok")
                .put("site", settings.site().name().fr()).put("time", time.now().toString())));
            root.route("/api/*").subRouter(api);
            new Pages(access).mount(root);
            queues.mountPages(root, access);
            gate.mountPages(root, access);
            screens.mountPages(root);
            indicators.mountPages(root, access);
            devices.mountPages(root);
            Failures.install(root);

            Future<Void> demo = options.demo()
                ? new DemoData(vertx, settings.site(), time, staff, hasher, appointments,
                    settings.dataDir().resolve("accueil.db"), gate::admitForDemo).install()
                : Future.succeededFuture();
            Retention retention = new Retention(pool, time, settings.retention());
            vertx.setPeriodic(RETENTION_PASS_EVERY.toMillis(), id -> retention.run());
            return demo.compose(v -> retention.run())
                .compose(v -> vertx.createHttpServer().requestHandler(MalformedPaths.guard(root)).listen(settings.port()));
          })
          .map(s -> {
            server = s;
            indicators.startRollups();
            LOG.info("Accueil listening on http://localhost:{}/ (data in {})", s.actualPort(),
                settings.dataDir().toAbsolutePath());
            return s;
          });
    });
  }

  /** The port actually bound (useful with --port 0). */
  public int port() {
    return server.actualPort();
  }

  public IndicatorFeature indicators() {
    return indicators;
  }

  public Routes routes() {
    return routes;
  }

  @Override
  public Future<?> stop() {
    if (screens != null) {
      screens.close();
    }
    if (indicators != null) {
      indicators.close();
    }
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
