package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.kiosk.convocation.ManualCode;
import fr.prefecture.accueil.support.Eventually;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records, replays, bad input, manual codes, lost convocations, presence, keys and QR images. The tests share one
 * server: each books its own appointments and reads only the part of the day's log it wrote (after {@link #mark}).
 */
class GateApiTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  static final String TODAY = "2026-03-30";
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NINE);
  final TestServer server = SERVER.get();
  final GateClient gate = new GateClient(server);
  /** How many scans the day's log held when the test started. */
  int mark;

  @BeforeEach
  void mark() {
    mark = gate.log(TODAY).size();
  }

  /** The scans of the day recorded since the test started, in order. */
  JsonArray newScans() {
    JsonArray day = gate.log(TODAY);
    return new JsonArray(new ArrayList<>(day.getList().subList(mark, day.size())));
  }

  @Test
  void records_every_attempt_with_decision_reason_gate_direction_and_instant_and_marks_the_arrival() {
    List<JsonObject> arrivals = new CopyOnWriteArrayList<>();
    List<JsonObject> scans = new CopyOnWriteArrayList<>();
    List<String> scanIds = List.of("scan-1", "scan-2", "scan-3", "scan-4");
    long id = gate.book("titres", "2026-03-30T09:10", "Jean Dupont");
    MessageConsumer<JsonObject> arrived = server.vertx.eventBus().<JsonObject>consumer(Events.ARRIVALS, m -> {
      if (m.body().getLong("appointmentId") == id) {
        arrivals.add(m.body());
      }
    });
    MessageConsumer<JsonObject> scanned = server.vertx.eventBus().<JsonObject>consumer(Events.SCANS, m -> {
      if (scanIds.contains(m.body().getString("scanId"))) {
        scans.add(m.body());
      }
    });
    Future.all(arrived.completion(), scanned.completion()).await();
    String code = gate.code(id);
    gate.scan(code, "in", "scan-1");
    gate.scan(code, "out", "scan-2");
    gate.scan(code, "in", "scan-3");
    gate.scan("NOT A CODE", "in", "scan-4");

    JsonArray log = newScans();
    assertThat(log).hasSize(4);
    JsonObject first = log.getJsonObject(0);
    assertThat(first.getString("scanId")).isEqualTo("scan-1");
    assertThat(first.getString("decision")).isEqualTo("admit");
    assertThat(first.getString("reason")).isEqualTo("ok");
    assertThat(first.getString("gate")).isEqualTo("guerite-nord");
    assertThat(first.getString("direction")).isEqualTo("in");
    assertThat(first.getString("at")).startsWith("2026-03-30T07:00");
    assertThat(first.getString("kind")).isEqualTo("appointment");
    assertThat(first.getLong("convocationId")).isEqualTo(id);
    assertThat(log.getJsonObject(3).getString("reason")).isEqualTo("malformed");
    assertThat(log.getJsonObject(3).getString("decision")).isEqualTo("refuse");
    assertThat(gate.log("2026-03-31")).isEmpty();

    Eventually.until(() -> scans.size() == 4 && arrivals.size() == 1);
    assertThat(arrivals.get(0).getLong("appointmentId")).isEqualTo(id);
    assertThat(arrivals.get(0).getString("service")).isEqualTo("titres");
    Future.all(arrived.unregister(), scanned.unregister()).await();
  }

  @Test
  void the_same_scan_id_again_returns_the_same_answer_and_records_nothing_new() {
    String code = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    JsonObject first = gate.scan(code, "in", "replayed-1");
    JsonObject second = gate.scan(code, "in", "other-2");
    assertThat(second.getString("reason")).isEqualTo("already_inside");
    JsonObject replay = gate.scan(code, "in", "replayed-1");
    assertThat(replay).isEqualTo(first);
    assertThat(replay.getString("decision")).isEqualTo("admit");
    assertThat(newScans()).hasSize(2);
  }

  @Test
  void the_same_scan_id_sent_many_times_at_once_is_recorded_once_and_answered_alike() {
    String code = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    JsonObject body = new JsonObject().put("code", code).put("gate", GateClient.GATE).put("direction", "in")
        .put("scanId", "concurrent-1");
    String token = server.token("guard");
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sent.add(server.request(io.vertx.core.http.HttpMethod.POST, "/api/kiosk/scan", token).sendJsonObject(body));
    }
    Future.all(sent).await();
    for (Future<HttpResponse<Buffer>> f : sent) {
      assertThat(f.result().statusCode()).isEqualTo(200);
      assertThat(f.result().bodyAsJsonObject().getString("decision")).isEqualTo("admit");
    }
    assertThat(newScans()).hasSize(1);
  }

  @Test
  void tampered_truncated_and_garbage_codes_are_refused_with_their_reason_and_recorded() {
    String code = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    int last = code.length() - 5;
    char flipped = code.charAt(last) == 'A' ? 'B' : 'A';
    String tampered = code.substring(0, last) + flipped + code.substring(last + 1);
    String reason = gate.scan(tampered, "in").getString("reason");
    assertThat(reason).isIn("invalid_signature", "malformed");
    // A truncated code (a scan cut short) is not a convocation at all.
    assertThat(gate.scan(code.substring(0, code.length() - 3), "in").getString("reason")).isEqualTo("malformed");
    assertThat(gate.scan("https://example.org/phishing", "in").getString("reason")).isEqualTo("malformed");
    assertThat(gate.scan("x".repeat(400), "in").getString("reason")).isEqualTo("malformed");
    JsonArray log = newScans();
    assertThat(log).hasSize(4);
    assertThat(log.stream().map(o -> ((JsonObject) o).getString("decision"))).containsOnly("refuse");

    // Every single-character change of the code is refused (never taken for another convocation).
    Random random = new Random(7);
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    for (int i = 0; i < 30; i++) {
      int at = random.nextInt(code.length());
      char c;
      do {
        c = alphabet.charAt(random.nextInt(alphabet.length()));
      } while (c == code.charAt(at));
      String changed = code.substring(0, at) + c + code.substring(at + 1);
      assertThat(gate.scan(changed, "in").getString("decision")).as(changed).isEqualTo("refuse");
    }
  }

  @Test
  void rejected_requests_get_a_400_and_record_nothing() {
    String code = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    JsonObject good = new JsonObject().put("code", code).put("gate", GateClient.GATE).put("direction", "in")
        .put("scanId", "s-1");
    List<Object> bad = List.of(
        "{not json", "[]", "\"just a string\"",
        good.copy().put("gate", "porte-de-derriere"),
        good.copy().put("direction", "sideways"),
        good.copy().put("scanId", "x".repeat(101)),
        good.copy().put("scanId", "has spaces and <tags>"),
        good.copy().put("code", 12345),
        good.copy().put("code", "A".repeat(501)));
    for (Object body : bad) {
      HttpResponse<Buffer> response = gate.scanRaw(body);
      assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("error")).as(body.toString()).isNotBlank();
    }
    for (String field : List.of("code", "gate", "scanId")) {
      JsonObject missing = good.copy();
      missing.remove(field);
      assertThat(gate.scanRaw(missing).statusCode()).as(field).isEqualTo(400);
    }
    assertThat(newScans()).isEmpty();
    assertThat(gate.scan(code, "in", "s-1").getString("decision")).isEqualTo("admit");
  }

  @Test
  void a_manual_code_admits_a_typo_is_malformed_and_an_unknown_code_is_unknown() {
    JsonObject convocation = gate.convocation(gate.book("titres", "2026-03-30T09:10", "A"));
    String manual = convocation.getString("manualCode");
    assertThat(manual).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
    JsonObject typed = gate.scan(manual.toLowerCase().replace("-", " "), "in");
    assertThat(typed.getString("decision")).isEqualTo("admit");
    assertThat(typed.getString("input")).isEqualTo("manual_code");

    char wrong = manual.charAt(2) == '7' ? '8' : '7';
    String typo = manual.substring(0, 2) + wrong + manual.substring(3);
    assertThat(gate.scan(typo, "out").getString("reason")).isEqualTo("malformed");
    String unknown = ManualCode.of(new byte[64]);
    assertThat(gate.scan(unknown, "in").getString("reason")).isEqualTo("unknown_convocation");
  }

  @Test
  void failed_manual_codes_are_throttled_per_guard_and_the_refused_request_records_nothing() {
    // A guard of its own: the other tests' guard must not be throttled, nor count here.
    GateClient gate = new GateClient(server, server.newToken("throttled-guard", "guard"));
    String unknown = ManualCode.of(new byte[64]);
    for (int i = 0; i < Gate.MANUAL_CODE_FAILURES; i++) {
      assertThat(gate.scan(unknown, "in").getString("reason")).isEqualTo("unknown_convocation");
    }
    HttpResponse<Buffer> throttled = gate.scanRaw(new JsonObject().put("code", unknown).put("gate", GateClient.GATE)
        .put("direction", "in").put("scanId", "one-too-many"));
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.bodyAsJsonObject().getString("error")).isEqualTo("too_many_attempts");
    assertThat(newScans()).hasSize(Gate.MANUAL_CODE_FAILURES);
    // QR codes still work for that guard.
    assertThat(gate.scan(gate.code(gate.book("titres", "2026-03-30T09:10", "A")), "in").getString("decision"))
        .isEqualTo("admit");
  }

  @Test
  void a_code_mangled_by_a_us_scanner_on_an_azerty_keyboard_is_still_read() {
    String code = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    String mangled = AzertyScanner.mangle(code);
    assertThat(mangled).isNotEqualTo(code);
    assertThat(gate.scan(mangled, "in").getString("decision")).isEqualTo("admit");
  }

  @Test
  void a_lost_convocation_is_found_by_name_and_admitted_by_hand_with_the_guard_recorded() {
    long id = gate.book("etrangers", "2026-03-30T09:10", "Élodie Petit");
    gate.book("etrangers", "2026-03-31T09:10", "Élodie Petit");
    JsonArray found = server.get("guard", "/api/kiosk/appointments?q=elodie").bodyAsJsonArray();
    // Today's first, then the homonym of another day, each with what admitting would give now.
    assertThat(found).hasSize(2);
    assertThat(found.getJsonObject(0).getLong("id")).isEqualTo(id);
    assertThat(found.getJsonObject(0).getString("localTime")).isEqualTo("09:10");
    assertThat(found.getJsonObject(0).getJsonObject("preview").getString("decision")).isEqualTo("admit");
    assertThat(found.getJsonObject(1).getString("date")).isEqualTo("2026-03-31");
    assertThat(found.getJsonObject(1).getJsonObject("preview").getString("reason")).isEqualTo("wrong_day");
    assertThat(server.get("guard", "/api/kiosk/appointments?q=e").statusCode()).isEqualTo(400);

    HttpResponse<Buffer> admitted = server.post("guard", "/api/kiosk/admit", new JsonObject().put("kind", "appointment")
        .put("id", id).put("gate", GateClient.GATE).put("direction", "in").put("scanId", "by-hand-1"));
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(admitted.bodyAsJsonObject().getString("decision")).isEqualTo("admit");
    assertThat(admitted.bodyAsJsonObject().getBoolean("manual")).isTrue();
    JsonObject row = newScans().getJsonObject(0);
    assertThat(row.getBoolean("manual")).isTrue();
    assertThat(row.getString("staff")).isEqualTo("token:test-guard");
    assertThat(row.getString("input")).isEqualTo("lookup");
    // The same rules apply: a second entry while inside is refused.
    HttpResponse<Buffer> again = server.post("guard", "/api/kiosk/admit", new JsonObject().put("id", id)
        .put("gate", GateClient.GATE).put("scanId", "by-hand-2"));
    assertThat(again.bodyAsJsonObject().getString("reason")).isEqualTo("already_inside");
    HttpResponse<Buffer> nobody = server.post("guard", "/api/kiosk/admit", new JsonObject().put("id", 999999)
        .put("gate", GateClient.GATE).put("scanId", "by-hand-3"));
    assertThat(nobody.statusCode()).isEqualTo(404);
    assertThat(newScans()).hasSize(2);
  }

  @Test
  void who_is_inside_follows_entries_and_exits() {
    // Visitors of the other tests may be inside already: this test counts the ones it lets in and out.
    JsonObject before = server.get("guard", "/api/site/inside").bodyAsJsonObject();
    String a = gate.code(gate.book("titres", "2026-03-30T09:10", "Ahmed Mansour"));
    String b = gate.code(gate.book("titres", "2026-03-30T09:15", "Awa Traoré"));
    gate.scan(a, "in");
    gate.scan(b, "in");
    gate.scan(a, "out");
    JsonObject inside = server.get("guard", "/api/site/inside").bodyAsJsonObject();
    assertThat(inside.getInteger("count")).isEqualTo(before.getInteger("count") + 1);
    List<Object> newcomers = new ArrayList<>(inside.getJsonArray("people").getList());
    newcomers.removeAll(before.getJsonArray("people").getList());
    assertThat(new JsonArray(newcomers).stream().map(p -> ((JsonObject) p).getString("name")))
        .containsExactly("Awa Traoré");
    assertThat(server.get("manager", "/api/site/inside").bodyAsJsonObject().getInteger("count"))
        .isEqualTo(before.getInteger("count") + 1);
    assertThat(server.get("agent", "/api/site/inside").statusCode()).isEqualTo(403);
    assertThat(server.get("guard", "/api/scans?date=" + TODAY).statusCode()).isEqualTo(403);
    assertThat(server.post("manager", "/api/kiosk/scan", new JsonObject()).statusCode()).isEqualTo(403);
  }

  @Test
  void the_qr_png_from_the_api_decodes_back_to_the_code_and_non_images_get_a_422() {
    long id = gate.book("titres", "2026-03-30T09:10", "A");
    String code = gate.code(id);
    HttpResponse<Buffer> png = server.get("manager", "/api/appointments/" + id + "/convocation.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.getHeader("Content-Type")).isEqualTo("image/png");
    HttpResponse<Buffer> decoded = server.postBytes("guard", "/api/kiosk/decode", "image/png", png.body().getBytes());
    assertThat(decoded.statusCode()).isEqualTo(200);
    assertThat(decoded.bodyAsJsonObject().getString("text")).isEqualTo(code);

    HttpResponse<Buffer> text = server.postBytes("guard", "/api/kiosk/decode", "image/jpeg",
        "not an image at all".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(422);
    assertThat(text.bodyAsJsonObject().getString("error")).isEqualTo("not_an_image");
    HttpResponse<Buffer> blank = server.postBytes("guard", "/api/kiosk/decode", "image/png",
        server.get("agent", "/static/kiosk/kiosk.css").body().getBytes());
    assertThat(blank.statusCode()).isEqualTo(422);
    assertThat(server.postBytes("guard", "/api/kiosk/decode", "image/png", new byte[0]).statusCode()).isEqualTo(400);
    assertThat(newScans()).isEmpty();
  }

  @Test
  void rotated_keys_keep_old_codes_valid_until_retired_and_key_changes_are_audited() {
    String old = gate.code(gate.book("titres", "2026-03-30T09:10", "A"));
    JsonArray keys = server.get("admin", "/api/keys").bodyAsJsonArray();
    assertThat(keys).hasSize(1);
    String oldKey = keys.getJsonObject(0).getString("id");
    assertThat(server.post("admin", "/api/keys/" + oldKey + "/retire", null).statusCode()).isEqualTo(409);

    HttpResponse<Buffer> rotated = server.post("admin", "/api/keys/rotate", null);
    assertThat(rotated.statusCode()).isEqualTo(201);
    String newKey = rotated.bodyAsJsonObject().getString("active");
    assertThat(newKey).isNotEqualTo(oldKey);
    String fresh = gate.code(gate.book("titres", "2026-03-30T09:15", "B"));
    assertThat(gate.scan(old, "in").getString("reason")).isEqualTo("ok");
    assertThat(gate.scan(fresh, "in").getString("reason")).isEqualTo("ok");

    assertThat(server.post("admin", "/api/keys/" + oldKey + "/retire", null).statusCode()).isEqualTo(200);
    assertThat(gate.scan(old, "out").getString("reason")).isEqualTo("unknown_key");
    assertThat(gate.scan(fresh, "out").getString("reason")).isEqualTo("ok");
    assertThat(server.post("admin", "/api/keys/ffff/retire", null).statusCode()).isEqualTo(404);
    assertThat(server.post("manager", "/api/keys/rotate", null).statusCode()).isEqualTo(403);
    JsonArray audit = server.get("admin", "/api/audit").bodyAsJsonArray();
    assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action"))).contains("key.rotated", "key.retired");
  }

  @Test
  void the_printable_convocation_is_bilingual_escaped_and_shows_code_time_and_place() {
    long id = gate.book("etrangers", "2026-03-30T10:40", "<script>alert(1)</script> Nguyen");
    JsonObject convocation = gate.convocation(id);
    String cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    HttpResponse<Buffer> page = server.client.get("/convocations/" + id).putHeader("Cookie", cookie).send().await();
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.bodyAsString();
    assertThat(html).contains(convocation.getString("manualCode")).contains("data:image/png;base64,")
        .contains("lundi 30 mars 2026").contains("Monday 30 March 2026").contains("10 h 40")
        .contains("Salle 12").contains("Room 12").contains("10 h 20").contains("pièce d'identité")
        .contains("identity document").contains("Préfecture de Val-de-Demo")
        .contains("&lt;script&gt;").doesNotContain("<script>alert")
        // One format each: "10 h 40" in French, "10:40" in English; never ISO, never "10:40 AM".
        .contains("10:40").doesNotContain("10:40 AM").doesNotContain("2026-03-30");
    assertThat(server.client.get("/convocations/999999").putHeader("Cookie", cookie).send().await().statusCode())
        .isEqualTo(404);
  }

}
