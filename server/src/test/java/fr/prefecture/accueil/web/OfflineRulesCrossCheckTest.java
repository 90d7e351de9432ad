package fr.prefecture.accueil.web;

import fr.prefecture.accueil.kiosk.admission.AdmissionPolicy;
import fr.prefecture.accueil.kiosk.admission.AdmissionRules;
import fr.prefecture.accueil.kiosk.admission.Direction;
import fr.prefecture.accueil.kiosk.admission.Verdict;
import fr.prefecture.accueil.kiosk.admission.Visit;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * One table of cases through the Java rules and codec and through their JavaScript port in the browser; one server and
 * one browser for both tests, each with its own guard.
 */
class OfflineRulesCrossCheckTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NOW);
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();

  final TestServer server = SERVER.get();

  record Case(String name, ConvocationKind kind, Instant start, Instant end, boolean cancelled, boolean inside,
      boolean admittedToday, Direction direction, Instant now) {}

  static List<Case> cases() {
    Instant start = Instant.parse("2026-03-30T07:10:00Z");
    Instant end = start.plus(Duration.ofMinutes(20));
    ConvocationKind a = ConvocationKind.APPOINTMENT;
    ConvocationKind i = ConvocationKind.INVITATION;
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("on time", a, start, end, false, false, false, Direction.IN, start.minusSeconds(60)));
    cases.add(
        new Case("20 min early exactly", a, start, end, false, false, false, Direction.IN, start.minusSeconds(1200)));
    cases.add(new Case("21 min early", a, start, end, false, false, false, Direction.IN, start.minusSeconds(1260)));
    cases.add(
        new Case("30 min late exactly", a, start, end, false, false, false, Direction.IN, start.plusSeconds(1800)));
    cases.add(new Case("31 min late", a, start, end, false, false, false, Direction.IN, start.plusSeconds(1860)));
    cases
        .add(new Case("day before", a, start, end, false, false, false, Direction.IN, start.minus(Duration.ofDays(1))));
    cases.add(new Case("day after", a, start, end, false, false, false, Direction.IN, start.plus(Duration.ofDays(1))));
    cases.add(
        new Case("1st of the month", a, Instant.parse("2026-04-01T08:00:00Z"), Instant.parse("2026-04-01T08:20:00Z"),
            false, false, false, Direction.IN, start));
    cases.add(new Case("cancelled", a, start, end, true, false, false, Direction.IN, start));
    cases.add(new Case("already inside", a, start, end, false, true, true, Direction.IN, start));
    cases.add(new Case("comes back", a, start, end, false, false, true, Direction.IN, start.plus(Duration.ofHours(3))));
    cases.add(new Case("exit", a, start, end, false, true, true, Direction.OUT, start.plus(Duration.ofHours(1))));
    cases.add(new Case("exit without entry", a, start, end, true, false, false, Direction.OUT, start));
    cases.add(new Case("second exit (already out)", a, start, end, false, false, true, Direction.OUT,
        start.plus(Duration.ofHours(2))));
    cases.add(new Case("exit without entry, too early for an entry", a, start, end, false, false, false,
        Direction.OUT, start.minus(Duration.ofHours(2))));
    cases.add(new Case("meeting guest leaves without a recorded entry", i, start, end, false, false, false,
        Direction.OUT, end.plusSeconds(600)));
    cases.add(new Case("00:10 scanned at 23:55 the evening before", a, Instant.parse("2026-03-30T22:10:00Z"),
        Instant.parse("2026-03-30T22:30:00Z"), false, false, false, Direction.IN,
        Instant.parse("2026-03-30T21:55:00Z")));
    cases.add(new Case("DST night", a, Instant.parse("2026-03-29T01:50:00Z"), Instant.parse("2026-03-29T02:10:00Z"),
        false, false, false, Direction.IN, Instant.parse("2026-03-29T01:25:00Z")));
    cases.add(new Case("meeting over midnight", i, Instant.parse("2026-03-30T20:00:00Z"),
        Instant.parse("2026-03-30T23:30:00Z"), false, false, false, Direction.IN,
        Instant.parse("2026-03-30T22:30:00Z")));
    cases.add(new Case("meeting ended", i, start, end, false, false, false, Direction.IN, end.plusSeconds(60)));
    cases.add(new Case("meeting early", i, start, end, false, false, false, Direction.IN, start.minusSeconds(3600)));
    return cases;
  }

  @Test
  void the_javascript_rules_give_the_java_verdicts_and_texts() {
    Browser browser = BROWSER.get();
    JsonObject messages = server.get("guard", "/api/kiosk/offline-pack").bodyAsJsonObject().getJsonObject("messages");
    String password = server.createUser("garde", "guard");
    browser.login(server.baseUrl(), "garde", password, "/kiosk");
    browser.waitForText(By.id("pack-status"), "à jour de");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    AdmissionPolicy policy = AdmissionPolicy.DEFAULT;
    SoftAssertions soft = new SoftAssertions();
    for (Case c : cases()) {
      Verdict java = new AdmissionRules(Clock.fixed(c.now(), PARIS), PARIS).decide(new Visit(c.kind(), c.start(),
          c.end(), c.cancelled(), c.inside(), c.admittedToday(), policy), c.direction());
      JsonObject visit = new JsonObject()
          .put("kind", c.kind() == ConvocationKind.APPOINTMENT ? "appointment" : "invitation")
          .put("start", c.start().toEpochMilli()).put("end", c.end().toEpochMilli()).put("cancelled", c.cancelled())
          .put("inside", c.inside()).put("admittedToday", c.admittedToday())
          .put("earlyMinutes", policy.earlyWindow().toMinutes()).put("graceMinutes", policy.lateGrace().toMinutes());
      String result = (String) js.executeScript(
          """
              const O = window.AccueilOffline;
              const v = O.decide(JSON.parse(arguments[0]), arguments[1], arguments[2], 'Europe/Paris');
              const m = O.message(JSON.parse(arguments[3]), v.key, v.when, 'Europe/Paris');
              return JSON.stringify({decision: v.decision, reason: v.reason, admitFrom: v.admitFrom, fr: m.fr, en: m.en});""",
          visit.encode(), c.direction() == Direction.IN ? "in" : "out", c.now().toEpochMilli(), messages.encode());
      JsonObject got = new JsonObject(result);
      soft.assertThat(got.getString("decision")).as(c.name()).isEqualTo(java.decision());
      soft.assertThat(got.getString("reason")).as(c.name()).isEqualTo(java.reason().code());
      soft.assertThat(got.getLong("admitFrom")).as(c.name())
          .isEqualTo(java.admitFrom() == null ? null : java.admitFrom().toEpochMilli());
      soft.assertThat(got.getString("fr")).as(c.name()).isEqualTo(java.message().fr());
      soft.assertThat(got.getString("en")).as(c.name()).isEqualTo(java.message().en());
    }
    soft.assertAll();
  }

  @Test
  void the_javascript_codec_reads_codes_as_the_server_does() {
    Browser browser = BROWSER.get();
    long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", "2026-03-30T09:10").put("visitor", new JsonObject().put("name", "Amina Benali")))
        .bodyAsJsonObject().getLong("id");
    JsonObject convocation = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject();
    String code = convocation.getString("code");
    char last = code.charAt(code.length() - 5);
    String tampered = code.substring(0, code.length() - 5) + (last == 'A' ? 'B' : 'A')
        + code.substring(code.length() - 4);
    String otherId = code.substring(0, 4) + (code.charAt(4) == '0' ? '1' : '0') + code.substring(5);
    List<String> texts = List.of(code, code.toLowerCase() + "\r\n", tampered, otherId, code.substring(0, 40), "",
        "HELLO", code + "A", "ÉÉÉ", "0".repeat(450));
    String password = server.createUser("garde-codec", "guard");
    browser.login(server.baseUrl(), "garde-codec", password, "/kiosk");
    browser.waitForText(By.id("pack-status"), "à jour de");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    JsonArray keys = server.get("guard", "/api/kiosk/offline-pack").bodyAsJsonObject().getJsonArray("keys");
    SoftAssertions soft = new SoftAssertions();
    int n = 0;
    for (String text : texts) {
      String jsReason = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const O = window.AccueilOffline;
          O.importKeys(JSON.parse(arguments[0])).then((keys) => O.verify(arguments[1], keys))
            .then((r) => done(r.ok ? 'ok:' + r.convocation.kind + ':' + r.convocation.id : r.reason))
            .catch((e) => done('error ' + e));""", keys.encode(), text);
      if (text.isEmpty()) {
        soft.assertThat(jsReason).as("empty text").isEqualTo("malformed");
        continue;
      }
      JsonObject server1 = server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", text)
          .put("gate", "guerite-nord").put("direction", "out").put("scanId", "x-" + n++)).bodyAsJsonObject();
      String expected = server1.containsKey("convocation")
          ? "ok:" + server1.getJsonObject("convocation").getString("kind") + ":"
              + server1.getJsonObject("convocation").getLong("id")
          : server1.getString("reason");
      soft.assertThat(jsReason).as("text " + text.substring(0, Math.min(20, text.length()))).isEqualTo(expected);
    }
    soft.assertThat(js.executeScript("return window.AccueilOffline.normalizeManualCode(arguments[0])",
        convocation.getString("manualCode").toLowerCase().replace("-", " ")))
        .isEqualTo(convocation.getString("manualCode"));
    soft.assertAll();
  }
}
