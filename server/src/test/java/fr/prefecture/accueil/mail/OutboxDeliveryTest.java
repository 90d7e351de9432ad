package fr.prefecture.accueil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Eventually;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's promises (issue 16): a message survives a stop between the commit and the send, an SMTP server down
 * then up gets it once with the Message-ID chosen before the first try, a resend after a crash carries the same
 * Message-ID, and a message whose appointment was cancelled before it could be sent is expired, not sent.
 */
@ExtendWith(VertxExtension.class)
class OutboxDeliveryTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  @TempDir
  Path dir;
  final MailServer smtp = new MailServer();

  @AfterEach
  void stopSmtp() {
    smtp.close();
  }

  @Test
  void a_message_written_before_a_stop_is_sent_after_the_restart_and_a_resend_keeps_its_message_id(Vertx vertx)
      throws Exception {
    long id;
    String messageId;
    // No mail section at first: the message is committed with the appointment and waits.
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T11:00", "Nora Patiente");
      JsonObject queued = MailServer.message(server, id);
      assertThat(queued.getString("status")).isEqualTo("queued");
      assertThat(queued.getInteger("attempts")).isZero();
      messageId = queued.getString("messageId");
      assertThat(messageId).matches("<[0-9a-f-]{36}@[^>]+>");
    }
    smtp.start();
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      assertThat(smtp.waitFor(1, 15_000)).isTrue();
      assertThat(smtp.received()[0].getMessageID()).isEqualTo(messageId);
      Eventually.until(() -> "sent".equals(MailServer.message(server, id).getString("status")));
    }
    // A crash after the SMTP server took it but before "sent" was stored: the row is still queued at restart.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accueil.db"))) {
      db.createStatement().executeUpdate("UPDATE outbox SET status = 'queued', sent_at = NULL");
    }
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      assertThat(smtp.waitFor(2, 15_000)).isTrue();
      MimeMessage[] received = smtp.received();
      assertThat(received[1].getMessageID()).isEqualTo(messageId);
      Eventually.until(() -> "sent".equals(MailServer.message(server, id).getString("status")));
      assertThat(smtp.waitFor(3, 2_000)).as("sent again once, not more").isFalse();
    }
  }

  @Test
  void an_smtp_server_down_then_up_gets_the_message_once_with_the_same_message_id(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      long id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T11:00", "Omar Retenté");
      JsonObject failing = Eventually.until(() -> MailServer.message(server, id), m -> m.getInteger("attempts") >= 2);
      assertThat(failing.getString("status")).isEqualTo("queued");
      assertThat(failing.getString("lastError")).isNotBlank();
      assertThat(failing.getString("nextAttemptAt")).isNotNull();

      smtp.start();
      assertThat(smtp.waitFor(1, 15_000)).isTrue();
      JsonObject sent = Eventually.until(() -> MailServer.message(server, id), m -> "sent".equals(m.getString(
          "status")));
      assertThat(smtp.received()[0].getMessageID()).isEqualTo(failing.getString("messageId"))
          .isEqualTo(sent.getString("messageId"));
      assertThat(sent.getString("lastError")).isNull();
      assertThat(smtp.waitFor(2, 3_000)).as("sent once").isFalse();
    }
  }

  @Test
  void a_message_whose_appointment_was_cancelled_before_it_could_be_sent_is_expired_not_sent(Vertx vertx)
      throws Exception {
    long id;
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T11:00", "Paul Annulé");
      assertThat(server.post("manager", "/api/appointments/" + id + "/cancel", null).statusCode()).isEqualTo(200);
    }
    smtp.start();
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir))) {
      JsonObject expired = Eventually.until(() -> MailServer.message(server, id), m -> !"queued".equals(m.getString(
          "status")));
      assertThat(expired.getString("status")).isEqualTo("expired");
      assertThat(expired.getString("lastError")).contains("cancelled");
      assertThat(smtp.waitFor(1, 2_000)).isFalse();
    }
  }

  @Test
  void a_message_that_fails_max_attempts_times_has_failed_for_good_with_its_error_kept(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE, smtp.config(dir, "maxAttempts: 2"))) {
      long id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T11:00", "Sami Injoignable");
      JsonObject failed = Eventually.until(() -> MailServer.message(server, id), m -> !"queued".equals(m.getString(
          "status")));
      assertThat(failed.getString("status")).isEqualTo("failed");
      assertThat(failed.getInteger("attempts")).isEqualTo(2);
      assertThat(failed.getString("lastError")).isNotBlank();
      smtp.start();
      assertThat(smtp.waitFor(1, 2_500)).as("never tried again").isFalse();
    }
  }

  @Test
  void a_message_whose_appointment_has_started_is_expired(Vertx vertx) {
    long id;
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      id = ConvocationMailTest.book(server, "ref-" + UUID.randomUUID(), "2026-03-30T09:30", "Rita Tardive");
    }
    // Restarted after the appointment's start: too late to tell the visitor anything.
    smtp.start();
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:31:00Z"), smtp.config(dir))) {
      JsonObject expired = Eventually.until(() -> MailServer.message(server, id), m -> !"queued".equals(m.getString(
          "status")));
      assertThat(expired.getString("status")).isEqualTo("expired");
      assertThat(expired.getString("lastError")).contains("passed");
    }
  }
}
