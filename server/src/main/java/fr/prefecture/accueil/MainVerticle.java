package fr.prefecture.accueil;

import fr.prefecture.accueil.appointment.AppointmentFeature;
import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.audit.AuditFeature;
import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Attempts;
import fr.prefecture.accueil.auth.PasswordChecks;
import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.db.DataFiles;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.demo.DemoData;
import fr.prefecture.accueil.device.DeviceFeature;
import fr.prefecture.accueil.gate.GateFeature;
import fr.prefecture.accueil.http.ClientAddress;
import fr.prefecture.accueil.http.Connections;
import fr.prefecture.accueil.http.Failures;
import fr.prefecture.accueil.http.MalformedPaths;
import fr.prefecture.accueil.indicator.IndicatorFeature;
import fr.prefecture.accueil.mail.MailFeature;
import fr.prefecture.accueil.operations.OperationsFeature;
import fr.prefecture.accueil.privacy.PrivacyFeature;
import fr.prefecture.accueil.queue.CallLog;
import fr.prefecture.accueil.queue.QueueFeature;
import fr.prefecture.accueil.screen.ScreenFeature;
import fr.prefecture.accueil.screen.StoredCalls;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteFeature;
import fr.prefecture.accueil.staff.StaffFeature;
import fr.prefecture.accueil.staff.StaffRepository;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Bodies;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires configuration, store and features, then listens. Holds no logic of its own. */
public final class MainVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);

  private final Options options;
  private Pool pool;
  private HttpServer server;
  private Routes routes;
  private IndicatorFeature indicators;
  private Access access;
  private Connections connections;
  private ClientAddress addresses;
  private PasswordChecks passwords;
  private List<Feature> features = List.of();

  public MainVerticle(Options options) {
    this.options = options;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> {
      Settings resolved = Settings.resolve(options);
      DataFiles.looser(resolved.dataDir()).forEach(path -> LOG.warn("Other local users may read {}: it holds names,"
          + " e-mail addresses and password hashes; make it private to this account (chmod go-rwx)", path));
      return resolved;
    }).compose(settings -> {
      Clock clock = options.now().map(SiteTime::startingAt).orElseGet(() -> options.demo()
          ? settings.site().openingHours().demoClock(settings.site().zone())
          : Clock.systemUTC());
      SiteTime time = new SiteTime(clock, settings.site().zone());
      addresses = new ClientAddress(settings.connections().trustedProxies());
      connections = new Connections(vertx, settings.connections(), addresses);
      pool = Database.open(vertx, settings.dataDir().resolve("accueil.db"));
      return Database.migrate(vertx, pool)
          .compose(v -> features(settings, time))
          .compose(v -> listen(settings, time))
          .onSuccess(s -> {
            server = s;
            features.forEach(Feature::start);
            LOG.info("Accueil listening on http://localhost:{}/ (data in {})", s.actualPort(),
                settings.dataDir().toAbsolutePath());
          });
    });
  }

  /** Builds every feature, in the order their dependencies need, then the demo's data if asked. */
  private Future<Void> features(Settings settings, SiteTime time) {
    Site site = settings.site();
    Path store = settings.dataDir().resolve("accueil.db");
    PasswordHasher hasher = new PasswordHasher();
    StaffRepository staff = new StaffRepository(pool);
    AuditLog audit = new AuditLog(pool, time);
    AppointmentRepository appointments = new AppointmentRepository(pool);
    InvitationRepository invitations = new InvitationRepository(pool);
    Attempts attempts = new Attempts(pool, time.clock());
    passwords = new PasswordChecks(vertx, hasher, settings.limits().passwordThreads(),
        settings.limits().passwordQueue());
    return DeviceFeature.create(vertx, pool, site, time, audit, attempts, settings.limits()).compose(devices -> {
      access = new Access(staff, time.clock(), settings.sessions(), devices.tokens(), connections::known);
      Future<StaffFeature> staffFeature = StaffFeature.create(vertx, staff, hasher, passwords, attempts,
          settings.limits(), time.clock(), audit,
          options.adminPassword(), options.demo());
      Future<IndicatorFeature> indicatorFeature = IndicatorFeature.create(vertx, pool, store, site, time, access);
      Future<GateFeature> gate = GateFeature.create(vertx, site, time, pool, settings.dataDir(), appointments,
          invitations, audit, access);
      Future<MailFeature> mail = MailFeature.create(vertx, pool, site, time, settings.mail(), appointments, access);
      Future<ScreenFeature> screens = indicatorFeature.compose(i -> ScreenFeature.create(vertx, pool, site, time,
          audit, access, new StoredCalls(new CallLog(pool), time), i::medianWaitToday, i::publishedAffluence,
          settings.screensRequirePairing(), settings.connections().anonymousStreamsPerAddress()));
      Future<QueueFeature> queues = indicatorFeature.compose(i -> QueueFeature.create(vertx, pool, site, time, access,
          i::medianWaitToday));
      Future<OperationsFeature> operations = Future.all(indicatorFeature, queues)
          .compose(v -> OperationsFeature.create(vertx, pool, site, time, access,
              indicatorFeature.result()::medianWaitToday, queues.result()::panPlacesLeft));
      List<Future<? extends Feature>> all = List.of(Future.succeededFuture(new Pages(access)),
          staffFeature, AuditFeature.create(audit), Future.succeededFuture(devices),
          SiteFeature.create(site, time, options.demo()),
          gate.compose(g -> mail.compose(m -> AppointmentFeature.create(site, time, appointments, invitations,
              audit, g.convocations(), m.messages()))),
          queues, gate, screens, indicatorFeature, operations,
          PrivacyFeature.create(vertx, pool, time, settings.retention()), mail);
      return Future.all(all).compose(built -> {
        features = all.stream().<Feature>map(Future::result).toList();
        indicators = indicatorFeature.result();
        return options.demo()
            ? new DemoData(vertx, site, time, staff, hasher, appointments, store, gate.result().convocations(),
                mail.result().messages(),
                gate.result()::admitForDemo)
                .install()
            : Future.succeededFuture();
      });
    });
  }

  private Future<HttpServer> listen(Settings settings, SiteTime time) {
    Router root = Router.router(vertx);
    root.route().handler(addresses.handler());
    Router api = Router.router(vertx);
    routes = new Routes(api, access, new Bodies(settings.limits().bodyBufferBytes()));
    features.forEach(f -> f.mount(routes));
    Pages.securityHeaders(root);
    root.route().handler(access.deviceCookies());
    root.get("/health").respond(ctx -> Future.succeededFuture(new JsonObject().put("status", "ok")
        .put("site", settings.site().name().fr()).put("time", time.now().toString())));
    root.route("/api/*").subRouter(api);
    features.forEach(f -> f.mountPages(root));
    Failures.install(root);
    // No HTTP/2 over clear text: its detection waits for a client's first bytes before the connection is known,
    // so a connection that sends nothing would escape the header timeout (HTTPS is the proxy's business).
    HttpServerOptions serverOptions = new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) settings.connections().idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
    return connections.install(vertx.createHttpServer(serverOptions))
        .requestHandler(connections.guard(MalformedPaths.guard(root))).listen(settings.port());
  }

  /** The port actually bound (useful with --port 0). */
  public int port() {
    return server.actualPort();
  }

  public IndicatorFeature indicators() {
    return indicators;
  }

  public Connections connections() {
    return connections;
  }

  public Routes routes() {
    return routes;
  }

  @Override
  public Future<?> stop() {
    features.forEach(Feature::close);
    if (passwords != null) {
      passwords.close();
    }
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
