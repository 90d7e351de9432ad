package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page of every layout of every screen, in both orientations and both language modes, drawn by Chromium at
 * 1920×1080, 1366×768 and 1080×1920, with the demo site and with a stress site (12 services, long notices, a moved
 * service, 10 calls). Fails when a text is clipped or outside the viewport, when fewer items are shown across the
 * pages than there are, when a text is drawn under the 5-metre size or when a view holds too many words.
 */
@ExtendWith(VertxExtension.class)
class ScreenLayoutBrowserTest {
  static final Instant NOW = Instant.parse("2026-03-30T09:00:00Z");
  static final List<String> LAYOUTS = List.of("calls", "wayfinding", "notices", "access", "transparency", "affluence",
      "charter");
  static final Path SHOTS = Path.of("target/screen-layouts");
  static final String MEASURE;

  static {
    try {
      MEASURE = Files.readString(Path.of("src/test/resources/screen-measure.js"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir
  Path dir;

  record Viewport(String orientation, int width, int height) {}

  static final List<Viewport> VIEWPORTS = List.of(new Viewport("landscape", 1920, 1080),
      new Viewport("landscape", 1366, 768), new Viewport("portrait", 1080, 1920));

  @Test
  void the_demo_screens_show_every_item_readable_from_5_metres_on_every_page(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, NOW, "--demo");
        Browser browser = Browser.open()) {
      moveAndCall(server, "etrangers", "titres", 3);
      // The demo's weeks of history give the busy hours: the affluence layout has a grid to show.
      JsonObject affluence = server.get(null, "/api/public/affluence").bodyAsJsonObject();
      assertThat(affluence.getValue("thresholds")).as(affluence.encode()).isNotNull();
      List<String> failures = new ArrayList<>();
      for (Object o : server.get("manager", "/api/screens").bodyAsJsonArray()) {
        check(server, browser, (JsonObject) o, failures);
      }
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void a_stress_site_with_12_services_and_long_notices_is_paginated_never_clipped(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NOW, Path.of("src/test/resources/stress-site.yaml"));
        Browser browser = Browser.open()) {
      String sentence = "Les dossiers incomplets ne peuvent pas être instruits le jour même ; apportez l'original "
          + "et une copie de chaque pièce justificative demandée sur la convocation. ";
      String english = "Incomplete files cannot be processed on the same day; bring the original and a copy of "
          + "every supporting document listed on your convocation. ";
      for (int i = 0; i < 3; i++) {
        assertThat(server.post("manager", "/api/notices", new JsonObject().put("fr", upTo500(sentence.repeat(3), i))
            .put("en", upTo500(english.repeat(3), i)).put("to", "2026-03-30T18:00")
            .put("priority", i == 0 ? "high" : "normal"))
            .statusCode()).isEqualTo(201);
      }
      moveAndCall(server, "s03", "s01", 10);
      List<String> failures = new ArrayList<>();
      JsonObject hall = server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(0);
      check(server, browser, hall, failures);
      assertThat(failures).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void an_alert_takes_the_whole_screen_with_text_as_large_as_fits(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, NOW);
        Browser browser = Browser.open()) {
      assertThat(server.post("manager", "/api/alerts", new JsonObject().put("fr", "Évacuez le bâtiment")
          .put("en", "Leave the building")).statusCode()).isEqualTo(201);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      List<String> failures = new ArrayList<>();
      for (Viewport viewport : VIEWPORTS) {
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
            viewport.width(), "height", viewport.height(), "deviceScaleFactor", 1, "mobile", false));
        browser.get(server.baseUrl() + "/screens/hall-a-entree?layout=wayfinding&page=0&orientation="
            + viewport.orientation());
        browser.waiting(Duration.ofSeconds(10))
            .until(d -> "true".equals(js.executeScript("return document.body.dataset.ready;")));
        Map<String, Object> m = (Map<String, Object>) js.executeScript(MEASURE);
        ((List<Object>) m.get("problems")).forEach(p -> failures.add(viewport + ": " + p));
        double message = ((Number) js.executeScript("return parseFloat(getComputedStyle("
            + "document.querySelector('.alert-message')).fontSize);")).doubleValue();
        double filled = ((Number) js.executeScript("const a = document.querySelector('.alert');"
            + "const kids = [...a.children].map(k => k.getBoundingClientRect());"
            + "return (kids[kids.length - 1].bottom - kids[0].top) / a.clientHeight;")).doubleValue();
        int shortSide = Math.min(viewport.width(), viewport.height());
        assertThat(message).as(viewport + " message size").isGreaterThan(2 * 48.0 * shortSide / 1080);
        assertThat(filled).as(viewport + " share of the screen's height used").isGreaterThan(0.6);
        Path shot = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SHOTS);
        Files.copy(shot, SHOTS.resolve("alert-" + viewport.width() + "x" + viewport.height() + ".png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(failures).isEmpty();
    }
  }

  /** The longest notice a manager may write (500 characters), then shorter ones. */
  static String upTo500(String text, int shorter) {
    String cut = text.substring(0, Math.min(text.length(), 500 - 150 * shorter));
    return cut.substring(0, cut.lastIndexOf(' ')).strip();
  }

  /** A service moved to the place {@code salle-3} and {@code calls} called tickets of {@code calledService}. */
  static void moveAndCall(TestServer server, String moved, String calledService, int calls) {
    assertThat(server.as("manager", HttpMethod.PUT, "/api/service-states/" + moved, new JsonObject()
        .put("status", "moved").put("movedTo", "salle-3")).statusCode()).isEqualTo(200);
    JsonArray counters = server.get("agent", "/api/services").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals(calledService)).findFirst().orElseThrow().getJsonArray("counters");
    for (int i = 0; i < calls; i++) {
      assertThat(server.post("agent", "/api/queues/" + calledService + "/tickets", new JsonObject()).statusCode())
          .isEqualTo(201);
      var called = server.post("agent", "/api/counters/" + counters.getString(i % counters.size()) + "/call", null);
      assertThat(called.statusCode()).isEqualTo(200);
      if (i + counters.size() < calls) { // the counter calls again: this visitor has been served
        assertThat(server.post("agent", "/api/tickets/" + called.bodyAsJsonObject().getValue("id") + "/served", null)
            .statusCode()).isEqualTo(200);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static void check(TestServer server, Browser browser, JsonObject screen, List<String> failures) throws Exception {
    Files.createDirectories(SHOTS);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    String id = screen.getString("id");
    int services = screen.getJsonObject("directions").size();
    for (Viewport viewport : VIEWPORTS) {
      ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
          viewport.width(), "height", viewport.height(), "deviceScaleFactor", 1, "mobile", false));
      for (String mode : List.of("side-by-side", "alternate")) {
        for (String layout : LAYOUTS) {
          Set<String> shown = new LinkedHashSet<>();
          long total = -1;
          int pages = 1;
          for (int page = 0; page < pages; page++) {
            for (String lang : mode.equals("alternate") ? List.of("fr", "en") : List.of("fr")) {
              String what = id + " " + viewport.width() + "×" + viewport.height() + " " + mode + " " + layout
                  + " page " + page + " " + lang;
              browser.get(server.baseUrl() + "/screens/" + id + "?layout=" + layout + "&page=" + page + "&lang="
                  + lang + "&orientation=" + viewport.orientation() + "&languages=" + mode);
              browser.waiting(Duration.ofSeconds(10))
                  .until(d -> "true".equals(js.executeScript("return document.body.dataset.ready;")));
              Map<String, Object> m = (Map<String, Object>) js.executeScript(MEASURE);
              pages = ((Number) m.get("pages")).intValue();
              total = ((Number) m.get("units")).longValue();
              shown.addAll((List<String>) m.get("shown"));
              for (Object problem : (List<Object>) m.get("problems")) {
                failures.add(what + ": " + problem);
              }
              if (page == 0 && lang.equals("fr")) {
                Path shot = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SHOTS.resolve(id + "-" + viewport.width() + "x" + viewport.height() + "-" + mode
                    + "-" + layout + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
              }
            }
          }
          String what = id + " " + viewport.width() + "×" + viewport.height() + " " + mode + " " + layout;
          long expected = layout.equals("wayfinding") ? services : total;
          if (shown.size() < expected || shown.size() < total) {
            failures.add(what + ": " + shown.size() + " items shown over " + pages + " pages, of " + expected);
          }
        }
      }
    }
  }
}
