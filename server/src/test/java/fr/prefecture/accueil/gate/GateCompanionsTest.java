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

/** Companions (accompagnateurs) enter with a visitor: counted inside, confirmed above the service's maximum. */
@ExtendWith(VertxExtension.class)
class GateCompanionsTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  private static JsonObject scan(String code, String direction, String scanId, Object companions, Object confirmed) {
    return new JsonObject().put("code", code).put("gate", "guerite-nord").put("direction", direction)
        .put("scanId", scanId).put("companions", companions).put("companionsConfirmed", confirmed);
  }

  @Test
  void companions_are_counted_inside_confirmed_above_the_maximum_and_leave_with_the_visitor(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      GateClient gate = new GateClient(server);
      long id = gate.book("titres", "2026-03-30T09:10", "Nadia Haddad");
      String code = gate.code(id);

      // Two companions where the service allows one: the guard must confirm; nothing is recorded until then.
      var over = server.post("guard", "/api/kiosk/scan", scan(code, "in", "c-1", 2, null));
      assertThat(over.statusCode()).isEqualTo(409);
      assertThat(over.bodyAsJsonObject().getString("error")).isEqualTo("companions_over_limit");
      assertThat(over.bodyAsJsonObject().getInteger("maxCompanions")).isEqualTo(1);
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray()).isEmpty();

      JsonObject admitted = server.post("guard", "/api/kiosk/scan", scan(code, "in", "c-1", 2, true))
          .bodyAsJsonObject();
      assertThat(admitted.getString("decision")).isEqualTo("admit");
      assertThat(admitted.getInteger("companions")).isEqualTo(2);
      JsonObject inside = server.get("guard", "/api/site/inside").bodyAsJsonObject();
      assertThat(inside.getInteger("count")).isEqualTo(3);
      assertThat(inside.getInteger("visitors")).isEqualTo(1);
      assertThat(inside.getJsonArray("people").getJsonObject(0).getInteger("companions")).isEqualTo(2);

      JsonObject out = server.post("guard", "/api/kiosk/scan", scan(code, "out", "c-2", null, null))
          .bodyAsJsonObject();
      assertThat(out.getInteger("companions")).as("the exit closes the companions too").isEqualTo(2);
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isZero();

      JsonObject flows = server.get("manager", "/api/indicators/flows?from=2026-03-30&to=2026-03-30&raw=true")
          .bodyAsJsonObject().getJsonObject("totals");
      assertThat(flows.getLong("admissions")).isEqualTo(1);
      assertThat(flows.getLong("companions")).isEqualTo(2);
    }
  }

  @Test
  void within_the_maximum_no_confirmation_and_bad_counts_are_refused(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      GateClient gate = new GateClient(server);
      String code = gate.code(gate.book("titres", "2026-03-30T09:10", "Paul Girard"));
      for (JsonObject bad : new JsonObject[]{scan(code, "in", "b-1", -1, null), scan(code, "in", "b-2", "two", null),
          scan(code, "in", "b-3", 21, true), scan(code, "in", "b-4", 1.5, null), scan(code, "in", "b-5", 1, "yes")}) {
        assertThat(server.post("guard", "/api/kiosk/scan", bad).statusCode()).as(bad.encode()).isEqualTo(400);
      }
      JsonObject one = server.post("guard", "/api/kiosk/scan", scan(code, "in", "ok-1", 1, null)).bodyAsJsonObject();
      assertThat(one.getInteger("companions")).isEqualTo(1);
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isEqualTo(2);
    }
  }
}
