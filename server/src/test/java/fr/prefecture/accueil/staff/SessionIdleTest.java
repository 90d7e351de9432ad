package fr.prefecture.accueil.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.auth.SessionRules;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions live in the store: they survive a restart, end after 30 minutes without use (a page's polling is not
 * use), and 12 hours after sign-in whatever happens.
 */
@ExtendWith(VertxExtension.class)
class SessionIdleTest {
  @TempDir
  Path dir;

  private static int status(TestServer server, String cookie) {
    return server.client.get("/api/session").putHeader("Cookie", cookie).send().await().statusCode();
  }

  /** A page's own periodic refresh, as request.js sends it with the BACKGROUND option. */
  private static int poll(TestServer server, String cookie) {
    return server.client.get("/api/session").putHeader("Cookie", cookie)
        .putHeader(SessionRules.BACKGROUND, "1").send().await().statusCode();
  }

  private static TestServer at(Vertx vertx, Path dir, String time, String... args) {
    return TestServer.start(vertx, dir, Instant.parse("2026-03-30T" + time + ":00Z"), args);
  }

  @Test
  void a_page_polling_every_few_seconds_does_not_keep_the_session_alive(Vertx vertx) {
    String polled;
    String used;
    try (TestServer server = at(vertx, dir, "07:00")) {
      polled = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
      used = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    }
    for (String time : new String[]{"07:10", "07:20", "07:29"}) {
      try (TestServer server = at(vertx, dir, time)) {
        assertThat(poll(server, polled)).as("polled at " + time).isEqualTo(200);
        assertThat(status(server, used)).as("used at " + time).isEqualTo(200);
      }
    }
    try (TestServer server = at(vertx, dir, "07:45")) {
      assertThat(poll(server, polled)).as("45 minutes of polling, 45 without use").isEqualTo(401);
      assertThat(status(server, used)).as("used 16 minutes ago").isEqualTo(200);
    }
  }

  @Test
  void a_session_used_all_along_still_ends_at_its_lifetime(Vertx vertx) throws Exception {
    Path config = dir.resolve("site.yaml");
    Files.writeString(config, Files.readString(TestServer.CONFIG)
        .replace("server:\n", "server:\n  sessionLifetimeHours: 1\n"));
    String cookie;
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"), Instant.parse("2026-03-30T07:00:00Z"),
        config)) {
      cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    }
    for (String time : new String[]{"07:25", "07:50"}) {
      try (TestServer server = TestServer.start(vertx, dir.resolve("data"),
          Instant.parse("2026-03-30T" + time + ":00Z"), config)) {
        assertThat(status(server, cookie)).as("used at " + time).isEqualTo(200);
      }
    }
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"), Instant.parse("2026-03-30T08:01:00Z"),
        config)) {
      assertThat(status(server, cookie)).as("11 minutes after its last use, 61 after its sign-in").isEqualTo(401);
    }
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
