package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.device.Paired;
import fr.prefecture.accueil.support.TestServer;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every declared API route, called with no credentials and with every role. */
@ExtendWith(VertxExtension.class)
class RoleMatrixTest {
  @TempDir
  Path dir;

  @Test
  void every_route_answers_401_without_credentials_403_for_other_roles_and_never_500(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      List<Routes.Declared> declared = new ArrayList<>(server.verticle.routes().declared());
      assertThat(declared).hasSizeGreaterThan(10);
      SoftAssertions soft = new SoftAssertions();
      for (Routes.Declared route : declared) {
        if (route.roles() == null) {
          continue;
        }
        String uri = "/api" + route.path().replaceAll(":[a-zA-Z]+", "999999");
        HttpResponse<Buffer> anonymous = server.request(route.method(), uri, null).send().await();
        soft.assertThat(anonymous.statusCode()).as("%s %s without credentials", route.method(), uri).isEqualTo(401);
        for (Role role : Role.values()) {
          boolean allowed = role == Role.ADMIN || route.roles().isEmpty() || route.roles().contains(role);
          HttpResponse<Buffer> response = server.request(route.method(), uri, server.token(role.code())).send().await();
          String label = route.method() + " " + uri + " as " + role.code();
          if (allowed) {
            soft.assertThat(response.statusCode()).as(label).isNotIn(401, 403).isLessThan(500);
          } else {
            soft.assertThat(response.statusCode()).as(label).isEqualTo(403);
            soft.assertThat(response.bodyAsJsonObject().getString("error")).as(label).isEqualTo("forbidden");
          }
        }
      }
      soft.assertAll();
    }
  }

  @Test
  void the_open_routes_are_exactly_these_and_answer_without_credentials(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      List<String> open = server.verticle.routes().declared().stream().filter(r -> r.roles() == null)
          .map(r -> r.method() + " " + r.path()).sorted().toList();
      assertThat(open).containsExactly("GET /clock", "GET /public/affluence", "POST /devices/pair", "POST /session");
      HttpResponse<Buffer> affluence = server.request(io.vertx.core.http.HttpMethod.GET, "/api/public/affluence", null)
          .send().await();
      assertThat(affluence.statusCode()).isEqualTo(200);
      assertThat(affluence.bodyAsJsonObject().getJsonArray("days")).isNotEmpty();
    }
  }

  @Test
  void paired_devices_reach_only_the_routes_that_name_their_kind(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      String screen = Paired.screen(server, "hall-a-entree");
      String kiosk = Paired.kiosk(server, "guerite-nord");
      SoftAssertions soft = new SoftAssertions();
      int allowedSomewhere = 0;
      for (Routes.Declared route : server.verticle.routes().declared()) {
        if (route.roles() == null) {
          continue;
        }
        String uri = "/api" + route.path().replaceAll(":[a-zA-Z]+", "999999");
        for (DeviceKind kind : DeviceKind.values()) {
          HttpResponse<Buffer> response = server.client.request(route.method(), uri)
              .putHeader("Cookie", kind == DeviceKind.SCREEN ? screen : kiosk)
              .putHeader("Origin", server.baseUrl()).send().await();
          String label = route.method() + " " + uri + " as a " + kind.code() + " device";
          if (route.devices().contains(kind)) {
            allowedSomewhere++;
            soft.assertThat(response.statusCode()).as(label).isNotIn(401, 403).isLessThan(500);
          } else {
            soft.assertThat(response.statusCode()).as(label).isEqualTo(403);
            soft.assertThat(response.bodyAsJsonObject().getString("error")).as(label).isEqualTo("forbidden");
          }
        }
      }
      soft.assertThat(allowedSomewhere).as("routes open to a kiosk device").isEqualTo(3);
      soft.assertAll();
    }
  }
}
