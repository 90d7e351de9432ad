package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans per second through POST /api/kiosk/scan with 16 concurrent clients on loopback, and p50/p99.
 * Not a test: {@code mvn -q -o -pl server -am test -Pbenchmark -Dtest=ScanBenchmark}. Each client scans
 * its own visitor in and out, so every request runs the full path (verify, read, decide, durable commit).
 */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
class ScanBenchmark {
  static final int CLIENTS = 16;
  static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  static final Duration WARM_UP = Duration.ofSeconds(3);
  @TempDir
  Path dir;

  @Test
  void scans_per_second_with_16_concurrent_clients(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      GateClient gate = new GateClient(server);
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        codes.add(gate.code(gate.book("titres", "2026-03-30T09:10", "Visitor " + i)));
      }
      String token = server.token("guard");
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      long warmEnd = System.nanoTime() + WARM_UP.toNanos();
      long end = warmEnd + RUN.toNanos();
      List<Future<Void>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Promise<Void> done = Promise.promise();
        loop(server, token, codes.get(c), 0, end, warmEnd, latencies, errors, done);
        clients.add(done.future());
      }
      Future.all(clients).await();
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double seconds = RUN.toNanos() / 1e9;
      System.out.printf("%nScanBenchmark: %d clients, %.0f s: %d scans, %.0f scans/s, p50 %.2f ms, p99 %.2f ms, "
          + "errors %d (%d cores)%n", CLIENTS, seconds, sorted.size(), sorted.size() / seconds,
          percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, errors.get(),
          Runtime.getRuntime().availableProcessors());
      assertThat(errors.get()).isZero();
      assertThat(sorted).isNotEmpty();
    }
  }

  private void loop(TestServer server, String token, String code, int n, long end, long warmEnd, List<Long> latencies,
      AtomicInteger errors, Promise<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete();
      return;
    }
    JsonObject body = new JsonObject().put("code", code).put("gate", GateClient.GATE)
        .put("direction", n % 2 == 0 ? "in" : "out").put("scanId", UUID.randomUUID().toString());
    long start = System.nanoTime();
    server.request(HttpMethod.POST, "/api/kiosk/scan", token).sendJsonObject(body).onComplete(result -> {
      long elapsed = System.nanoTime() - start;
      HttpResponse<Buffer> response = result.succeeded() ? result.result() : null;
      if (response == null || response.statusCode() != 200
          || !"admit".equals(response.bodyAsJsonObject().getString("decision"))) {
        errors.incrementAndGet();
      }
      if (start >= warmEnd) {
        latencies.add(elapsed);
      }
      loop(server, token, code, n + 1, end, warmEnd, latencies, errors, done);
    });
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
