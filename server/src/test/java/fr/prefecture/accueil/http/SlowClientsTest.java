package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Eventually;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and numerous clients cannot hold the server's connections: a header-read timeout, and a cap per address on
 * connections no credentials have used, which paired devices, sessions and tokens do not count against.
 */
class SlowClientsTest {
  private static final int CAP = 10;
  /**
   * The raw sockets' own source address (loopback, to the server on 127.0.0.1): the test server's own web client,
   * whose pooled connections may have signed in anonymously, never counts against it.
   */
  private static final String CLIENT = "127.0.0.2";

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withSettings(Instant.parse("2026-03-30T07:00:00Z"),
      "headerTimeoutSeconds: 1\nanonymousConnectionsPerAddress: " + CAP);

  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    Eventually.until(() -> SERVER.get().verticle.connections().anonymous(CLIENT) == 0);
  }

  private Socket connect() throws IOException {
    Socket socket = fromClient();
    socket.connect(new InetSocketAddress("127.0.0.1", SERVER.get().port()), 2000);
    socket.setSoTimeout(4000);
    sockets.add(socket);
    return socket;
  }

  private static Socket fromClient() throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(CLIENT, 0));
    return socket;
  }

  /** Writes some bytes; then reads until the server answers or closes: the status line, "closed", or "open". */
  private static String await(Socket socket, String send) throws IOException {
    try {
      if (!send.isEmpty()) {
        socket.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
      }
      byte[] buffer = new byte[256];
      int n = socket.getInputStream().read(buffer);
      if (n < 0) {
        return "closed";
      }
      String text = new String(buffer, 0, n, StandardCharsets.US_ASCII);
      return text.lines().findFirst().orElse("");
    } catch (SocketTimeoutException stillOpen) {
      return "open";
    } catch (IOException reset) {
      return "closed";
    }
  }

  @Test
  void five_hundred_half_sent_headers_are_all_closed_within_two_seconds() throws Exception {
    long refusedBefore = SERVER.get().verticle.connections().refused();
    for (int i = 0; i < 500; i++) {
      Socket socket = connect();
      socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
    }
    long start = System.nanoTime();
    ExecutorService readers = Executors.newFixedThreadPool(50);
    try {
      List<Future<String>> ends = new ArrayList<>();
      for (Socket socket : sockets) {
        ends.add(readers.submit(() -> await(socket, "")));
      }
      for (Future<String> end : ends) {
        assertThat(end.get()).isEqualTo("closed");
      }
    } finally {
      readers.shutdown();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("500 half-sent requests closed in " + millis + " ms");
    assertThat(millis).isLessThan(2500);
    assertThat(SERVER.get().verticle.connections().refused() - refusedBefore).as("closed as they opened")
        .isGreaterThanOrEqualTo(500 - 2 * CAP);
    // The server may see the last closes a moment after the clients do.
    Eventually.until(() -> SERVER.get().verticle.connections().anonymous(CLIENT) == 0);
  }

  @Test
  void over_the_cap_an_anonymous_request_gets_429_and_a_credentialed_one_is_served() throws Exception {
    String token = SERVER.get().token("manager");
    for (int i = 0; i < CAP; i++) {
      assertThat(await(connect(), "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")).contains("200");
    }
    assertThat(SERVER.get().verticle.connections().anonymous(CLIENT)).isEqualTo(CAP);
    assertThat(await(connect(), "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")).contains("429");
    Eventually.until(() -> SERVER.get().verticle.connections().anonymous(CLIENT) == CAP);
    // Two hundred requests carrying a token, ten connections at a time, on new connections: all served.
    ExecutorService clients = Executors.newFixedThreadPool(CAP);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(clients.submit(() -> {
          try (Socket socket = fromClient()) {
            socket.connect(new InetSocketAddress("127.0.0.1", SERVER.get().port()), 2000);
            socket.setSoTimeout(4000);
            return await(socket, "GET /api/site HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\n\r\n");
          }
        }));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get()).contains("200");
      }
    } finally {
      clients.shutdown();
    }
    assertThat(SERVER.get().verticle.connections().anonymous(CLIENT)).as("the held ones only").isEqualTo(CAP);
  }

  @Test
  void a_request_sent_in_time_is_served_and_a_silent_connection_is_closed_after_the_header_timeout()
      throws Exception {
    Socket silent = connect();
    Socket prompt = connect();
    assertThat(await(prompt, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")).contains("200");
    long start = System.nanoTime();
    assertThat(await(silent, "")).isEqualTo("closed");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 2500L);
    prompt.getInputStream().skip(prompt.getInputStream().available()); // the rest of the first answer
    assertThat(await(prompt, "")).as("keep-alive after a served request: idle timeout, not header timeout")
        .isEqualTo("open");
  }

  @Test
  void without_a_setting_the_header_timeout_is_ten_seconds_and_the_cap_256() {
    assertThat(ConnectionLimits.DEFAULTS.headerTimeout().toSeconds()).isEqualTo(10);
    assertThat(ConnectionLimits.DEFAULTS.anonymousConnectionsPerAddress()).isEqualTo(256);
    assertThat(TestServer.CONFIG).exists();
  }
}
