package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The offline pack: what the day needs and nothing more (issue 12, point 6). */
@ExtendWith(VertxExtension.class)
class OfflinePackApiTest {
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  private static void appointment(TestServer server, String start, String name) {
    assertThat(server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", name))).statusCode()).isEqualTo(201);
  }

  private static void invitation(TestServer server, String start, String end, String name) {
    assertThat(server.post("manager", "/api/invitations", new JsonObject().put("event", "Comité des usagers")
        .put("start", start).put("end", end).put("location", "Salle 1")
        .put("guest", new JsonObject().put("name", name))).statusCode()).isEqualTo(201);
  }

  @Test
  void the_pack_holds_only_todays_visitors_and_the_keys_to_verify_any_day(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      appointment(server, "2026-03-30T09:10", "Amina Aujourdhui");
      appointment(server, "2026-03-30T23:50", "Jean Cesoir");
      appointment(server, "2026-03-31T00:10", "Paul Demain");
      appointment(server, "2026-03-31T09:10", "Lucie Demain");
      invitation(server, "2026-03-30T14:00", "2026-03-30T16:00", "Marc Invité");
      invitation(server, "2026-03-31T14:00", "2026-03-31T16:00", "Nora Invitée");

      JsonObject pack = server.get("guard", "/api/kiosk/offline-pack").bodyAsJsonObject();

      assertThat(pack.getString("day")).isEqualTo("2026-03-30");
      String text = pack.encode();
      assertThat(text).contains("Amina Aujourdhui").contains("Jean Cesoir").contains("Marc Invité")
          .doesNotContain("Demain").doesNotContain("Nora");
      assertThat(pack.getJsonArray("convocations")).hasSize(3);
      assertThat(pack.getJsonArray("keys")).isNotEmpty();
      assertThat(pack.getJsonArray("keys").getJsonObject(0).getString("publicKey")).isNotBlank();
    }
  }
}
