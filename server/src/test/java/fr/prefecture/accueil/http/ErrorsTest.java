package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorsTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-30T07:00:00Z"));
  final TestServer server = SERVER.get();

  private static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(code);
    assertThat(body.getString("message")).isNotBlank();
  }

  @Test
  void health_answers_once_the_store_is_ready() {
    HttpResponse<Buffer> response = server.get(null, "/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("ok");
  }

  @Test
  void unknown_api_route_is_a_json_404() {
    assertError(server.get("admin", "/api/no-such-thing"), 404, "not_found");
    assertError(server.get(null, "/api/no-such-thing"), 404, "not_found");
  }

  @Test
  void wrong_method_is_a_json_405() {
    assertError(server.as("admin", HttpMethod.PUT, "/api/services", new JsonObject()), 405, "method_not_allowed");
  }

  @Test
  void malformed_json_is_a_400_and_creates_nothing() {
    assertError(server.post("manager", "/api/appointments", "{\"service\": "), 400, "malformed_json");
    assertError(server.post("manager", "/api/appointments", "null"), 400, "invalid_body");
    assertError(server.post("manager", "/api/appointments", "42"), 400, "invalid_body");
    assertError(server.post("manager", "/api/appointments", ""), 400, "missing_body");
    assertThat(server.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray()).isEmpty();
  }

  @Test
  void wrong_types_name_the_field() {
    HttpResponse<Buffer> response = server.post("manager", "/api/appointments",
        new JsonObject().put("service", 12).put("start", "2026-03-30T09:00").put("visitor",
            new JsonObject().put("name", "A")));
    assertError(response, 400, "invalid_field");
    assertThat(response.bodyAsJsonObject().getString("message")).contains("service");

    response = server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
        .put("start", "2026-03-30T09:00").put("durationMinutes", "long")
        .put("visitor", new JsonObject().put("name", "A")));
    assertError(response, 400, "invalid_field");
    assertThat(response.bodyAsJsonObject().getString("message")).contains("durationMinutes");

    response = server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
        .put("start", "2026-03-30T09:00").put("visitor", "Jean"));
    assertError(response, 400, "invalid_field");
  }

  @Test
  void a_body_over_the_limit_is_a_413() {
    String huge = "{\"service\":\"" + "x".repeat(200_000) + "\"}";
    assertError(server.post("manager", "/api/appointments", huge), 413, "body_too_large");
  }

  @Test
  void unknown_service_and_bad_dates_are_400() {
    assertError(server.post("manager", "/api/appointments", new JsonObject().put("service", "nope")
        .put("start", "2026-03-30T09:00").put("visitor", new JsonObject().put("name", "A"))), 400, "unknown_service");
    assertError(server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
        .put("start", "30/03/2026 9h").put("visitor", new JsonObject().put("name", "A"))), 400, "invalid_field");
    assertError(server.get("manager", "/api/appointments?date=2026-02-30"), 400, "invalid_field");
    assertError(server.get("manager", "/api/appointments/abc"), 400, "invalid_id");
    assertError(server.get("manager", "/api/appointments/999"), 404, "not_found");
  }

  @Test
  void broken_percent_escapes_in_the_path_or_the_query_are_400() {
    assertError(server.get("admin", "/api/appointments/%ZZ"), 400, "malformed_path");
    assertError(server.get("admin", "/api/%C3%A9%Z"), 400, "malformed_path");
    assertError(server.get("admin", "/api/appointments?date=%ZZ"), 400, "malformed_query");
    assertError(server.get(null, "/screens/%ZZ"), 400, "malformed_path");
  }

  @Test
  void pages_carry_security_headers() {
    HttpResponse<Buffer> response = server.get(null, "/login");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
