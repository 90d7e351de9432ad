package fr.prefecture.accueil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What writing the messages adds to a CSV import of 10,000 new rows (issue 16): with e-mails, then without. */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
class MailImportBenchmark {
  static final int ROWS = 10_000;

  @Test
  void import_with_and_without_e_mails(Vertx vertx, @TempDir Path with, @TempDir Path without) {
    // Without first, then with, then without again: the JIT's warm-up falls on the first run.
    long b0 = time(vertx, without.resolve("1"), false);
    long a = time(vertx, with, true);
    long b = time(vertx, without.resolve("2"), false);
    System.out.printf(
        "CSV import of %,d new rows: %d ms with e-mails (convocations and messages), %d ms without (%d ms on a cold JVM)%n",
        ROWS, a, b, b0);
  }

  private static long time(Vertx vertx, Path dir, boolean emails) {
    StringBuilder csv = new StringBuilder("reference;service;date;heure;nom;email\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("B-").append(i).append(";titres;31/03/2026;").append(String.format("%02d:%02d", 8 + i % 8, i % 60))
          .append(";Visiteur ").append(i).append(';').append(emails ? "v" + i + "@example.org" : "").append('\n');
    }
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      server.get("manager", "/api/services");
      long start = System.nanoTime();
      var answer = server.postBytes("manager", "/api/appointments/import", "text/csv",
          csv.toString().getBytes(StandardCharsets.UTF_8));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(answer.bodyAsJsonObject().getInteger("imported")).as(answer.bodyAsString()).isEqualTo(ROWS);
      assertThat(MailServer.outbox(server)).hasSize(emails ? MessageApi.LIST_LIMIT : 0);
      return ms;
    }
  }
}
