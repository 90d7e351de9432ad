package fr.prefecture.accueil.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real SMTP server in the test's process (GreenMail) on a port of its own, and the site file that points to it. */
final class MailServer implements AutoCloseable {
  final int port = TestServer.freePort();
  private GreenMail smtp;

  /** Starts listening (again after {@link #stop()}: the server was down, now it is up). */
  MailServer start() {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return this;
  }

  void stop() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  /** Waits up to the timeout for that many messages in all; true when they came. */
  boolean waitFor(int count, long millis) {
    return smtp.waitForIncomingEmail(millis, count);
  }

  MimeMessage[] received() {
    return smtp.getReceivedMessages();
  }

  /** The demo site with a {@code mail} section pointing to this server, retrying every second. */
  Path config(Path dir) {
    return config(dir, "");
  }

  /** The same with more lines of the mail section, e.g. {@code "maxAttempts: 2"}. */
  Path config(Path dir, String extra) {
    try {
      String yaml = Files.readString(TestServer.CONFIG) + """

          mail:
            host: 127.0.0.1
            port: %d
            from: accueil@prefecture.example
            replyTo: contact@prefecture.example
            pollSeconds: 1
            retrySeconds: 1
            maxRetrySeconds: 1
          """.formatted(port) + extra.lines().map(l -> "  " + l + "\n").collect(java.util.stream.Collectors.joining());
      Path file = dir.resolveSibling(dir.getFileName() + "-mail.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outbox as admins see it. */
  static JsonArray outbox(TestServer server) {
    return server.get("admin", "/api/messages").bodyAsJsonArray();
  }

  /** The outbox's message about that appointment, the latest first. */
  static JsonObject message(TestServer server, long appointmentId) {
    return outbox(server).stream().map(JsonObject.class::cast)
        .filter(m -> m.getLong("appointmentId") == appointmentId).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    stop();
  }
}
