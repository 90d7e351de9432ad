package fr.prefecture.accueil.device;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.http.Limits;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two hundred simultaneous pairing guesses from one address: at most the limit is checked. */
@ExtendWith(VertxExtension.class)
class PairingBurstTest {
  @TempDir
  Path dir;

  @Test
  void two_hundred_simultaneous_guesses_check_at_most_the_limit(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      String code = Paired.code(server, new JsonObject().put("kind", "kiosk").put("gate", "guerite-nord"));
      WebClient burst = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(300));
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        sent.add(burst.post("/api/devices/pair").putHeader("Origin", server.baseUrl())
            .sendJsonObject(new JsonObject().put("code", String.format("ZZZZ-Z%03d", i).replace('0', 'Y')))
            .map(r -> r.statusCode()));
      }
      List<Integer> answers = Future.all(sent).await().list();
      burst.close();
      assertThat(answers).containsOnly(400, 429);
      assertThat(answers.stream().filter(s -> s == 400).count())
          .isLessThanOrEqualTo(Limits.DEFAULTS.pairingFailuresPerAddress());
      assertThat(Paired.pair(server, code).statusCode()).isEqualTo(429);
    }
  }
}
