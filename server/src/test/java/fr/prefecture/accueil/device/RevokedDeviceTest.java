package fr.prefecture.accueil.device;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A device cookie of no live device makes every answer clear the browser's data for the site (issue 12, 6). */
@ExtendWith(VertxExtension.class)
class RevokedDeviceTest {
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");
  static final String CLEAR = "\"cache\", \"cookies\", \"storage\"";

  @TempDir
  Path dir;

  private static HttpResponse<Buffer> get(TestServer server, String uri, String cookie) {
    return server.client.get(uri).putHeader("Cookie", cookie).putHeader("Accept", "text/html").send().await();
  }

  private static void assertCleared(HttpResponse<Buffer> response, String what) {
    assertThat(response.getHeader("Clear-Site-Data")).as(what).isEqualTo(CLEAR);
    assertThat(response.cookies()).as(what).anyMatch(c -> c.startsWith("accueil_device=;")
        && c.contains("Max-Age=0") && c.contains("Path=/"));
  }

  private static long onlyDevice(TestServer server) {
    return server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getLong("id");
  }

  @Test
  void a_live_device_keeps_its_data(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String cookie = Paired.kiosk(server, "guerite-nord");
      for (String uri : List.of("/kiosk", "/api/kiosk/offline-pack", "/login", "/static/kiosk/kiosk.js")) {
        HttpResponse<Buffer> answer = get(server, uri, cookie);
        assertThat(answer.statusCode()).as(uri).isEqualTo(200);
        assertThat(answer.getHeader("Clear-Site-Data")).as(uri).isNull();
        assertThat(answer.cookies()).as(uri).noneMatch(c -> c.startsWith("accueil_device="));
      }
    }
  }

  @Test
  void after_revocation_every_answer_clears_the_site_data_and_expires_the_device_cookie(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String cookie = Paired.kiosk(server, "guerite-nord");
      assertThat(server.as("admin", HttpMethod.DELETE, "/api/devices/" + onlyDevice(server), null).statusCode())
          .isEqualTo(200);

      HttpResponse<Buffer> page = get(server, "/kiosk", cookie);
      assertThat(page.statusCode()).isEqualTo(302);
      assertThat(page.getHeader("Location")).startsWith("/login");
      assertCleared(page, "the kiosk page's redirect");
      HttpResponse<Buffer> pack = get(server, "/api/kiosk/offline-pack", cookie);
      assertThat(pack.statusCode()).isEqualTo(401);
      assertThat(pack.bodyAsJsonObject().getString("error")).isEqualTo("device_revoked");
      assertCleared(pack, "the pack's 401");
      assertCleared(get(server, "/login", cookie), "the sign-in page");
      assertCleared(get(server, "/static/kiosk/kiosk.js", cookie), "a script");
      assertCleared(get(server, "/no/such/page", cookie), "a 404");
      HttpResponse<Buffer> scan = server.client.post("/api/kiosk/scan").putHeader("Cookie", cookie)
          .putHeader("Origin", server.baseUrl()).sendJsonObject(new io.vertx.core.json.JsonObject()
              .put("code", "X").put("gate", "guerite-nord").put("scanId", "after-revocation"))
          .await();
      assertThat(scan.statusCode()).isEqualTo(401);
      assertCleared(scan, "a scan");
    }
  }

  @Test
  void a_guard_signed_in_on_a_revoked_kiosk_is_cleared_too(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String device = Paired.kiosk(server, "guerite-nord");
      String password = server.createUser("garde", "guard");
      String session = server.login("garde", password).orElseThrow();
      String both = device + "; " + session;
      assertThat(get(server, "/api/kiosk/offline-pack", both).getHeader("Clear-Site-Data")).isNull();

      server.as("admin", HttpMethod.DELETE, "/api/devices/" + onlyDevice(server), null);

      HttpResponse<Buffer> pack = get(server, "/api/kiosk/offline-pack", both);
      assertThat(pack.statusCode()).as("the guard's session still works").isEqualTo(200);
      assertCleared(pack, "the guard's pack");
      HttpResponse<Buffer> page = get(server, "/kiosk", both);
      assertThat(page.statusCode()).isEqualTo(200);
      assertCleared(page, "the guard's kiosk page");
    }
  }

  @Test
  void an_unknown_device_cookie_is_cleared_like_a_revoked_one(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      assertCleared(get(server, "/kiosk", "accueil_device=dev_forged"), "a forged token");
      assertCleared(get(server, "/kiosk", "accueil_device=" + "x".repeat(300)), "an oversized token");
      HttpResponse<Buffer> none = get(server, "/kiosk", "accueil_other=1");
      assertThat(none.getHeader("Clear-Site-Data")).isNull();
    }
  }
}
