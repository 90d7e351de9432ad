package fr.prefecture.accueil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /admin/messages and its API: admins only, the message as the visitor sees it, under a sandbox (issue 16). */
@ExtendWith(VertxExtension.class)
class MessagesPageTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  @TempDir
  Path dir;

  @Test
  void admins_see_each_message_with_its_state_and_as_the_visitor_sees_it_in_a_sandbox(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      long id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T11:00",
          "<img src=x onerror=alert(1)> Zoé");
      for (String role : List.of("guard", "agent", "manager")) {
        assertThat(server.get(role, "/api/messages").statusCode()).as(role).isEqualTo(403);
      }
      JsonObject m = MailServer.message(server, id);
      assertThat(m.getString("status")).as("no mail server: it waits").isEqualTo("queued");
      assertThat(m.getString("recipient")).isEqualTo("amelie@example.org");
      assertThat(m.getString("subject")).startsWith("Convocation : ");
      assertThat(m.getInteger("attempts")).isZero();
      assertThat(server.get("admin", "/api/messages?status=sent").bodyAsJsonArray()).isEmpty();
      assertThat(server.get("admin", "/api/messages?status=queued").bodyAsJsonArray()).hasSize(1);
      assertThat(server.get("admin", "/api/messages?status=bogus").statusCode()).isEqualTo(400);

      HttpResponse<Buffer> preview = server.get("admin", m.getString("preview"));
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.getHeader("Content-Type")).startsWith("text/html");
      assertThat(preview.getHeader("Content-Security-Policy")).startsWith("sandbox;").contains("default-src 'none'")
          .contains("frame-ancestors 'self'");
      String html = preview.bodyAsString();
      assertThat(html).contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; Zoé").doesNotContain("<img src=x")
          .contains("src=\"data:image/png;base64,").contains("Dear ");
      assertThat(server.get("admin", "/api/messages/999999/preview").statusCode()).isEqualTo(404);
      assertThat(server.get("manager", m.getString("preview")).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void a_csv_import_writes_a_message_for_each_new_or_moved_row_with_an_e_mail_and_none_for_the_others(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      String header = "reference;service;date;heure;nom;email\n";
      String first = header + "CSV-1;titres;31/03/2026;10:00;Léa Import;lea@example.org\n"
          + "CSV-2;titres;31/03/2026;10:20;Sans Courriel;\n"
          + "CSV-3;etrangers;31/03/2026;11:00;Hugo Import;hugo@example.org\n";
      assertThat(server.postBytes("manager", "/api/appointments/import", "text/csv", first.getBytes(
          java.nio.charset.StandardCharsets.UTF_8)).bodyAsJsonObject().getInteger("imported")).isEqualTo(3);
      assertThat(MailServer.outbox(server)).hasSize(2);
      // Again, with CSV-3 moved: one message more, saying what changed; the first one, not sent yet, is superseded.
      String again = first.replace("etrangers;31/03/2026;11:00", "etrangers;01/04/2026;15:00");
      assertThat(server.postBytes("manager", "/api/appointments/import", "text/csv", again.getBytes(
          java.nio.charset.StandardCharsets.UTF_8)).bodyAsJsonObject().getInteger("updated")).isEqualTo(1);
      JsonArray all = MailServer.outbox(server);
      assertThat(all).hasSize(3);
      JsonObject moved = all.getJsonObject(0);
      assertThat(moved.getString("kind")).isEqualTo("convocation_moved");
      assertThat(moved.getString("subject")).startsWith("Rendez-vous déplacé").contains("mercredi 1er avril 2026");
      assertThat(all.stream().map(JsonObject.class::cast).filter(m -> m.getLong("appointmentId").equals(moved
          .getLong("appointmentId")) && "expired".equals(m.getString("status")))).hasSize(1);
      assertThat(server.get("admin", moved.getString("preview")).bodyAsString())
          .contains("Il était prévu le mardi 31 mars 2026 à 11 h 00");
    }
  }

  @Test
  void the_demo_shows_its_visitors_messages_queued_without_any_mail_server(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE, "--demo")) {
      JsonArray all = MailServer.outbox(server);
      assertThat(all).isNotEmpty();
      assertThat(all.stream().map(o -> ((JsonObject) o).getString("status")).distinct()).containsExactly("queued");
      assertThat(all.stream().map(o -> ((JsonObject) o).getString("recipient"))).allMatch(r -> r.endsWith(
          "@example.org"));
    }
  }
}
