package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admission rule through POST /api/kiosk/scan. The server's clock starts at --now and then runs,
 * so "exactly at the boundary" means the boundary plus the few milliseconds of the request: the
 * instant-exact boundaries are shown with a fixed clock in the kiosk module's AdmissionRulesTest. The tests at 09:00
 * share one server (each books its own visitors: the class takes seconds, far less than the minute of the margins);
 * the others start theirs at their own instant.
 */
@ExtendWith(VertxExtension.class)
class GateRulesTest {
  /** Monday 30 March 2026, 09:00 in Paris (summer time since the day before). */
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NINE);
  @TempDir
  Path dir;

  @Test
  void admits_exactly_20_minutes_before_and_refuses_21_minutes_before_with_the_exact_time() {
    TestServer server = SERVER.get();
    GateClient gate = new GateClient(server);
    JsonObject inTime = gate.scan(gate.code(gate.book("etrangers", "2026-03-30T09:20", "Amina Benali")), "in");
    assertThat(inTime.getString("decision")).isEqualTo("admit");
    assertThat(inTime.getString("reason")).isEqualTo("ok");
    assertThat(inTime.getJsonObject("visitor").getString("name")).isEqualTo("Amina Benali");
    assertThat(inTime.getJsonObject("service").getJsonObject("location").getJsonObject("room").getString("fr"))
        .isEqualTo("Salle 12");
    assertThat(inTime.getString("localTime")).isEqualTo("09:20");

    JsonObject early = gate.scan(gate.code(gate.book("etrangers", "2026-03-30T09:21", "Jean Dupont")), "in");
    assertThat(early.getString("decision")).isEqualTo("refuse");
    assertThat(early.getString("reason")).isEqualTo("too_early");
    assertThat(early.getString("admitFrom")).isEqualTo("2026-03-30T09:01+02:00");
    assertThat(early.getString("admitFromLocal")).isEqualTo("09:01");
    assertThat(early.getJsonObject("message").getString("fr")).contains("9 h 01");
    assertThat(early.getJsonObject("message").getString("en")).contains("09:01");
  }

  @Test
  void refuses_after_the_late_grace_of_each_service() {
    TestServer server = SERVER.get();
    GateClient gate = new GateClient(server);
    // etrangers: 30 minutes of grace; pan: 15.
    assertThat(gate.scan(gate.code(gate.book("etrangers", "2026-03-30T08:31", "A")), "in").getString("reason"))
        .isEqualTo("ok");
    assertThat(gate.scan(gate.code(gate.book("etrangers", "2026-03-30T08:30", "B")), "in").getString("reason"))
        .isEqualTo("too_late");
    assertThat(gate.scan(gate.code(gate.book("pan", "2026-03-30T08:46", "C")), "in").getString("reason"))
        .isEqualTo("ok");
    assertThat(gate.scan(gate.code(gate.book("pan", "2026-03-30T08:44", "D")), "in").getString("reason"))
        .isEqualTo("too_late");
  }

  @Test
  void refuses_another_day_and_a_cancelled_appointment() {
    TestServer server = SERVER.get();
    GateClient gate = new GateClient(server);
    JsonObject tomorrow = gate.scan(gate.code(gate.book("titres", "2026-03-31T09:10", "A")), "in");
    assertThat(tomorrow.getString("reason")).isEqualTo("wrong_day");
    assertThat(tomorrow.getJsonObject("message").getString("fr")).contains("mardi 31 mars 2026");

    long id = gate.book("titres", "2026-03-30T09:10", "B");
    String code = gate.code(id);
    assertThat(server.post("manager", "/api/appointments/" + id + "/cancel", null).statusCode()).isEqualTo(200);
    assertThat(gate.scan(code, "in").getString("reason")).isEqualTo("cancelled");
  }

  @Test
  void refuses_a_second_entry_lets_out_even_without_a_recorded_entry_and_lets_back_in_later_that_day(Vertx vertx) {
    String code;
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      GateClient gate = new GateClient(server);
      code = gate.code(gate.book("titres", "2026-03-30T09:10", "Maria Silva"));
      // A guard cannot stop someone leaving: recorded as an exit that says no entry was recorded, nobody inside.
      JsonObject phantom = gate.scan(code, "out");
      assertThat(phantom.getString("decision")).isEqualTo("admit");
      assertThat(phantom.getString("reason")).isEqualTo("no_entry_recorded");
      assertThat(phantom.getJsonObject("message").getString("en")).contains("entry not recorded");
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isZero();
      assertThat(gate.scan(code, "in").getString("reason")).isEqualTo("ok");
      assertThat(gate.scan(code, "in").getString("reason")).isEqualTo("already_inside");
      JsonObject out = gate.scan(code, "out");
      assertThat(out.getString("decision")).isEqualTo("admit");
      assertThat(out.getString("direction")).isEqualTo("out");
      assertThat(gate.scan(code, "out").getString("reason")).isEqualTo("no_entry_recorded");
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isZero();
    }
    // 15:00, long after the grace period: who went out may come back in the same day.
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T13:00:00Z"))) {
      GateClient gate = new GateClient(server);
      JsonObject back = gate.scan(code, "in");
      assertThat(back.getString("decision")).isEqualTo("admit");
      assertThat(back.getJsonObject("message").getString("en")).contains("Welcome back");
    }
    // The next day the same convocation is for another day, and yesterday's passages do not count.
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-31T07:00:00Z"))) {
      assertThat(new GateClient(server).scan(code, "in").getString("reason")).isEqualTo("wrong_day");
    }
  }

  @Test
  void an_appointment_just_after_midnight_is_another_day_at_23_55_the_evening_before(Vertx vertx) {
    // 23:55 in Paris on 30 March.
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T21:55:00Z"))) {
      GateClient gate = new GateClient(server);
      JsonObject scan = gate.scan(gate.code(gate.book("titres", "2026-03-31T00:10", "Night Owl")), "in");
      assertThat(scan.getString("reason")).isEqualTo("wrong_day");
    }
  }

  @Test
  void counts_the_early_window_in_real_minutes_on_the_day_clocks_go_forward(Vertx vertx) {
    // Sunday 29 March 2026: 02:00 became 03:00. A 03:10 appointment opens at 02:50 on the clock that did not
    // exist, i.e. 20 real minutes before: 01:50 UTC; at 01:49 UTC it is too early, and the time is said.
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-29T00:49:00Z"))) {
      GateClient gate = new GateClient(server);
      JsonObject early = gate.scan(gate.code(gate.book("titres", "2026-03-29T03:10", "Early Bird")), "in");
      assertThat(early.getString("reason")).isEqualTo("too_early");
      assertThat(early.getString("admitFrom")).isEqualTo("2026-03-29T01:50+01:00");
    }
  }

  @Test
  void invitations_follow_their_event_times() {
    TestServer server = SERVER.get();
    GateClient gate = new GateClient(server);
    long open = server.post("manager", "/api/invitations", new JsonObject().put("event", "Comité des usagers")
        .put("start", "2026-03-30T09:15").put("end", "2026-03-30T11:00").put("location", "Salle du comité")
        .put("guest", new JsonObject().put("name", "Hélène Garnier"))).bodyAsJsonObject().getLong("id");
    long over = server.post("manager", "/api/invitations", new JsonObject().put("event", "Réunion")
        .put("start", "2026-03-30T07:00").put("end", "2026-03-30T08:59")
        .put("guest", new JsonObject().put("name", "Li Wei"))).bodyAsJsonObject().getLong("id");
    String openCode = server.get("manager", "/api/invitations/" + open + "/convocation").bodyAsJsonObject()
        .getString("code");
    String overCode = server.get("manager", "/api/invitations/" + over + "/convocation").bodyAsJsonObject()
        .getString("code");
    JsonObject admitted = gate.scan(openCode, "in");
    assertThat(admitted.getString("decision")).isEqualTo("admit");
    assertThat(admitted.getString("event")).isEqualTo("Comité des usagers");
    assertThat(admitted.getJsonObject("convocation").getString("kind")).isEqualTo("invitation");
    assertThat(gate.scan(overCode, "in").getString("reason")).isEqualTo("too_late");
  }

  @Test
  void a_moved_appointment_gets_a_new_code_and_the_old_code_follows_the_new_time() {
    TestServer server = SERVER.get();
    GateClient gate = new GateClient(server);
    JsonObject first = new JsonObject().put("service", "titres").put("start", "2026-03-30T14:00")
        .put("visitor", new JsonObject().put("name", "Moved Visitor")).put("reference", "RDV-MOVE");
    long id = server.post("manager", "/api/appointments", first).bodyAsJsonObject().getLong("id");
    JsonObject printed = gate.convocation(id);
    assertThat(gate.convocation(id)).isEqualTo(printed);
    assertThat(gate.scan(printed.getString("code"), "in").getString("reason")).isEqualTo("too_early");

    server.post("manager", "/api/appointments", first.copy().put("start", "2026-03-30T09:10"));
    JsonObject reprinted = gate.convocation(id);
    assertThat(reprinted.getString("code")).isNotEqualTo(printed.getString("code"));
    assertThat(reprinted.getString("manualCode")).isNotEqualTo(printed.getString("manualCode"));
    assertThat(gate.scan(printed.getString("code"), "in").getString("reason")).isEqualTo("ok");
  }
}
