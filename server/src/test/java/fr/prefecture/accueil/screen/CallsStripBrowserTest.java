package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A real screen in Chromium: a call stays on the calls strip for a minute while the slides' pages rotate, the banner
 * takes over for at least 10 s, and an alert hides the strip until it ends.
 */
class CallsStripBrowserTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withOpenScreens(Instant.parse("2026-03-30T08:00:00Z"));
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();

  private static final String SAMPLE = """
      const strip = document.getElementById('calls-strip');
      const slide = [...document.querySelectorAll('#content .slide')].find((s) => !s.hidden);
      const banner = document.getElementById('call-banner');
      return {
        strip: strip && strip.checkVisibility() ? strip.innerText : '',
        showing: (slide ? slide.dataset.layout : '-') + ' ' + document.body.dataset.page,
        banner: banner.checkVisibility() ? banner.innerText : '',
      };""";

  @Test
  @SuppressWarnings("unchecked")
  void a_call_stays_on_the_strip_for_a_minute_while_pages_rotate_and_an_alert_hides_it_until_it_ends()
      throws Exception {
    TestServer server = SERVER.get();
    // a short rotation: three slides of 5 s (each page then stays its reading time, at least 8 s)
    JsonArray playlist = new JsonArray();
    for (String layout : List.of("transparency", "access", "charter")) {
      playlist.add(new JsonObject().put("layout", layout).put("seconds", 5));
    }
    assertThat(server.as("manager", HttpMethod.PUT, "/api/screens/hall-a-appels/playlist",
        new JsonObject().put("playlist", playlist)).statusCode()).isEqualTo(200);
    Browser browser = BROWSER.get();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    browser.get(server.baseUrl() + "/screens/hall-a-appels");
    browser.waiting(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
        "return document.querySelector('.offline-mark').hidden && !!document.getElementById('calls-strip');")));

    JsonObject ticket = server.post("agent", "/api/queues/titres/tickets", new JsonObject()).bodyAsJsonObject();
    String number = ticket.getString("ticket");
    assertThat(server.post("agent", "/api/counters/T2/call/" + ticket.getLong("id"), null).statusCode())
        .isEqualTo(200);
    long calledAt = System.nanoTime();
    browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(
        ((Map<String, Object>) js.executeScript(SAMPLE)).get("strip")).contains(number));

    List<String> missing = new ArrayList<>();
    Set<String> showings = new LinkedHashSet<>();
    boolean bannerEarly = true;
    for (int i = 0; i < 30; i++) {
      Map<String, Object> sample = (Map<String, Object>) js.executeScript(SAMPLE);
      double seconds = (System.nanoTime() - calledAt) / 1e9;
      String strip = String.valueOf(sample.get("strip"));
      if (!strip.contains(number) || !strip.contains("Guichet T2")) {
        missing.add(String.format("%.1f s: '%s'", seconds, strip));
      }
      if (seconds < 9.5 && !String.valueOf(sample.get("banner")).contains(number)) {
        bannerEarly = false;
      }
      showings.add(String.valueOf(sample.get("showing")));
      Thread.sleep(2000);
    }
    assertThat(missing).as("samples without the call on the strip").isEmpty();
    assertThat(bannerEarly).as("the banner took over for the first 10 s").isTrue();
    assertThat(showings).as("pages rotated meanwhile").hasSizeGreaterThanOrEqualTo(3);

    long alert = server.post("manager", "/api/alerts", new JsonObject().put("fr", "Évacuez le hall")
        .put("en", "Leave the hall")).bodyAsJsonObject().getLong("id");
    browser.waiting(Duration.ofSeconds(10)).until(d -> "".equals(
        ((Map<String, Object>) js.executeScript(SAMPLE)).get("strip")));
    assertThat(server.as("manager", HttpMethod.DELETE, "/api/alerts/" + alert, null).statusCode()).isEqualTo(200);
    browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(
        ((Map<String, Object>) js.executeScript(SAMPLE)).get("strip")).contains(number));
    assertThat(server.post("agent", "/api/tickets/" + ticket.getLong("id") + "/served", null).statusCode())
        .isEqualTo(200);
    browser.waiting(Duration.ofSeconds(10)).until(d -> !String.valueOf(
        ((Map<String, Object>) js.executeScript(SAMPLE)).get("strip")).contains(number));
  }
}
