package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Replayed offline scans: recorded once at their original instant with the kiosk's decision; bad replays refused. */
@ExtendWith(VertxExtension.class)
class OfflineScanApiTest {
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  static JsonObject replay(String code, String scanId, String at, String decision, String reason) {
    return new JsonObject().put("code", code).put("gate", "guerite-nord").put("direction", "in").put("scanId", scanId)
        .put("offline", new JsonObject().put("at", at).put("decision", decision).put("reason", reason));
  }

  private static String code(TestServer server, String start) {
    long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", "Amina Benali"))).bodyAsJsonObject()
        .getLong("id");
    return server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject().getString("code");
  }

  @Test
  void an_offline_admission_is_recorded_at_its_instant_and_marks_the_arrival(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String code = code(server, "2026-03-30T08:50");
      JsonObject answer = server
          .post("guard", "/api/kiosk/scan", replay(code, "off-1", "2026-03-30T06:40:00Z", "admit", "ok"))
          .bodyAsJsonObject();
      assertThat(answer.getString("decision")).isEqualTo("admit");
      assertThat(answer.getBoolean("offline")).isTrue();
      assertThat(answer.getBoolean("conflict")).isFalse();
      assertThat(answer.getString("at")).startsWith("2026-03-30T08:40");

      JsonArray log = server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray();
      assertThat(log).hasSize(1);
      assertThat(log.getJsonObject(0).getString("at")).isEqualTo("2026-03-30T06:40:00Z");
      assertThat(log.getJsonObject(0).getBoolean("offline")).isTrue();
      JsonObject inside = server.get("guard", "/api/site/inside").bodyAsJsonObject();
      assertThat(inside.getInteger("count")).isEqualTo(1);
      assertThat(inside.getJsonArray("people").getJsonObject(0).getString("since")).startsWith("2026-03-30T08:40");

      // The same scanId again: the first answer, nothing new.
      assertThat(server.post("guard", "/api/kiosk/scan", replay(code, "off-1", "2026-03-30T06:41:00Z", "admit", "ok"))
          .bodyAsJsonObject()).isEqualTo(answer);
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray()).hasSize(1);
    }
  }

  @Test
  void when_the_server_already_knew_an_entry_the_kiosk_decision_is_kept_and_the_conflict_flagged(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String code = code(server, "2026-03-30T09:10");
      server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", code).put("gate", "guerite-nord")
          .put("direction", "in").put("scanId", "live-1"));
      JsonObject answer = server.post("guard", "/api/kiosk/scan",
          replay(code, "off-2", NOW.plusSeconds(30).toString(), "admit", "ok")).bodyAsJsonObject();
      assertThat(answer.getString("decision")).isEqualTo("admit");
      assertThat(answer.getBoolean("conflict")).isTrue();
      assertThat(answer.getJsonObject("server").getString("reason")).isEqualTo("already_inside");
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray()).hasSize(2);
    }
  }

  @Test
  void an_offline_refusal_is_recorded_as_refused_and_admits_no_one(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String code = code(server, "2026-03-30T11:00");
      JsonObject answer = server
          .post("guard", "/api/kiosk/scan", replay(code, "off-r", "2026-03-30T06:50:00Z", "refuse", "too_early"))
          .bodyAsJsonObject();
      assertThat(answer.getString("decision")).isEqualTo("refuse");
      assertThat(answer.getString("reason")).isEqualTo("too_early");
      assertThat(answer.getBoolean("conflict")).isFalse();
      assertThat(answer.getJsonObject("server").getString("decision")).isEqualTo("refuse");

      JsonArray log = server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray();
      assertThat(log).hasSize(1);
      assertThat(log.getJsonObject(0).getString("decision")).isEqualTo("refuse");
      assertThat(log.getJsonObject(0).getBoolean("offline")).isTrue();
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isZero();
    }
  }

  @Test
  void replayed_guesses_count_in_the_manual_code_throttle_and_past_it_tell_nothing(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
          .put("start", "2026-03-30T09:10").put("visitor", new JsonObject().put("name", "Amina Benali")))
          .bodyAsJsonObject().getLong("id");
      String genuine = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
          .getString("manualCode");
      // 300 guesses replayed at once, each claiming an admission: the server judges each one itself.
      String token = server.token("guard");
      List<Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> sent = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String guess = "%04d-%04d-A".formatted(i, 7000 + i);
        sent.add(server.request(HttpMethod.POST, "/api/kiosk/scan", token)
            .sendJsonObject(replay(guess, "guess-" + i, "2026-03-30T06:50:00Z", "admit", "ok")));
      }
      Future.join(sent).await();
      List<JsonObject> answers = sent.stream().map(f -> f.result().bodyAsJsonObject()).toList();
      assertThat(sent).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(200));
      long judged = answers.stream().filter(a -> !a.getBoolean("throttled", false)).count();
      assertThat(judged).as("guesses judged before the limit, whatever the concurrency")
          .isEqualTo(Gate.MANUAL_CODE_FAILURES);
      assertThat(answers).allSatisfy(a -> assertThat(a.containsKey("visitor")).isFalse());

      // Past the limit, even the genuine code's replay is recorded (the guard's decision is a fact) but names no one.
      JsonObject real = server.post("guard", "/api/kiosk/scan", replay(genuine, "real", "2026-03-30T06:51:00Z",
          "admit", "ok")).bodyAsJsonObject();
      assertThat(real.getString("decision")).isEqualTo("admit");
      assertThat(real.getBoolean("throttled")).isTrue();
      assertThat(real.encode()).doesNotContain("Amina");
      JsonArray log = server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray();
      assertThat(log).hasSize(301);
      assertThat(log.stream().map(JsonObject.class::cast).filter(e -> e.getBoolean("conflict"))).hasSize(300);
      // Live, the same guard is refused for now.
      assertThat(server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", genuine)
          .put("gate", "guerite-nord").put("direction", "in").put("scanId", "live")).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void a_replay_the_server_finds_invalid_is_kept_beside_its_verdict_and_not_honoured(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String tomorrow = code(server, "2026-03-31T09:10");
      JsonObject answer = server.post("guard", "/api/kiosk/scan",
          replay(tomorrow, "off-wd", "2026-03-30T06:55:00Z", "admit", "ok")).bodyAsJsonObject();
      assertThat(answer.getString("decision")).isEqualTo("admit");
      assertThat(answer.getBoolean("conflict")).isTrue();
      server.post("guard", "/api/kiosk/scan", replay("HC1:FORGED", "off-forged", "2026-03-30T06:56:00Z", "admit",
          "ok"));
      JsonArray log = server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray();
      assertThat(log.stream().map(JsonObject.class::cast)
          .map(e -> e.getString("decision") + "/" + e.getString("serverDecision") + "/" + e.getString("serverReason")
              + "/" + e.getBoolean("conflict")))
          .containsExactlyInAnyOrder("admit/refuse/wrong_day/true", "admit/refuse/malformed/true");
      JsonObject noShows = server.get("manager", "/api/indicators/no-shows?from=2026-03-31&to=2026-03-31&raw=true")
          .bodyAsJsonObject().getJsonObject("totals");
      assertThat(noShows.getLong("honoured")).as("not honoured by a code of another day").isZero();
    }
  }

  @Test
  void bad_replays_are_refused_and_record_nothing(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      String code = code(server, "2026-03-30T09:10");
      for (JsonObject bad : new JsonObject[]{
          replay(code, "b-1", "yesterday", "admit", "ok"),
          replay(code, "b-2", "2026-03-30T08:00:00", "admit", "ok"),
          replay(code, "b-3", "2026-03-30T08:00:00Z", "admit", "ok"),
          replay(code, "b-4", "2026-03-01T08:00:00Z", "admit", "ok"),
          replay(code, "b-5", "2026-03-30T06:59:00Z", "maybe", "ok"),
          replay(code, "b-6", "2026-03-30T06:59:00Z", "admit", "cancelled"),
          replay(code, "b-7", "2026-03-30T06:59:00Z", "refuse", "ok"),
          replay(code, "b-8", "2026-03-30T06:59:00Z", "refuse", "because"),
          replay(code, "b-9", "2026-03-30T06:59:00Z", "refuse", "cancelled").put("offline", "yes")}) {
        assertThat(server.post("guard", "/api/kiosk/scan", bad).statusCode()).as(bad.encode()).isEqualTo(400);
      }
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray()).isEmpty();
    }
  }
}
