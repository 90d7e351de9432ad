package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.Html;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.web.Routes;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.qr.QrCodes;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/** Convocations to print or send: the code and manual code, the QR as PNG, the printable A4 page. */
final class ConvocationApi {
  /** 600 px: a version 8 QR (49 modules + quiet zone) gets 10 px a module, sharp when printed 6 cm wide. */
  static final int QR_PIXELS = 600;
  private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

  private final Vertx vertx;
  private final Site site;
  private final SiteTime time;
  private final Convocations convocations;

  ConvocationApi(Vertx vertx, Site site, SiteTime time, Convocations convocations) {
    this.vertx = vertx;
    this.site = site;
    this.time = time;
    this.convocations = convocations;
  }

  void mount(Routes routes) {
    Role[] who = {Role.MANAGER, Role.AGENT, Role.GUARD};
    routes.with(who).get("/appointments/:id/convocation").respond(ctx -> json(ctx, ConvocationKind.APPOINTMENT));
    routes.with(who).get("/appointments/:id/convocation.png").handler(ctx -> png(ctx, ConvocationKind.APPOINTMENT));
    routes.with(who).get("/invitations/:id/convocation").respond(ctx -> json(ctx, ConvocationKind.INVITATION));
    routes.with(who).get("/invitations/:id/convocation.png").handler(ctx -> png(ctx, ConvocationKind.INVITATION));
  }

  void mountPages(Router root, Access access) {
    root.get("/convocations/invitations/:id").handler(access.page(Role.MANAGER, Role.AGENT, Role.GUARD))
        .handler(ctx -> page(ctx, ConvocationKind.INVITATION));
    root.get("/convocations/:id").handler(access.page(Role.MANAGER, Role.AGENT, Role.GUARD))
        .handler(ctx -> page(ctx, ConvocationKind.APPOINTMENT));
  }

  private Future<JsonObject> json(RoutingContext ctx, ConvocationKind kind) {
    long id = JsonInput.pathId(ctx, "id");
    String base = kind == ConvocationKind.APPOINTMENT ? "/api/appointments/" : "/api/invitations/";
    String page = kind == ConvocationKind.APPOINTMENT ? "/convocations/" : "/convocations/invitations/";
    return convocations.issue(kind, id).map(issued -> new JsonObject().put("kind", Target.code(kind)).put("id", id)
        .put("code", issued.code()).put("manualCode", issued.manualCode())
        .put("qr", base + id + "/convocation.png").put("page", page + id));
  }

