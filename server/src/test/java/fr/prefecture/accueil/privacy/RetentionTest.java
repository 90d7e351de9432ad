package fr.prefecture.accueil.privacy;

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
class RetentionTest {
  @TempDir
  Path dir;

  static JsonObject appointment(String start, String name) {
    return new JsonObject().put("service", "titres").put("start", start)
        .put("visitor", new JsonObject().put("name", name).put("email", "x@example.org").put("phone", "0600000000"));
  }

  @Test
  void personal_data_older_than_the_retention_period_is_removed_at_start_and_the_rest_is_kept(Vertx vertx) {
    try (TestServer before = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      before.post("manager", "/api/appointments", appointment("2026-03-30T09:00", "Ancien Visiteur"));
      before.post("manager", "/api/appointments", appointment("2026-06-20T09:00", "Récent Visiteur"));
      var invited = before.post("manager", "/api/invitations",
          new JsonObject().put("event", "Comité").put("start", "2026-03-30T14:00")
              .put("end", "2026-03-30T15:00").put("guest", new JsonObject().put("name", "Invitée Ancienne")));
      assertThat(invited.statusCode()).as(invited.bodyAsString()).isEqualTo(201);
    }
    // 92 days after the first appointment, 11 after the second: only the first is past 90 days.
    try (TestServer after = TestServer.start(vertx, dir, Instant.parse("2026-06-30T08:00:00Z"))) {
      JsonArray old = after.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray();
      assertThat(old).hasSize(1);
      JsonObject visitor = old.getJsonObject(0).getJsonObject("visitor");
      assertThat(visitor.getString("name")).isEqualTo(Retention.REMOVED);
      assertThat(visitor.containsKey("email")).isFalse();
      assertThat(visitor.containsKey("phone")).isFalse();
      assertThat(old.getJsonObject(0).getString("service")).isEqualTo("titres");
      assertThat(old.getJsonObject(0).getString("start")).isEqualTo("2026-03-30T09:00+02:00");

      JsonObject recent = after.get("manager", "/api/appointments?date=2026-06-20").bodyAsJsonArray().getJsonObject(0);
      assertThat(recent.getJsonObject("visitor").getString("name")).isEqualTo("Récent Visiteur");
      assertThat(recent.getJsonObject("visitor").getString("email")).isEqualTo("x@example.org");

      assertThat(after.get("manager", "/api/invitations?date=2026-03-30").bodyAsJsonArray().getJsonObject(0)
          .getJsonObject("guest").getString("name")).isEqualTo(Retention.REMOVED);

      // The outbox keeps both messages (the indicators count them) but not the old visitor's address or name.
      JsonArray messages = after.get("admin", "/api/messages").bodyAsJsonArray();
      assertThat(messages).hasSize(2);
      JsonObject oldMessage = messages.stream().map(JsonObject.class::cast)
          .filter(m -> m.getLong("appointmentId") == old.getJsonObject(0).getLong("id")).findFirst().orElseThrow();
      assertThat(oldMessage.getString("recipient")).isEqualTo(Retention.REMOVED);
      String preview = after.get("admin", oldMessage.getString("preview")).bodyAsString();
      assertThat(preview).doesNotContain("Ancien Visiteur").contains(Retention.REMOVED);
      assertThat(messages.stream().map(JsonObject.class::cast).map(m -> m.getString("recipient")))
          .contains("x@example.org");
    }
  }

  @Test
  void the_retention_period_is_configurable(Vertx vertx) {
    try (TestServer before = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      before.post("manager", "/api/appointments", appointment("2026-03-30T09:00", "Visiteur"));
    }
    // 32 days later: kept with the default 90 days, removed with a 30-day period.
    try (TestServer kept = TestServer.start(vertx, dir, Instant.parse("2026-05-01T08:00:00Z"))) {
      assertThat(kept.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray().getJsonObject(0)
          .getJsonObject("visitor").getString("name")).isEqualTo("Visiteur");
    }
    Path config = TestServer.CONFIG;
    try (TestServer after = TestServer.start(vertx, dir, Instant.parse("2026-05-01T08:00:00Z"), config,
        "--retention-days", "30")) {
      assertThat(after.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray().getJsonObject(0)
          .getJsonObject("visitor").getString("name")).isEqualTo(Retention.REMOVED);
    }
  }
}
