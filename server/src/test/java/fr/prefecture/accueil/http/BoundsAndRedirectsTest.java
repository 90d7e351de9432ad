package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Extreme dates are a 400, never a 500; the sign-in page drops a {@code next} that leaves the site. */
@ExtendWith(VertxExtension.class)
class BoundsAndRedirectsTest {
  @TempDir
  Path dir;

  @Test
  void extreme_dates_on_indicators_and_audit_are_400(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      for (String query : new String[]{"from=-999999999-01-01", "to=+999999999-12-31", "from=1999-12-31",
          "to=2101-01-01"}) {
        assertThat(server.get("admin", "/api/indicators/no-shows?" + query).statusCode()).as(query).isEqualTo(400);
        assertThat(server.get("admin", "/api/indicators/waiting-times?" + query).statusCode()).as(query)
            .isEqualTo(400);
        assertThat(server.get("admin", "/api/audit?" + query).statusCode()).as(query).isEqualTo(400);
      }
      assertThat(server.get("admin", "/api/indicators/no-shows?from=2000-01-01&to=2000-01-31").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void a_next_that_names_another_origin_is_dropped_by_the_server(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      for (String next : new String[]{"/%5Cevil.example", "/%09/evil.example", "//evil.example",
          "https://evil.example/", "/%5C%5Cevil.example", "%2F%2Fevil.example"}) {
        var answer = server.client.get("/login?next=" + next).send().await();
        assertThat(answer.statusCode()).as(next).isEqualTo(302);
        assertThat(answer.getHeader("Location")).as(next).isEqualTo("/login");
      }
      assertThat(server.client.get("/login?next=%2Fkiosk%3Fx%3D1").send().await().statusCode()).isEqualTo(200);
    }
  }
}