  private void png(RoutingContext ctx, ConvocationKind kind) {
    Future.succeededFuture().compose(v -> convocations.issue(kind, JsonInput.pathId(ctx, "id")))
        .compose(issued -> vertx.executeBlocking(() -> QrCodes.png(issued.code(), QR_PIXELS)))
        .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(png)))
        .onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx, ConvocationKind kind) {
    Future.succeededFuture().compose(v -> {
      try {
        return convocations.issue(kind, Long.parseLong(ctx.pathParam("id")));
      } catch (NumberFormatException e) {
        return Future.failedFuture(ApiException.notFound("Convocation"));
      }
    }).compose(issued -> vertx.executeBlocking(() -> html(issued, QrCodes.png(issued.code(), QR_PIXELS))))
        .onSuccess(html -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store").end(html))
        .onFailure(ctx::fail);
  }

  String html(Convocations.Issued issued, byte[] png) {
    Target t = issued.target();
    ZonedDateTime start = t.start().atZone(time.zone());
    ZonedDateTime admitFrom = start.minusMinutes(20);
    String whatFr;
    String whatEn;
    String whereFr;
    String whereEn;
    if (t.kind() == ConvocationKind.INVITATION) {
      whatFr = t.event();
      whatEn = t.event();
      whereFr = t.location() == null ? "" : t.location();
      whereEn = whereFr;
    } else {
      Site.Service s = site.service(t.service()).orElse(null);
      whatFr = s == null ? t.service() : s.name().fr();
      whatEn = s == null ? t.service() : s.name().en();
      whereFr = s == null ? "" : where(s, true);
      whereEn = s == null ? "" : where(s, false);
      admitFrom = s == null ? admitFrom : start.minus(s.admission().early());
    }
    long early = java.time.Duration.between(admitFrom, start).toMinutes();
    return """
        <!doctype html>
        <html lang="fr">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Convocation — %s</title>
        <link rel="stylesheet" href="/static/css/accueil.css"><link rel="stylesheet" href="/static/css/convocation.css">
        <script src="/static/js/print.js" defer></script></head>
        <body class="convocation">
        <main>
        <header><p class="site">%s <span lang="en">/ %s</span></p>
        <h1>Convocation <span lang="en">/ Appointment letter</span></h1></header>
        <div class="sheet">
        <div class="qr"><img src="data:image/png;base64,%s" alt="QR code de la convocation / convocation QR code" width="260" height="260">
        <p class="manual">Code : <strong class="code">%s</strong><br><span lang="en">Code if the QR cannot be read</span></p></div>
        <dl>
        <dt>Nom <span lang="en">/ Name</span></dt><dd>%s</dd>
        <dt>Date</dt><dd>%s<br><span lang="en">%s</span></dd>
        <dt>Heure <span lang="en">/ Time</span></dt><dd>%s <span lang="en">(%s)</span></dd>
        <dt>Objet <span lang="en">/ For</span></dt><dd>%s<br><span lang="en">%s</span></dd>
        <dt>Où aller <span lang="en">/ Where to go</span></dt><dd>%s<br><span lang="en">%s</span></dd>
        </dl></div>
        <section class="rules" aria-labelledby="rules-title"><h2 id="rules-title">À savoir <span lang="en">/ Please note</span></h2>
        <ul>
        <li>Présentez-vous à la guérite au plus tôt %d minutes avant votre rendez-vous, soit à partir de %s.
        <br><span lang="en">Arrive no earlier than %d minutes before your appointment, that is from %s.</span></li>
        <li>Apportez une pièce d'identité (carte d'identité, passeport ou titre de séjour).
        <br><span lang="en">Bring an identity document (ID card, passport or residence permit).</span></li>
        <li>Montrez ce QR code à la guérite, sur papier ou sur votre téléphone.
        <br><span lang="en">Show this QR code at the gatehouse, on paper or on your phone.</span></li>
        </ul></section>
        <p class="no-print"><button type="button" id="print">Imprimer <span lang="en">/ Print</span></button></p>
        </main></body></html>
        """.formatted(Html.escape(issued.manualCode()), Html.escape(site.name().fr()), Html.escape(site.name().en()),
        Base64.getEncoder().encodeToString(png), Html.escape(issued.manualCode()), Html.escape(t.name()),
        Html.escape(FR_DATE.format(start)), Html.escape(EN_DATE.format(start)),
        Html.escape(FR_TIME.format(start)), Html.escape(EN_TIME.format(start)),
        Html.escape(whatFr), Html.escape(whatEn), Html.escape(whereFr), Html.escape(whereEn),
        early, Html.escape(FR_TIME.format(admitFrom)), early, Html.escape(EN_TIME.format(admitFrom)));
  }

  private String where(Site.Service s, boolean french) {
    Site.Location l = s.location();
    StringBuilder out = new StringBuilder();
    site.building(l.building()).ifPresent(b -> {
      out.append(french ? b.name().fr() : b.name().en());
      b.floors().stream().filter(f -> f.level() == l.floor()).findFirst()
          .ifPresent(f -> out.append(", ").append(french ? f.name().fr() : f.name().en()));
    });
    if (l.room() != null) {
      out.append(out.length() > 0 ? ", " : "").append(french ? l.room().fr() : l.room().en());
    }
    return out.toString();
  }
}
