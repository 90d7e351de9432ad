package fr.prefecture.accueil.gate;

import static fr.prefecture.accueil.kiosk.convocation.ConvocationKind.APPOINTMENT;
import static fr.prefecture.accueil.kiosk.convocation.ConvocationKind.INVITATION;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.qr.QrCodes;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Convocations to print or send: the code and manual code, the QR as PNG, the printable A4 page. */
final class ConvocationApi {
  /** 600 px: a version 8 QR (49 modules + quiet zone) gets 10 px a module, sharp when printed 6 cm wide. */
  static final int QR_PIXELS = 600;

  private final Vertx vertx;
  private final Site site;
  private final SiteTime time;
  private final Convocations convocations;
  private final AuditLog audit;
  private final Templates templates = Templates.compile("convocation");

  ConvocationApi(Vertx vertx, Site site, SiteTime time, Convocations convocations, AuditLog audit) {
    this.vertx = vertx;
    this.site = site;
    this.time = time;
    this.convocations = convocations;
    this.audit = audit;
  }

  Convocations convocations() {
    return convocations;
  }

  /**
   * Managers (and admins) only: a convocation is what admits its holder, and ids are sequential. Issued when the
   * appointment or invitation is stored; a read never writes; the POST issues one by hand (an older store).
   */
  void mount(Routes routes) {
    routes.with(Role.MANAGER).get("/appointments/:id/convocation").respond(ctx -> json(ctx, APPOINTMENT));
    routes.with(Role.MANAGER).get("/appointments/:id/convocation.png").respond(ctx -> png(ctx, APPOINTMENT));
    routes.with(Role.MANAGER).post("/appointments/:id/convocation").respond(ctx -> reissue(ctx, APPOINTMENT));
    routes.with(Role.MANAGER).get("/invitations/:id/convocation").respond(ctx -> json(ctx, INVITATION));
    routes.with(Role.MANAGER).get("/invitations/:id/convocation.png").respond(ctx -> png(ctx, INVITATION));
    routes.with(Role.MANAGER).post("/invitations/:id/convocation").respond(ctx -> reissue(ctx, INVITATION));
  }

  void mountPages(Router root, Access access) {
    root.get("/convocations/invitations/:id").handler(access.page(Role.MANAGER))
        .respond(Pages.html(ctx -> page(ctx, INVITATION)));
    root.get("/convocations/:id").handler(access.page(Role.MANAGER))
        .respond(Pages.html(ctx -> page(ctx, APPOINTMENT)));
  }

  private Future<JsonObject> json(RoutingContext ctx, ConvocationKind kind) {
    long id = JsonInput.pathId(ctx, "id");
    return convocations.current(kind, id).map(issued -> json(kind, id, issued));
  }

  private static JsonObject json(ConvocationKind kind, long id, Convocations.Issued issued) {
    String base = kind == APPOINTMENT ? "/api/appointments/" : "/api/invitations/";
    String page = kind == APPOINTMENT ? "/convocations/" : "/convocations/invitations/";
    return new JsonObject().put("kind", Target.code(kind)).put("id", id)
        .put("code", issued.code()).put("manualCode", issued.manualCode())
        .put("qr", base + id + "/convocation.png").put("page", page + id);
  }

  /** 201 when a new code was stored, 200 when the stored one still held. */
  private Future<JsonObject> reissue(RoutingContext ctx, ConvocationKind kind) {
    long id = JsonInput.pathId(ctx, "id");
    return convocations.reissue(kind, id).compose(fresh -> {
      ctx.response().setStatusCode(fresh ? 201 : 200);
      return fresh ? audit.record(ctx, "convocation.issued", Target.code(kind) + " " + id, null)
          : Future.succeededFuture();
    }).compose(v -> convocations.current(kind, id)).map(issued -> json(kind, id, issued));
  }

  private Future<Buffer> png(RoutingContext ctx, ConvocationKind kind) {
    ctx.response().putHeader("Content-Type", "image/png");
    return convocations.current(kind, JsonInput.pathId(ctx, "id"))
        .compose(issued -> vertx.executeBlocking(() -> Buffer.buffer(QrCodes.png(issued.code(), QR_PIXELS))));
  }

  private Future<String> page(RoutingContext ctx, ConvocationKind kind) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      return Future.failedFuture(ApiException.notFound("Convocation"));
    }
    return convocations.current(kind, id)
        .compose(issued -> vertx.executeBlocking(() -> html(issued, QrCodes.png(issued.code(), QR_PIXELS))));
  }

  /** The printable page: the model's values (the visitor's name, the site's names) are escaped by the template. */
  String html(Convocations.Issued issued, byte[] png) {
    Target t = issued.target();
    ZonedDateTime start = t.start().atZone(time.zone());
    ZonedDateTime admitFrom = start.minusMinutes(20);
    Site.Text what;
    Site.Text where;
    if (t.kind() == INVITATION) {
      what = new Site.Text(t.event(), t.event());
      where = t.location() == null ? new Site.Text("", "") : new Site.Text(t.location(), t.location());
    } else {
      Site.Service s = site.service(t.service()).orElse(null);
      what = s == null ? new Site.Text(t.service(), t.service()) : s.name();
      where = s == null ? new Site.Text("", "") : site.where(s);
      admitFrom = s == null ? admitFrom : start.minus(s.admission().early());
    }
    Map<String, Object> model = new HashMap<>();
    model.put("code", issued.manualCode());
    model.put("site", site.name());
    model.put("qr", Base64.getEncoder().encodeToString(png));
    model.put("name", t.name());
    model.put("date", new Site.Text(time.frenchDate(t.start()), time.englishDate(t.start())));
    model.put("time", new Site.Text(time.frenchTime(t.start()), time.englishTime(t.start())));
    model.put("what", what);
    model.put("where", where);
    model.put("early", Duration.between(admitFrom, start).toMinutes());
    model.put("from",
        new Site.Text(time.frenchTime(admitFrom.toInstant()), time.englishTime(admitFrom.toInstant())));
    return templates.render("convocation", model);
  }
}
