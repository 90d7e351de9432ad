package fr.prefecture.accueil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convocation e-mail through a real SMTP server (GreenMail): one message, French then English, text and HTML,
 * the QR inline (decoded back, admitted at the gate), the manual code, the rules, the .ics in Paris time; a moved
 * appointment's message says what changed (issue 16).
 */
@ExtendWith(VertxExtension.class)
class ConvocationMailTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  @TempDir
  Path dir;
  final MailServer smtp = new MailServer().start();

  @AfterEach
  void stopSmtp() {
    smtp.close();
  }

  @Test
  void a_new_appointment_with_an_e_mail_gets_one_bilingual_convocation_whose_qr_the_gate_admits(Vertx vertx)
      throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      long id = book(server, "ref-" + UUID.randomUUID(), "2026-03-30T09:10", "Amélie O'Brien");
      assertThat(smtp.waitFor(1, 15_000)).as("one message received").isTrue();
      MimeMessage mail = smtp.received()[0];
      JsonObject convocation = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject();

      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("amelie@example.org");
      assertThat(mail.getSubject()).isEqualTo("Convocation : Titres d'identité (carte d'identité, passeport), lundi"
          + " 30 mars 2026 à 9 h 10 / Appointment: Identity documents (ID card, passport), Monday 30 March 2026 at 09:10");
      // The QR belongs with the HTML it illustrates (related); the .ics beside the two alternatives.
      assertThat(structure(mail)).isEqualTo("multipart/mixed[multipart/alternative[text/plain,multipart/related["
          + "text/html,image/png]],text/calendar]");
      String text = (String) find(mail, "text/plain").getContent();
      assertThat(text).contains("Bonjour Amélie O'Brien").contains("Dear Amélie O'Brien")
          .contains(convocation.getString("manualCode")).contains("pièce d'identité").contains("identity document")
          .contains("20 minutes").contains("à partir de 8 h 50").contains("from 08:50").contains("accompagnant")
          .contains("Bâtiment").contains("Please note");
      assertThat(text.indexOf("Bonjour")).isLessThan(text.indexOf("Dear"));
      String html = (String) find(mail, "text/html").getContent();
      assertThat(html).contains("src=\"cid:" + ConvocationMail.QR_CID + "\"").contains("lang=\"en\"")
          .contains("Amélie O&#x27;Brien").doesNotContain("<script");

      Part qr = find(mail, "image/png");
      assertThat(((jakarta.mail.internet.MimeBodyPart) qr).getContentID())
          .isEqualTo("<" + ConvocationMail.QR_CID + ">");
      String decoded = decode(qr.getInputStream());
      assertThat(decoded).isEqualTo(convocation.getString("code"));
      JsonObject verdict = server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", decoded)
          .put("gate", "guerite-nord").put("direction", "in").put("scanId", UUID.randomUUID().toString()))
          .bodyAsJsonObject();
      assertThat(verdict.getString("decision")).as(verdict.encode()).isEqualTo("admit");

      Part ics = find(mail, "text/calendar");
      assertThat(ics.getFileName()).endsWith(".ics");
      Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.getInputStream()
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
      VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
      DtStart<?> start = event.<DtStart<?>>getProperty("DTSTART").orElseThrow();
      assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
      assertThat(ZonedDateTime.from(start.getDate()).withZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDateTime())
          .hasToString("2026-03-30T09:10");
      assertThat(calendar.getComponent("VTIMEZONE")).isPresent();

      JsonObject stored = MailServer.message(server, id);
      assertThat(stored.getString("status")).isEqualTo("sent");
      assertThat(mail.getMessageID()).isEqualTo(stored.getString("messageId"));
      assertThat(mail.getHeader("Reply-To")[0]).isEqualTo("contact@prefecture.example");
    }
  }

  @Test
  void a_moved_appointment_gets_a_message_saying_what_changed_and_an_unmoved_one_gets_none(Vertx vertx)
      throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      String reference = "ref-" + UUID.randomUUID();
      long id = book(server, reference, "2026-03-31T10:00", "Marc Déplacé");
      assertThat(smtp.waitFor(1, 15_000)).isTrue();
      assertThat(book(server, reference, "2026-03-31T10:00", "Marc Déplacé")).isEqualTo(id);
      assertThat(book(server, reference, "2026-04-02T14:30", "Marc Déplacé")).isEqualTo(id);
      assertThat(smtp.waitFor(2, 15_000)).isTrue();
      MimeMessage moved = smtp.received()[1];
      assertThat(moved.getSubject()).startsWith("Rendez-vous déplacé : ").contains("14:30")
          .contains("Appointment moved");
      String text = (String) find(moved, "text/plain").getContent();
      assertThat(text).contains("Il était prévu le mardi 31 mars 2026 à 10 h 00")
          .contains("It was planned on Tuesday 31 March 2026 at 10:00");
      assertThat(text).contains(server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
          .getString("manualCode"));
      assertThat(smtp.waitFor(3, 2_000)).as("the unchanged re-post sent nothing").isFalse();
      assertThat(MailServer.outbox(server).stream().filter(m -> ((JsonObject) m).getLong("appointmentId") == id))
          .hasSize(2);
    }
  }

  static long book(TestServer server, String reference, String start, String name) {
    HttpResponse<Buffer> created = server.post("manager", "/api/appointments", new JsonObject()
        .put("service", "titres").put("start", start).put("reference", reference)
        .put("visitor", new JsonObject().put("name", name).put("email", "amelie@example.org")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isIn(200, 201);
    return created.bodyAsJsonObject().getLong("id");
  }

  static String decode(InputStream png) throws Exception {
    var image = ImageIO.read(png);
    return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
        image)))).getText();
  }

  /** The MIME tree's content types, e.g. {@code multipart/mixed[text/plain,image/png]}. */
  static String structure(Part part) throws Exception {
    String type = part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!(part.getContent() instanceof Multipart multi)) {
      return type;
    }
    List<String> children = new ArrayList<>();
    for (int i = 0; i < multi.getCount(); i++) {
      children.add(structure(multi.getBodyPart(i)));
    }
    return type + "[" + String.join(",", children) + "]";
  }

  static Part find(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return part;
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        Part found = findOrNull(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static Part findOrNull(Part part, String type) throws Exception {
    try {
      return find(part, type);
    } catch (AssertionError e) {
      return null;
    }
  }

  static InputStream bytes(byte[] data) {
    return new ByteArrayInputStream(data);
  }
}
