package fr.prefecture.accueil.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every state-changing JSON route and of the CSV importer: no input may cause
 * a 5xx, every error is the JSON error shape, and nothing invalid is stored.
 */
@ExtendWith(VertxExtension.class)
class ApiFuzzTest {
  static final long SEED = 20261129L;
  @TempDir
  Path dir;

  @Test
  void hostile_bodies_on_every_route_get_a_4xx_json_error_never_a_5xx(Vertx vertx) {
    Garbage garbage = new Garbage(SEED);
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      String token = server.token("admin");
      SoftAssertions soft = new SoftAssertions();
      for (Routes.Declared route : server.verticle.routes().declared()) {
        if (route.method() == HttpMethod.GET || route.path().contains("session")) {
          continue;
        }
        String uri = "/api" + route.path().replaceAll(":[a-zA-Z]+", "999999");
        for (int i = 0; i < 40; i++) {
          byte[] body = garbage.body();
          HttpResponse<Buffer> response = server.request(route.method(), uri, token)
              .putHeader("Content-Type", i % 3 == 0 ? "text/csv" : "application/json")
              .sendBuffer(Buffer.buffer(body)).await();
          String label = route.method() + " " + uri + " <- " + new String(body, StandardCharsets.UTF_8);
          soft.assertThat(response.statusCode()).as(label).isLessThan(500);
          if (response.statusCode() >= 400) {
            JsonObject error = response.bodyAsJsonObject();
            soft.assertThat(error.getString("error")).as(label).isNotBlank();
            soft.assertThat(error.getString("message")).as(label).isNotBlank();
          }
        }
      }
      soft.assertAll();
      assertStoredAppointmentsAreValid(server);
    }
  }

  @Test
  void hostile_query_strings_on_every_read_route_get_a_4xx_json_error_never_a_5xx(Vertx vertx) {
    Garbage garbage = new Garbage(SEED + 2);
    String[] keys = {"date", "from", "to", "by", "service", "q", "format", "source", "dryRun", "limit"};
    String[] values = {"", "2026-03-30", "2026-02-30", "30/03/2026", "9999-12-31", "0001-01-01", "hour", "weekday-hour",
        "csv", "raw", "true", "titres", "../../etc/passwd", "%00", "%ZZ", "'; DROP TABLE scans; --", "é", "1e9", "-1"};
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      String token = server.token("admin");
      SoftAssertions soft = new SoftAssertions();
      for (Routes.Declared route : server.verticle.routes().declared()) {
        if (route.method() != HttpMethod.GET) {
          continue;
        }
        String path = "/api" + route.path().replaceAll(":[a-zA-Z]+", garbage.nextInt(2) == 0 ? "999999" : "titres");
        for (int i = 0; i < 25; i++) {
          StringBuilder query = new StringBuilder();
          for (int k = 1 + garbage.nextInt(4); k > 0; k--) {
            String value = garbage.nextInt(4) == 0 ? garbage.randomString(12) : values[garbage.nextInt(values.length)];
            query.append(query.length() == 0 ? "?" : "&").append(keys[garbage.nextInt(keys.length)]).append('=')
                .append(value.startsWith("%") ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
          HttpResponse<Buffer> response = server.request(HttpMethod.GET, path + query, token).send().await();
          soft.assertThat(response.statusCode()).as("GET " + path + query).isLessThan(500);
        }
      }
      soft.assertAll();
    }
  }

  @Test
  void mutated_csv_files_never_cause_a_5xx_and_only_valid_rows_are_stored(Vertx vertx) {
    Garbage garbage = new Garbage(SEED + 1);
    String valid = "reference;service;date;heure;nom;duree;email\r\n"
        + "F-1;titres;30/03/2026;09:00;\"Dupont; Jean\";15;jean@example.org\r\n"
        + "F-2;etrangers;2026-03-30;10:40;Nguyen;;\r\n"
        + "F-3;pan;30/03/2026;11:00;\"Deux\r\nlignes\";20;\r\n";
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      SoftAssertions soft = new SoftAssertions();
      for (int i = 0; i < 150; i++) {
        String csv = garbage.mutate(valid);
        HttpResponse<Buffer> response = server.postBytes("manager", "/api/appointments/import"
            + (i % 4 == 0 ? "?dryRun=true" : ""), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        soft.assertThat(response.statusCode()).as(csv).isIn(200, 400, 422);
        if (response.statusCode() == 422) {
          soft.assertThat(response.bodyAsJsonObject().getJsonArray("errors")).as(csv).isNotEmpty();
        }
      }
      soft.assertAll();
      assertStoredAppointmentsAreValid(server);
    }
  }

  private static void assertStoredAppointmentsAreValid(TestServer server) {
    Set<String> services = Set.of("etrangers", "titres", "vehicules", "pan", "pan-emeraude");
    for (String date : new String[]{"2026-03-30", "2026-03-28", "2026-03-29"}) {
      JsonArray day = server.get("manager", "/api/appointments?date=" + date).bodyAsJsonArray();
      for (Object o : day) {
        JsonObject a = (JsonObject) o;
        assertThat(services).contains(a.getString("service"));
        assertThat(a.getJsonObject("visitor").getString("name")).isNotBlank();
        assertThat(a.getInteger("durationMinutes")).isBetween(1, 480);
        assertThat(a.getString("date")).isEqualTo(date);
      }
    }
  }
}
