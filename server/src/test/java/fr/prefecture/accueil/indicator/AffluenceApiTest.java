package fr.prefecture.accueil.indicator;

import static fr.prefecture.accueil.indicator.AffluenceGridTest.cells;
import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The published busy hours over HTTP, from gate scans written as the gate writes them: the grid exact against a
 * hand-computed fortnight, open to anyone, cacheable, and without anything of the visitors whose scans it counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AffluenceApiTest {
  /** Wednesday 1 April 2026, 10:00 in Paris: the window is 4 February to Tuesday 31 March. */
  static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
  static final List<String> VISITORS = List.of("Zoé Martin-Lefebvre", "Ngozi Okonkwo-Adébáyọ̀", "Ilyès Benhaddou");
  static final Set<String> FIELDS = Set.of("site", "fr", "en", "computedAt", "weeks", "from", "to", "openingHours",
      "days", "opens", "closes", "levels", "code", "thresholds", "quiet", "busy", "weekday", "hours", "hour",
      "average", "level", "bands", "band", "services", "name");

  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();

  Vertx vertx;
  TestServer server;
  Pool db;
  long scans;
  List<Long> appointments = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, dir, NOW);
    db = Database.open(vertx, dir.resolve("accueil.db"));
    for (int i = 0; i < VISITORS.size(); i++) {
      HttpResponse<Buffer> r = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
          .put("start", "2026-04-02T09:00").put("reference", "REF-SECRET-" + i)
          .put("visitor", new JsonObject().put("name", VISITORS.get(i)).put("email", "visiteur" + i + "@exemple.fr")));
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
      appointments.add(r.bodyAsJsonObject().getLong("id"));
    }
    // Monday 23 March (UTC+1) and Monday 30 March (UTC+2): 2 open Mondays.
    admit("2026-03-23T08:40:00+01:00", "etrangers", 0);
    admit("2026-03-23T09:05:00+01:00", "etrangers", 2); // companions are not entries of their own
    admit("2026-03-23T09:40:00+01:00", "etrangers", 0);
    admit("2026-03-23T09:55:00+01:00", "titres", 0);
    admit("2026-03-23T10:10:00+01:00", "pan", 0);
    scan("2026-03-23T09:20:00+01:00", "in", "refuse", "too_early", "etrangers");
    scan("2026-03-23T11:00:00+01:00", "out", "admit", "ok", "etrangers");
    admit("2026-03-30T09:30:00+02:00", "etrangers", 0);
    admit("2026-03-30T09:31:00+02:00", "etrangers", 0);
    admit("2026-03-30T15:00:00+02:00", "titres", 0);
    // Tuesday 24: 2 at 14:xx. Tuesday 3 February is the day before the window, 1 April is today: neither counts.
    admit("2026-03-24T14:30:00+01:00", "titres", 0);
    admit("2026-03-24T14:45:00+01:00", "titres", 0);
    admit("2026-02-03T09:00:00+01:00", "titres", 0);
    admit("2026-04-01T09:30:00+02:00", "titres", 0);
    // Wednesday 25: one at 9, one at 11 without a service (an invitation: the site counts it, no service does).
    admit("2026-03-25T09:15:00+01:00", "etrangers", 0);
    admit("2026-03-25T11:05:00+01:00", null, 0);
    // Thursday 26: a refusal only, so not an open day. Friday 27: 16:10, and 07:50 before the opening.
    scan("2026-03-26T10:00:00+01:00", "in", "refuse", "wrong_day", "titres");
    admit("2026-03-27T16:10:00+01:00", "pan", 0);
    admit("2026-03-27T07:50:00+01:00", "pan", 0);
    server.verticle.indicators().refreshAffluence().await();
  }

  @AfterAll
  void stop() {
    db.close().await();
    server.close();
    vertx.close().await();
  }

  void admit(String at, String service, int companions) {
    long id = appointments.get((int) (scans % appointments.size()));
    String name = VISITORS.get((int) (scans % VISITORS.size()));
    insert(at, "in", "admit", "ok", service, companions, id, name);
  }

  void scan(String at, String direction, String decision, String reason, String service) {
    insert(at, direction, decision, reason, service, 0, appointments.get(0), VISITORS.get(0));
  }

  void insert(String at, String direction, String decision, String reason, String service, int companions,
      long appointment, String name) {
    OffsetDateTime t = OffsetDateTime.parse(at);
    db.preparedQuery("INSERT INTO scans (scan_id, gate, direction, at, local_date, decision, reason, kind, "
        + "convocation_id, service, response, companions) VALUES (?, 'guerite-nord', ?, ?, ?, ?, ?, 'appointment', ?, "
        + "?, ?, ?)").execute(Tuple.from(
            List.of("scan-" + (++scans), direction, t.toInstant().toEpochMilli(),
                t.toLocalDate().toString(), decision, reason, appointment, service == null ? "" : service,
                new JsonObject().put("visitor", new JsonObject().put("name", name)).encode(), companions)))
        .await();
    if (service == null) {
      db.preparedQuery("UPDATE scans SET service = NULL WHERE scan_id = ?").execute(Tuple.of("scan-" + scans))
          .await();
    }
  }

  JsonObject published() {
    HttpResponse<Buffer> r = server.client.get("/api/public/affluence").send().await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static JsonObject day(JsonObject grid, int weekday) {
    return grid.getJsonArray("days").stream().map(JsonObject.class::cast)
        .filter(d -> d.getInteger("weekday") == weekday).findFirst().orElseThrow();
  }

  @Test
  void the_site_s_grid_is_the_entries_per_open_day_of_each_weekday_and_hour_computed_by_hand() {
    JsonObject json = published();
    assertThat(json.getString("from")).isEqualTo("2026-02-04");
    assertThat(json.getString("to")).isEqualTo("2026-03-31");
    assertThat(json.getInteger("weeks")).isEqualTo(8);
    assertThat(json.getJsonArray("days").stream().map(d -> ((JsonObject) d).getInteger("weekday")).toList())
        .containsExactly(1, 2, 3, 4, 5);
    // Hours 8 to 16 (08:30-16:30). Monday: 2 open days; Tuesday, Wednesday, Friday 1; Thursday none.
    assertThat(cells(day(json, 1), "hours", "average")).containsExactly(0.5, 2.5, 0.5, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0);
    assertThat(cells(day(json, 2), "hours", "average")).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0);
    assertThat(cells(day(json, 3), "hours", "average")).containsExactly(0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    assertThat(cells(day(json, 4), "hours", "average")).containsOnlyNulls().hasSize(9);
    assertThat(cells(day(json, 5), "hours", "average")).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    // 36 measured slots, 28 of them 0: both terciles are 0, so an hour with anyone is very busy.
    assertThat(json.getJsonObject("thresholds")).isEqualTo(new JsonObject().put("quiet", 0.0).put("busy", 0.0));
    assertThat(cells(day(json, 1), "hours", "level")).containsExactly("very-busy", "very-busy", "very-busy", "quiet",
        "quiet", "quiet", "quiet", "very-busy", "quiet");
    // Monday's bands: morning 8-11 (0.5+2.5+0.5+0)/4 = 0.9, midday 0, afternoon 14-16 (0+0.5+0)/3 = 0.2.
    assertThat(cells(day(json, 1), "bands", "average")).containsExactly(0.9, 0.0, 0.2);
    JsonObject etrangers = service(json, "etrangers");
    assertThat(cells(day(etrangers, 1), "hours", "average")).startsWith(0.5, 2.0, 0.0);
    assertThat(cells(day(etrangers, 3), "hours", "average")).startsWith(0.0, 1.0, 0.0, 0.0);
    assertThat(cells(day(service(json, "titres"), 1), "hours", "average"))
        .containsExactly(0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0);
    assertThat(cells(day(service(json, "pan"), 5), "hours", "average")).endsWith(1.0);
    assertThat(service(json, "pan").getJsonObject("name").getString("fr")).isNotBlank();
  }

  static JsonObject service(JsonObject json, String code) {
    return json.getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
  }

  @Test
  void the_route_is_open_cacheable_for_an_hour_and_reveals_nothing_of_the_visitors() {
    HttpResponse<Buffer> r = server.client.get("/api/public/affluence").send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Cache-Control")).isEqualTo("public, max-age=3600");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    Set<String> fields = new TreeSet<>();
    List<String> values = new ArrayList<>();
    walk(r.bodyAsJsonObject(), fields, values);
    assertThat(fields).isSubsetOf(FIELDS);
    List<String> secrets = new ArrayList<>(List.of("REF-SECRET", "@exemple.fr", "guerite-nord", "scan-"));
    VISITORS.forEach(v -> secrets.addAll(List.of(v.split("[ -]"))));
    for (String value : values) {
      for (String secret : secrets) {
        assertThat(value.toLowerCase()).as(value).doesNotContain(secret.toLowerCase());
      }
    }
    String page = server.client.get("/affluence").send().await().bodyAsString();
    for (String secret : secrets) {
      assertThat(page.toLowerCase()).doesNotContain(secret.toLowerCase());
    }
    assertThat(page).contains("Quand venir ?", "When to come", "très fréquenté", "very busy");
  }

  static void walk(Object node, Set<String> fields, List<String> values) {
    if (node instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        fields.add(e.getKey());
        walk(e.getValue(), fields, values);
      }
    } else if (node instanceof JsonArray a) {
      a.forEach(v -> walk(v, fields, values));
    } else if (node != null) {
      values.add(node.toString());
    }
  }

  @Test
  void the_public_page_says_each_level_in_words_passes_axe_and_fits_390_and_1366_pixels() throws Exception {
    Browser browser = BROWSER.get();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    for (int width : new int[]{390, 1366}) {
      ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
      browser.get(server.baseUrl() + "/affluence");
      browser.settle();
      assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
          .as("page width at " + width).isLessThanOrEqualTo(width);
      assertThat(((Number) js.executeScript("""
          const boxes = [...document.querySelectorAll('.affluence-day')].filter((t) => t.checkVisibility())
            .map((t) => t.getBoundingClientRect())
            .filter((r) => r.width > 0);
          let overlaps = 0;
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
              overlaps++;
            }
          }));
          return overlaps;""")).intValue()).as("weekday tables drawn over one another at " + width).isZero();
      String monday = browser.driver.findElement(org.openqa.selenium.By.id("site-1")).getText();
      assertThat(monday).contains("Lundi", "Monday", "9 h – 10 h", "très fréquenté", "very busy",
          "2,5 entrées par heure", "calme");
      assertThat(browser.driver.findElement(org.openqa.selenium.By.id("site-4")).getText()).contains("Pas de mesure");
      assertThat(browser.accessibilityViolations()).as("axe at " + width).isEmpty();
      java.nio.file.Files.createDirectories(Path.of("target"));
      java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) browser.driver)
          .getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), Path.of("target/affluence-" + width + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }
}
