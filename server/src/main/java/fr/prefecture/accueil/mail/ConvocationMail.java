package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.kiosk.qr.QrCodes;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The convocation e-mail, French then English in one message: text and HTML alternatives, the QR inline
 * ({@code cid:qr}), the manual code, the rules of entry, the place inside, and an iCalendar invitation (Europe/Paris
 * time). Built from the outbox's payload as written; CPU work (QR, calendar): call it off the event loop.
 */
final class ConvocationMail {
  /** A version 8 QR (57 modules with its quiet zone) at 5 px a module: read from a phone's screen. */
  static final int QR_PIXELS = 300;
  static final String QR_CID = "qr@accueil";

  private final Site site;
  private final SiteTime time;
  private final MailSettings settings;
  private final Templates templates = Templates.compile("mail/convocation-html", "mail/convocation-text");

  ConvocationMail(Site site, SiteTime time, MailSettings settings) {
    this.site = site;
    this.time = time;
    this.settings = settings;
  }

  /** "Convocation : … / Appointment: …", written with the message (the list of the outbox shows it). */
  String subject(JsonObject payload) {
    Instant start = Instant.ofEpochMilli(payload.getLong("start"));
    Site.Text what = what(payload.getString("service"));
    String moved = payload.containsKey("before") ? ".moved" : "";
    return templates.text("mail.subject" + moved + ".fr", Map.of("service", what.fr(), "date",
        time.frenchDate(start), "time", time.frenchTime(start))) + " / "
        + templates.text("mail.subject" + moved + ".en", Map.of("service", what.en(), "date",
            time.englishDate(start), "time", time.englishTime(start)));
  }

  /** The message to send, with its stored Message-ID. */
  MailMessage message(Outbox.Message m) {
    byte[] png = QrCodes.png(m.payload().getString("code"), QR_PIXELS);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Message-ID", m.messageId())
        .add("Auto-Submitted", "auto-generated").add("Content-Language", "fr, en");
    MailMessage mail = new MailMessage().setFrom(settings.from()).setTo(m.recipient()).setSubject(m.subject())
        .setText(text(m.payload())).setHtml(html(m.payload(), "cid:" + QR_CID)).setHeaders(headers);
    settings.replyTo().ifPresent(r -> headers.add("Reply-To", r));
    mail.setInlineAttachment(MailAttachment.create().setData(Buffer.buffer(png)).setContentType("image/png")
        .setName("convocation-qr.png").setDisposition("inline").setContentId("<" + QR_CID + ">"));
    mail.setAttachment(MailAttachment.create().setData(Buffer.buffer(ics(m)))
        .setContentType("text/calendar; charset=UTF-8; method=PUBLISH").setName("rendez-vous.ics")
        .setDisposition("attachment"));
    return mail;
  }

  /** The HTML part as the visitor sees it, the QR as a data: URI (the admins' preview). */
  String preview(Outbox.Message m) {
    byte[] png = QrCodes.png(m.payload().getString("code"), QR_PIXELS);
    return html(m.payload(), "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  String html(JsonObject payload, String qr) {
    Map<String, Object> model = model(payload);
    model.put("qr", qr);
    return templates.render("mail/convocation-html", model);
  }

  String text(JsonObject payload) {
    return templates.render("mail/convocation-text", model(payload)) + "\n";
  }

  /** The calendar entry: one event per appointment (same UID when it moves, a higher SEQUENCE). */
  String ics(Outbox.Message m) {
    JsonObject p = m.payload();
    ZonedDateTime start = Instant.ofEpochMilli(p.getLong("start")).atZone(time.zone());
    Site.Text what = what(p.getString("service"));
    Site.Text where = where(p.getString("service"));
    VEvent event = new VEvent(start, start.plusMinutes(p.getInteger("durationMinutes")),
        templates.text("mail.calendar.summary.fr", Map.of("service", what.fr())) + " / "
            + templates.text("mail.calendar.summary.en", Map.of("service", what.en())));
    event.add(new Uid("appointment-" + m.appointmentId() + "@" + settings.domain()));
    // Increases with each message about the appointment, so that a calendar replaces the entry when it moves.
    event.add(new Sequence((int) (m.createdAt().getEpochSecond() / 60 - 29_000_000L)));
    event.add(new Location(site.name().fr() + " — " + where.fr()));
    event.add(new Description(templates.text("convocation.code.fr") + " " + p.getString("manualCode") + "\n"
        + templates.text("convocation.code.en") + ": " + p.getString("manualCode")));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Prefecture//Accueil//FR"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(time.zone().getId())
        .getVTimeZone());
    calendar.add(event);
    return calendar.toString();
  }

  private Map<String, Object> model(JsonObject p) {
    Instant start = Instant.ofEpochMilli(p.getLong("start"));
    Site.Service service = site.service(p.getString("service")).orElse(null);
    Duration early = service == null ? Duration.ofMinutes(20) : service.admission().early();
    int companions = service == null ? 0 : service.admission().maxCompanions();
    Instant from = start.minus(early);
    Site.Text fromText = new Site.Text(time.frenchTime(from), time.englishTime(from));
    String name = p.getString("name");
    Map<String, Object> model = new HashMap<>();
    model.put("site", site.name());
    model.put("name", name);
    model.put("code", p.getString("manualCode"));
    model.put("date", new Site.Text(time.frenchDate(start), time.englishDate(start)));
    model.put("time", new Site.Text(time.frenchTime(start), time.englishTime(start)));
    model.put("what", what(p.getString("service")));
    model.put("where", where(p.getString("service")));
    model.put("early", early.toMinutes());
    model.put("from", fromText);
    model.put("companions", companions);
    model.put("helloFr", templates.text("mail.hello.fr", Map.of("name", name)));
    model.put("helloEn", templates.text("mail.hello.en", Map.of("name", name)));
    model.put("earlyFr", templates.text("convocation.rule.early.fr", Map.of("minutes", early.toMinutes(), "from",
        fromText.fr())));
    model.put("earlyEn", templates.text("convocation.rule.early.en", Map.of("minutes", early.toMinutes(), "from",
        fromText.en())));
    model.put("companionsFr", companions == 0 ? templates.text("mail.rule.companions.none.fr")
        : templates.text("mail.rule.companions.some.fr", Map.of("count", companions)));
    model.put("companionsEn", companions == 0 ? templates.text("mail.rule.companions.none.en")
        : templates.text("mail.rule.companions.some.en", Map.of("count", companions)));
    JsonObject before = p.getJsonObject("before");
    if (before != null) {
      Instant was = Instant.ofEpochMilli(before.getLong("start"));
      Site.Text wasWhat = what(before.getString("service"));
      Map<String, Object> moved = Map.of("date", new Site.Text(time.frenchDate(was), time.englishDate(was)),
          "time", new Site.Text(time.frenchTime(was), time.englishTime(was)), "what", wasWhat);
      model.put("moved", moved);
      model.put("movedFr", templates.text("mail.moved.fr", Map.of("date", time.frenchDate(was), "time",
          time.frenchTime(was), "service", wasWhat.fr())));
      model.put("movedEn", templates.text("mail.moved.en", Map.of("date", time.englishDate(was), "time",
          time.englishTime(was), "service", wasWhat.en())));
    }
    return model;
  }

  private Site.Text what(String code) {
    return site.service(code).map(Site.Service::name).orElse(new Site.Text(code, code));
  }

  /** The place inside: building, floor, room, as the printed convocation says it. */
  private Site.Text where(String code) {
    return site.service(code).map(site::where).orElse(new Site.Text("", ""));
  }
}
