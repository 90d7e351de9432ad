package fr.prefecture.accueil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class DemoDataTest {
  @TempDir
  Path dir;

  @Test
  void the_demo_fills_today_and_recent_history_once_and_opens_its_accounts(Vertx vertx) {
    Instant now = Instant.parse("2026-11-30T08:30:00Z");
    int today;
    try (TestServer server = TestServer.start(vertx, dir, now, "--demo")) {
      JsonArray appointments = server.get("manager", "/api/appointments?date=2026-11-30").bodyAsJsonArray();
      today = appointments.size();
      assertThat(today).isGreaterThan(20);
      assertThat(appointments.stream().map(o -> ((JsonObject) o).getString("service")).distinct())
          .contains("etrangers", "titres", "vehicules", "pan", "pan-emeraude");
      JsonObject history = server.get("manager", "/api/indicators/no-shows?from=2026-10-05&to=2026-11-29&by=total")
          .bodyAsJsonObject();
      JsonObject totals = history.getJsonObject("totals");
      assertThat(totals.getLong("due")).isGreaterThan(1000);
      assertThat(totals.getDouble("rate")).isBetween(0.08, 0.17);
      assertThat(server.get("admin", "/api/users").bodyAsJsonArray())
          .extracting(o -> ((JsonObject) o).getString("username"))
          .contains("demo-admin", "demo-manager", "demo-agent", "demo-guard");
      assertThat(server.get(null, "/screens/hall-a-entree").statusCode()).as("demo screens need no pairing")
          .isEqualTo(200);
      for (Object o : appointments) {
        long id = ((JsonObject) o).getLong("id");
        assertThat(server.get("manager", "/api/appointments/" + id + "/convocation").statusCode())
            .as("the demo's appointment %d has its convocation", id).isEqualTo(200);
      }
      int inside = server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count");
      assertThat(inside).as("visitors already through the gate").isGreaterThan(0);
      int waiting = 0;
      for (String service : new String[]{"etrangers", "titres", "vehicules", "pan", "pan-emeraude"}) {
        waiting += server.get("agent", "/api/queues/" + service).bodyAsJsonObject().getJsonArray("waiting").size();
      }
      assertThat(waiting).as("visitors waiting for a counter").isEqualTo(inside);
    }
    try (TestServer again = TestServer.start(vertx, dir, now, "--demo")) {
      assertThat(again.get("manager", "/api/appointments?date=2026-11-30").bodyAsJsonArray()).hasSize(today);
      assertThat(again.get("manager", "/api/scans?date=2026-11-30").bodyAsJsonArray())
          .as("arrivals recorded once").extracting(o -> ((JsonObject) o).getString("scanId")).doesNotHaveDuplicates();
    }
  }
}
