package fr.prefecture.accueil.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * /operations in Chromium: a row updates within a second of an admission at the gate and of a call; a wait over its
 * threshold is written in the row and raises a notice on another manager page, which stays hidden once hidden;
 * axe-core clean, 1366 and 390 px wide.
 */
class OperationsPageTest {
  /** Monday 30 March 2026, 09:00 in Paris. */
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NINE);
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();

  /** Records in the page the first moment (Date.now()) the cell reads the text. */
  private static final String WATCH = """
      const [service, field, expected, key] = arguments;
      window[key] = null;
      const check = () => {
        const cell = document.querySelector(`tr[data-service="${service}"] td[data-field="${field}"]`);
        if (window[key] === null && cell && cell.textContent === expected) {
          window[key] = Date.now();
        }
      };
      new MutationObserver(check).observe(document.getElementById('services'),
        { subtree: true, childList: true, characterData: true });
      check();""";

  static void watch(Browser browser, String service, String field, String expected, String key) {
    ((JavascriptExecutor) browser.driver).executeScript(WATCH, service, field, expected, key);
  }

  /** How long after {@code start} (epoch ms) the watched cell read its text; fails if it never does. */
  static Duration seenAfter(Browser browser, String key, long start) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    browser.waiting(Duration.ofSeconds(10)).until(d -> js.executeScript("return window[arguments[0]];", key) != null);
    long at = ((Number) js.executeScript("return window[arguments[0]];", key)).longValue();
    return Duration.ofMillis(at - start);
  }

  static String cell(Browser browser, String service, String field) {
    return browser.driver.findElement(By.cssSelector("tr[data-service='" + service + "'] td[data-field='" + field
        + "']")).getText();
  }

  long book(String service, String start, String name) {
    HttpResponse<Buffer> r = SERVER.get().post("manager", "/api/appointments", new JsonObject().put("service", service)
        .put("start", start).put("visitor", new JsonObject().put("name", name)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getLong("id");
  }

  @Test
  void a_row_updates_within_a_second_of_an_admission_at_the_gate_and_of_a_call() {
    TestServer server = SERVER.get();
    String password = server.createUser("chef.salle", "manager");
    long id = book("vehicules", "2026-03-30T09:10", "Ada Lovelace");
    String code = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
        .getString("code");
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "chef.salle", password, "/operations");
    browser.waitForText(By.cssSelector("tr[data-service='vehicules'] td[data-field='waiting']"), "0");

    watch(browser, "vehicules", "waiting", "1", "admitted");
    long before = System.currentTimeMillis();
    HttpResponse<Buffer> scan = server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", code)
        .put("gate", "guerite-nord").put("direction", "in").put("scanId", UUID.randomUUID().toString()));
    assertThat(scan.bodyAsJsonObject().getString("decision")).as(scan.bodyAsString()).isEqualTo("admit");
    assertThat(seenAfter(browser, "admitted", before)).isLessThan(Duration.ofSeconds(1));

    watch(browser, "vehicules", "callsLastHour", "1", "called");
    long call = System.currentTimeMillis();
    assertThat(server.post("agent", "/api/counters/V1/call", null).statusCode()).isEqualTo(200);
    assertThat(seenAfter(browser, "called", call)).isLessThan(Duration.ofSeconds(1));
    browser.waitForText(By.cssSelector("tr[data-service='vehicules'] td[data-field='busy']"), "1");
    assertThat(cell(browser, "vehicules", "waiting")).isEqualTo("0");
    assertThat(cell(browser, "vehicules", "open")).isEqualTo("1 sur 2");
    assertThat(browser.driver.findElement(By.id("updated")).getText()).startsWith("En direct — mis à jour à");
  }

  @Test
  void a_wait_over_its_threshold_is_written_in_the_row_and_noticed_on_another_manager_page() throws Exception {
    TestServer server = SERVER.get();
    // a visitor of 08:00 admitted at 08:05, not called: at 09:00 they have waited 55 min (titres: 45 at most)
    long id = book("titres", "2026-03-30T08:00", "Grace Hopper");
    Pool db = Database.open(server.vertx, server.dataDir.resolve("accueil.db"));
    try {
      db.preparedQuery("UPDATE appointments SET arrived_at = ? WHERE id = ?")
          .execute(Tuple.of(Instant.parse("2026-03-30T06:05:00Z").toEpochMilli(), id)).await();
    } finally {
      db.close().await();
    }
    Browser browser = BROWSER.get();
    browser.driver.manage().window().setSize(new Dimension(1366, 768));
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/dashboard");

    WebElement notice = browser.waiting(Duration.ofSeconds(10))
        .until(d -> d.findElements(By.id("operations-notice")).stream().filter(WebElement::isDisplayed).findFirst()
            .orElse(null));
    assertThat(notice.getText()).containsPattern(
        "Attente de 5[5-7] min au service Titres d'identité \\(carte d'identité, passeport\\) \\(seuil 45 min\\)");
    assertThat(notice.findElement(By.linkText("Voir la vue d’ensemble du hall")).getAttribute("href"))
        .endsWith("/operations");
    assertThat(browser.driver.findElement(By.cssSelector("p[aria-live='polite'].visually-hidden")).getAttribute(
        "textContent")).contains("au service Titres d'identité");
    browser.settle();
    assertThat(browser.accessibilityViolations()).isEmpty();

    notice.findElement(By.tagName("button")).click();
    assertThat(notice.isDisplayed()).isFalse();

    browser.get(server.baseUrl() + "/operations");
    browser.waiting(Duration.ofSeconds(10)).until(d -> cell(browser, "titres", "state").startsWith("Seuil"));
    assertThat(cell(browser, "titres", "state")).matches("Seuil dépassé : attente 5[5-7] min > 45 min");
    assertThat(browser.driver.findElement(By.cssSelector("tr[data-service='titres']")).getAttribute("class"))
        .contains("crossed");
    browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("html"))
        .getAttribute("data-operations-state") != null);
    assertThat(browser.driver.findElements(By.id("operations-notice")).stream().filter(WebElement::isDisplayed))
        .as("hidden on the dashboard, the notice stays hidden on the tab's next page").isEmpty();
    assertThat(cell(browser, "vehicules", "state")).isEqualTo("Aucun seuil");
    assertThat(cell(browser, "pan", "panPlacesLeft")).isEqualTo("42");
    browser.settle();
    assertThat(browser.accessibilityViolations()).isEmpty();
    assertThat(overflow(browser)).as("horizontal overflow at 1366 px").isLessThanOrEqualTo(0);

    browser.driver.manage().window().setSize(new Dimension(390, 844));
    browser.settle();
    assertThat(overflow(browser)).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  static long overflow(Browser browser) {
    return ((Number) ((JavascriptExecutor) browser.driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
  }
}
