package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.device.Paired;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 screen streams over loopback, then one alert for everywhere: time from the POST until each stream has
 * the {@code alert} event, and heap per connected stream. Run with
 * {@code mvn -q -o -pl server -am test -Pbenchmark -Dtest=ScreenFanOutBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
class ScreenFanOutBenchmark {
  static final int SCREENS = 1000;
  static final int WAVE = 200;
  static final String[] IDS = {"hall-a-entree", "hall-a-appels", "attente-etrangers", "annexe-b"};

  @TempDir
  Path dir;

  @Test
  void one_alert_reaches_a_thousand_connected_screens(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T08:00:00Z"))) {
      server.token("manager");
      // Paired screens, as in a real hall: their connections never count against the anonymous caps.
      String[] cookies = new String[SCREENS];
      for (int i = 0; i < SCREENS; i++) {
        cookies[i] = Paired.screen(server, IDS[i % IDS.length]);
      }
      HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(SCREENS + 10).setMaxWaitQueueSize(-1));
      long before = usedHeapAfterGc();

      AtomicInteger states = new AtomicInteger();
      AtomicLongArray arrived = new AtomicLongArray(SCREENS);
      List<Future<HttpClientResponse>> opening = new ArrayList<>();
      for (int i = 0; i < SCREENS; i++) {
        int index = i;
        boolean[] sawState = {false};
        if (i % WAVE == 0) {
          // Screens connect in waves, as they do after a restart (each retries if refused): the cap on
          // connections not yet proven by their cookie is per moment, not per screen.
          Future.all(opening).await();
        }
        opening
            .add(http.request(HttpMethod.GET, server.port(), "localhost", "/screens/" + IDS[i % IDS.length] + "/events")
                .compose(request -> request.putHeader("Cookie", cookies[index]).send()).map(response -> {
                  response.handler(chunk -> {
                    String text = chunk.toString();
                    if (!sawState[0] && text.contains("event: state\n")) {
                      sawState[0] = true;
                      states.incrementAndGet();
                    }
                    if (arrived.get(index) == 0 && text.contains("event: alert\n")) {
                      arrived.set(index, System.nanoTime());
                    }
                  });
                  return response;
                }));
      }
      Future.all(opening).await();
      long deadline = System.currentTimeMillis() + 60_000;
      while (states.get() < SCREENS && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(states.get()).as("streams with their first state").isEqualTo(SCREENS);
      long after = usedHeapAfterGc();

      long start = System.nanoTime();
      int status = server.post("manager", "/api/alerts", new JsonObject().put("fr", "Évacuez").put("en", "Leave"))
          .statusCode();
      assertThat(status).isEqualTo(201);
      deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && countArrived(arrived) < SCREENS) {
        Thread.sleep(5);
      }
      assertThat(countArrived(arrived)).as("streams that got the alert").isEqualTo(SCREENS);

      double[] ms = new double[SCREENS];
      for (int i = 0; i < SCREENS; i++) {
        ms[i] = (arrived.get(i) - start) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("%nScreenFanOutBenchmark: %d streams, %d cores: alert POST -> every stream: p50 %.1f ms, "
          + "p99 %.1f ms, max %.1f ms; heap %.1f KiB per stream (server and client in this JVM)%n%n",
          SCREENS, Runtime.getRuntime().availableProcessors(), ms[SCREENS / 2], ms[(int) (SCREENS * 0.99) - 1],
          ms[SCREENS - 1], (after - before) / 1024.0 / SCREENS);
      assertThat(ms[SCREENS - 1]).as("max ms").isLessThan(1000);
      http.close().await();
    }
  }

  private static int countArrived(AtomicLongArray arrived) {
    int n = 0;
    for (int i = 0; i < arrived.length(); i++) {
      n += arrived.get(i) == 0 ? 0 : 1;
    }
    return n;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
