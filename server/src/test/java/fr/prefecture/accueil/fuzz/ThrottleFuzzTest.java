package fr.prefecture.accueil.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.kiosk.convocation.ManualCode;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded fuzz of the two other guessable secrets, in concurrent bursts of random size and shape: pairing codes
 * (per address) and manual convocation codes (per guard). Whatever the mix, no answer is a 5xx and no more guesses
 * are ever checked than the limit. The seed is printed; {@code -Daccueil.fuzz.seed=N} replays a run.
 */
class ThrottleFuzzTest {
  private static final long SEED = Long.getLong("accueil.fuzz.seed", 20261202L);
  private static final int PAIRING_LIMIT = 10;
  private static final int MANUAL_LIMIT = 20;

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-30T07:00:00Z"));

  private static List<HttpResponse<Buffer>> burst(int size, Function<WebClient, Future<HttpResponse<Buffer>>> one) {
    TestServer server = SERVER.get();
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(size));
    try {
      List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        sent.add(one.apply(client));
      }
      return Future.all(sent).await().list();
    } finally {
      client.close();
    }
  }

  private static String garbage(Random random) {
    String[] shapes = {"", "-", "ZZZZ-ZZZZ", "zzzz zzzz", "K7M4Q2XPX", "é".repeat(9), "A".repeat(41),
        "0000-000O", "\u0000\u0001", "' OR 1=1 --"};
    return shapes[random.nextInt(shapes.length)];
  }

  @Test
  void seeded_bursts_of_pairing_guesses_never_check_more_than_the_limit() {
    System.out.println("pairing fuzz seed " + SEED);
    Random random = new Random(SEED);
    int checked = 0;
    int throttled = 0;
    for (int round = 0; round < 6; round++) {
      int size = 1 + random.nextInt(80);
      List<Object> codes = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        int shape = random.nextInt(4);
        codes.add(shape == 0 ? garbage(random) : shape == 1 ? random.nextInt() : randomPairingCode(random));
      }
      int[] next = {0};
      List<HttpResponse<Buffer>> answers = burst(size, client -> client.post("/api/devices/pair")
          .putHeader("Origin", SERVER.get().baseUrl())
          .sendJsonObject(new JsonObject().put("code", codes.get(next[0]++))));
      assertThat(answers).allSatisfy(a -> {
        assertThat(a.statusCode()).as(a.bodyAsString()).isBetween(400, 499);
        assertThat(a.bodyAsJsonObject().getString("error")).isNotBlank();
      });
      checked += (int) answers.stream().filter(a -> "invalid_code".equals(error(a))).count();
      throttled += (int) answers.stream().filter(a -> a.statusCode() == 429).count();
    }
    assertThat(throttled).as("the fuzz reached the limit").isPositive();
    System.out.println("pairing guesses checked: " + checked);
    assertThat(checked).isLessThanOrEqualTo(PAIRING_LIMIT);
  }

  @Test
  void seeded_bursts_of_manual_codes_never_judge_more_failures_than_the_limit() {
    System.out.println("manual-code fuzz seed " + SEED);
    TestServer server = SERVER.get();
    String token = server.newToken("fuzzed-guard", "guard");
    Random random = new Random(SEED + 1);
    int judged = 0;
    int throttled = 0;
    int id = 0;
    for (int round = 0; round < 6; round++) {
      int size = 1 + random.nextInt(80);
      List<JsonObject> scans = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        String code = random.nextInt(3) == 0 ? garbage(random) : ManualCode.of(signature);
        scans.add(new JsonObject().put("code", code).put("gate", "guerite-nord")
            .put("direction", random.nextBoolean() ? "in" : "out").put("scanId", "fuzz-" + id++));
      }
      int[] next = {0};
      List<HttpResponse<Buffer>> answers = burst(size, client -> client.post("/api/kiosk/scan")
          .putHeader("Authorization", "Bearer " + token).sendJsonObject(scans.get(next[0]++)));
      assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.bodyAsString()).isIn(200, 400, 429));
      judged += (int) answers.stream().filter(a -> a.statusCode() == 200
          && "unknown_convocation".equals(a.bodyAsJsonObject().getString("reason"))).count();
      throttled += (int) answers.stream().filter(a -> a.statusCode() == 429).count();
      assertThat(answers).allSatisfy(a -> assertThat(a.bodyAsString()).doesNotContain("visitor\":{"));
    }
    System.out.println("manual codes judged unknown: " + judged + ", throttled: " + throttled);
    assertThat(throttled).as("the fuzz reached the limit").isPositive();
    assertThat(judged).isLessThanOrEqualTo(MANUAL_LIMIT);
  }

  private static String error(HttpResponse<Buffer> answer) {
    return answer.bodyAsJsonObject().getString("error");
  }

  private static String randomPairingCode(Random random) {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      code.append(alphabet.charAt(random.nextInt(alphabet.length())));
      if (i == 3) {
        code.append('-');
      }
    }
    return code.toString();
  }
}
