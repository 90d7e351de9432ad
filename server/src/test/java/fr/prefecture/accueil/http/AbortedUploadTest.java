package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A client that drops its upload half-way leaves one line in the log at most, and no stack trace. */
class AbortedUploadTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-30T07:00:00Z"));

  @Test
  void an_upload_aborted_half_way_is_logged_in_one_line_without_a_stack_trace() throws Exception {
    TestServer server = SERVER.get();
    String token = server.token("admin");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try {
      String auth = "Authorization: Bearer " + token + "\r\n";
      // Allowed and within the limit; chunked; over the route's limit; without credentials; headers only.
      List<String> heads = List.of(auth + "Content-Length: 100000\r\n", auth + "Transfer-Encoding: chunked\r\n",
          auth + "Content-Length: " + (64 << 20) + "\r\n", "Content-Length: 100000\r\n", auth);
      for (String head : heads) {
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()))) {
          String request = "POST /api/appointments/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
              + head + "\r\n" + (head.contains("chunked") ? "3a98\r\n" : "");
          socket.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
          if (!head.equals(auth)) {
            socket.write(ByteBuffer.wrap("reference;name\n".repeat(1000).getBytes(StandardCharsets.US_ASCII)));
          }
        }
      }
      // The server notices the closed connections; then its log is read.
      assertThat(server.client.get("/health").send().await().statusCode()).isEqualTo(200);
      Thread.sleep(1000);
      List<ILoggingEvent> events = List.copyOf(log.list);
      events.forEach(e -> System.out.println("logged: " + e.getLevel() + " " + e.getLoggerName() + " "
          + e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : " + " + e.getThrowableProxy().getClassName())));
      assertThat(events).allMatch(e -> e.getThrowableProxy() == null, "no stack trace");
      assertThat(events).allMatch(e -> e.getLevel().toInt() < ch.qos.logback.classic.Level.ERROR_INT, "not an error");
      assertThat(events.size()).isLessThanOrEqualTo(heads.size());
    } finally {
      root.detachAppender(log);
    }
  }
}
