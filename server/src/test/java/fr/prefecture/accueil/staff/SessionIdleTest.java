package fr.prefecture.accueil.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sessions live in the store: they survive a restart, and end after 30 minutes without use. */
@ExtendWith(VertxExtension.class)
class SessionIdleTest {
  @TempDir
  Path dir;

  private static int status(TestServer server, String cookie) {
    return server.client.get("/api/session").putHeader("Cookie", cookie).send().await().statusCode();
  }

  @Test
  void a_session_survives_a_restart_and_ends_after_thirty_idle_minutes(Vertx vertx) {
    String cookie;
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
      assertThat(status(server, cookie)).isEqualTo(200);
    }
    try (TestServer later = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:28:00Z"))) {
      assertThat(status(later, cookie)).as("28 minutes idle").isEqualTo(200);
    }
    try (TestServer later = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:59:00Z"))) {
      assertThat(status(later, cookie)).as("31 minutes after the last use").isEqualTo(401);
      assertThat(status(later, cookie)).as("and gone for good").isEqualTo(401);
    }
  }
}
