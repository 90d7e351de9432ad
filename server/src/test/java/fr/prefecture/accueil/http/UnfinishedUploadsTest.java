package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Unfinished uploads without credentials: answered 401 before their body is read, and the heap does not grow. */
@ExtendWith(VertxExtension.class)
class UnfinishedUploadsTest {
  private static final int UPLOADS = 30;
  private static final int BYTES_EACH = 4 << 20;

  @TempDir
  Path dir;

  @Test
  void thirty_unfinished_4_mib_uploads_without_credentials_get_401_and_leave_the_heap_alone(Vertx vertx)
      throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      long before = usedHeap();
      List<SocketChannel> sockets = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
        String head = i % 2 == 0
            ? "POST /api/appointments/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(BYTES_EACH) + "\r\n"
            : "POST /api/appointments/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                + "Content-Length: " + (BYTES_EACH + 1) + "\r\n\r\n";
        socket.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        socket.configureBlocking(false);
        sockets.add(socket);
      }
      long[] sent = new long[UPLOADS];
      String[] answers = new String[UPLOADS];
      byte[] chunk = new byte[64 * 1024];
      long idleSince = System.nanoTime();
      while (System.nanoTime() - idleSince < 2_000_000_000L) {
        boolean progress = false;
        for (int i = 0; i < UPLOADS; i++) {
          // The answer is read as it comes: once the server closes, a reset may drop what was not yet read.
          if (answers[i] == null) {
            answers[i] = statusLine(sockets.get(i));
          }
          if (sent[i] >= BYTES_EACH || !sockets.get(i).isOpen()) {
            continue;
          }
          try {
            int n = sockets.get(i).write(ByteBuffer.wrap(chunk));
            sent[i] += n;
            progress |= n > 0;
          } catch (IOException closedByServer) {
            sockets.get(i).close();
          }
        }
        if (progress) {
          idleSince = System.nanoTime();
        }
      }
      long grown = usedHeap() - before;
      for (SocketChannel socket : sockets) {
        socket.close();
      }
      System.out.println("heap grown by " + (grown >> 20) + " MiB under " + UPLOADS + " unfinished uploads");
      assertThat(answers).allMatch(line -> line != null && line.startsWith("HTTP/1.1 401"),
          "401 before the body is read");
      assertThat(grown).isLessThan(24L << 20);
      long start = System.nanoTime();
      assertThat(server.client.get("/health").send().await().statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }
  }

  /** The status line if it has come (non-blocking), else null. */
  private static String statusLine(SocketChannel socket) {
    if (!socket.isOpen()) {
      return null;
    }
    ByteBuffer in = ByteBuffer.allocate(512);
    try {
      socket.read(in);
    } catch (IOException reset) {
      return null;
    }
    String text = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
    return text.contains("\r\n") ? text.lines().findFirst().orElseThrow() : null;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
