package fr.prefecture.accueil.device;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class DeviceApiTest {
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  private static HttpResponse<Buffer> get(TestServer server, String uri, String cookie) {
    return server.client.get(uri).putHeader("Cookie", cookie).send().await();
  }

  @Test
  void a_paired_screen_reads_its_own_screen_and_nothing_else(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String cookie = Paired.screen(server, "hall-a-entree");

      assertThat(get(server, "/screens/hall-a-entree", cookie).statusCode()).isEqualTo(200);
      assertThat(get(server, "/screens/hall-a-appels", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/screens/hall-a-appels/events", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/api/services", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/api/kiosk/offline-pack", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/kiosk", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/admin", cookie).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void screens_need_pairing_by_default_but_managers_may_preview(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      HttpResponse<Buffer> anonymous = server.client.get("/screens/hall-a-entree").send().await();
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.getHeader("Location")).startsWith("/pair?next=");
      assertThat(server.client.get("/screens/hall-a-entree/events").send().await().statusCode()).isEqualTo(401);
      assertThat(server.request(HttpMethod.GET, "/screens/hall-a-entree", server.token("manager")).send().await()
          .statusCode()).isEqualTo(200);
      assertThat(server.request(HttpMethod.GET, "/screens/hall-a-entree", server.token("guard")).send().await()
          .statusCode()).isEqualTo(302);
      assertThat(server.client.get("/pair").send().await().bodyAsString()).contains("Pair this device");
    }
  }

  @Test
  void demo_mode_opens_the_screens_without_pairing(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW, "--demo")) {
      assertThat(server.client.get("/screens/hall-a-entree").send().await().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_pairing_code_works_once_and_is_typed_in_any_case(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String code = Paired.code(server, new JsonObject().put("kind", "kiosk").put("gate", "guerite-nord")
          .put("name", "Guérite nord 1"));
      assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");

      HttpResponse<Buffer> first = Paired.pair(server, " " + code.toLowerCase().replace("-", " ") + " ");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.bodyAsJsonObject().getString("redirect")).isEqualTo("/kiosk");
      String setCookie = first.cookies().stream().filter(c -> c.startsWith("accueil_device=")).findFirst()
          .orElseThrow();
      assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Max-Age=");

      HttpResponse<Buffer> again = Paired.pair(server, code);
      assertThat(again.statusCode()).isEqualTo(400);
      assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("invalid_code");
      assertThat(again.cookies()).noneMatch(c -> c.startsWith("accueil_device="));

      JsonArray devices = server.get("admin", "/api/devices").bodyAsJsonArray();
      assertThat(devices).hasSize(1);
      assertThat(devices.getJsonObject(0).getString("state")).isEqualTo("paired");
      assertThat(devices.getJsonObject(0).getString("lastUsedAt")).isNotNull();
      assertThat(devices.encode()).doesNotContain(code);

      String audit = server.get("admin", "/api/audit").bodyAsString();
      assertThat(audit).contains("device.created").contains("device.paired").contains("device.pair.failed");
    }
  }

  @Test
  void pairing_refuses_bad_input_cross_site_requests_and_guessing(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      assertThat(server.post("admin", "/api/devices", new JsonObject().put("kind", "toaster")).statusCode())
          .isEqualTo(400);
      assertThat(server.post("admin", "/api/devices", new JsonObject().put("kind", "screen").put("screen", "nope"))
          .bodyAsJsonObject().getString("error")).isEqualTo("unknown_screen");
      assertThat(server.post("admin", "/api/devices", new JsonObject().put("kind", "kiosk").put("gate", "nope"))
          .bodyAsJsonObject().getString("error")).isEqualTo("unknown_gate");
      assertThat(server.client.post("/api/devices/pair").putHeader("Origin", "http://evil.example")
          .sendJsonObject(new JsonObject().put("code", "AAAA-AAAA")).await().statusCode()).isEqualTo(403);
      String code = Paired.code(server, new JsonObject().put("kind", "kiosk").put("gate", "guerite-nord"));
      for (int i = 0; i < fr.prefecture.accueil.http.Limits.DEFAULTS.pairingFailuresPerAddress(); i++) {
        assertThat(Paired.pair(server, "ZZZZ-ZZZ" + i).statusCode()).isEqualTo(400);
      }
      // Even the right code is refused once an address has guessed too often.
      assertThat(Paired.pair(server, code).statusCode()).isEqualTo(429);
      assertThat(server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getString("state"))
          .isEqualTo("pending");
    }
  }

  @Test
  void a_kiosk_device_scans_and_fetches_its_offline_pack_but_may_not_search_or_admit_by_hand(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String cookie = Paired.kiosk(server, "guerite-nord");
      HttpResponse<Buffer> scan = server.client.post("/api/kiosk/scan").putHeader("Cookie", cookie)
          .putHeader("Origin", server.baseUrl()).sendJsonObject(new JsonObject().put("code", "NOT-A-CODE")
              .put("gate", "guerite-nord").put("direction", "in").put("scanId", "dev-1"))
          .await();
      assertThat(scan.statusCode()).isEqualTo(200);
      assertThat(scan.bodyAsJsonObject().getString("reason")).isEqualTo("malformed");
      HttpResponse<Buffer> crossSite = server.client.post("/api/kiosk/scan").putHeader("Cookie", cookie)
          .putHeader("Origin", "http://evil.example").sendJsonObject(new JsonObject().put("code", "X")
              .put("gate", "guerite-nord").put("scanId", "dev-2"))
          .await();
      assertThat(crossSite.statusCode()).isEqualTo(403);

      JsonObject pack = get(server, "/api/kiosk/offline-pack", cookie).bodyAsJsonObject();
      assertThat(pack.getJsonObject("caller").getBoolean("device")).isTrue();
      assertThat(pack.getJsonObject("caller").getString("gate")).isEqualTo("guerite-nord");
      assertThat(get(server, "/kiosk", cookie).statusCode()).isEqualTo(200);

      assertThat(get(server, "/api/kiosk/appointments?q=dupont", cookie).statusCode()).isEqualTo(403);
      assertThat(
          server.client.post("/api/kiosk/admit").putHeader("Cookie", cookie).putHeader("Origin", server.baseUrl())
              .sendJsonObject(new JsonObject().put("id", 1).put("gate", "guerite-nord").put("scanId", "dev-3")).await()
              .statusCode())
          .isEqualTo(403);
      assertThat(get(server, "/api/scans", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/screens/hall-a-entree", cookie).statusCode()).isEqualTo(403);
      assertThat(get(server, "/evacuation", cookie).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void revocation_takes_effect_at_once_and_closes_the_open_stream(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String cookie = Paired.screen(server, "hall-a-appels");
      long id = server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getLong("id");
      HttpClient http = vertx.createHttpClient();
      Promise<String> ended = Promise.promise();
      HttpClientResponse stream = http
          .request(HttpMethod.GET, server.port(), "localhost", "/screens/hall-a-appels/events")
          .compose(request -> request.putHeader("Cookie", cookie).send()).map(response -> {
            response.exceptionHandler(e -> ended.tryComplete("reset"));
            response.endHandler(v -> ended.tryComplete("ended"));
            return response;
          }).await();
      assertThat(stream.statusCode()).isEqualTo(200);

      HttpResponse<Buffer> revoked = server.as("admin", HttpMethod.DELETE, "/api/devices/" + id, null);
      assertThat(revoked.statusCode()).isEqualTo(200);
      assertThat(ended.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isNotNull();

      HttpResponse<Buffer> next = get(server, "/screens/hall-a-appels", cookie);
      assertThat(next.statusCode()).isEqualTo(302);
      assertThat(get(server, "/screens/hall-a-appels/events", cookie).statusCode()).isEqualTo(401);
      assertThat(server.as("admin", HttpMethod.DELETE, "/api/devices/" + id, null).statusCode()).isEqualTo(404);
      assertThat(server.get("admin", "/api/audit").bodyAsString()).contains("device.revoked");
      http.close();
    }
  }
}
