package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The guérite with a keyboard-wedge scanner, as a guard uses it: whatever control has focus, a scan (a code typed
 * in a few milliseconds, then Enter) lands in the code field and gives exactly one verdict for that code, and never
 * presses, toggles or changes the control; a person typing at human speed, or using the keyboard alone, keeps working.
 * One server and one browser for the class: every test books its own visitors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskScannerTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  static final String DAY = "2026-03-30";

  @TempDir
  static Path dir;

  private Vertx vertx;
  private TestServer server;
  private Browser browser;
  private final AtomicInteger visitors = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    // The verdict clears itself after 5 s here (20 s by default), so that the test can see it happen; a second
    // gate makes the kiosk show its gate list, a control a scan must not change.
    Path config = dir.resolve("site.yaml");
    Files.writeString(config, Files.readString(TestServer.CONFIG).replace(
        "  - { id: guerite-nord, zone: guerite,",
        "  - { id: guerite-sud, zone: guerite, verdictSeconds: 5, name: { fr: \"Guérite sud\", en: \"South gatehouse\" } }\n"
            + "  - { id: guerite-nord, zone: guerite, verdictSeconds: 5,"));
    server = TestServer.start(vertx, dir.resolve("data"), NINE, config);
    browser = Browser.open();
    browser.login(server.baseUrl(), "garde", server.createUser("garde", "guard"), "/kiosk");
    browser.waitForText(By.id("inside-count"), "0");
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    vertx.close();
  }

  @BeforeEach
  void entryMode() {
    find("label[for=mode-in]").click();
    if ("true".equals(find("#evacuation-toggle").getAttribute("aria-expanded"))) {
      find("#evacuation-toggle").click();
    }
    focus(find("#code"));
  }

  private record Visitor(long id, String name, String code) {}

  private Visitor book(String start) {
    String name = "Visiteur " + (char) ('A' + visitors.getAndIncrement()) + " Martin";
    long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", name))).bodyAsJsonObject().getLong("id");
    String code = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
        .getString("code");
    return new Visitor(id, name, code);
  }

  private JsonArray scans() {
    return server.get("manager", "/api/scans?date=" + DAY).bodyAsJsonArray();
  }

  private WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  private void focus(WebElement element) {
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus()", element);
  }

  /** A scanner: the whole code and Enter, a few milliseconds a key, into whatever has focus. */
  private void scan(String code) {
    browser.typeLikeAScanner(code);
  }

  /** After focusing a control: one scan gives exactly one recorded scan, for that visitor, and shows them. */
  private void oneVerdictFor(Visitor v, String control) {
    int before = scans().size();
    scan(v.code());
    browser.waitForText(By.id("verdict-name"), v.name());
    browser.waiting(Duration.ofSeconds(5)).until(d -> scans().size() > before);
    JsonArray after = scans();
    assertThat(after.size()).as("scans recorded after a scan with focus on " + control).isEqualTo(before + 1);
    JsonObject last = after.getJsonObject(after.size() - 1);
    assertThat(last.getLong("convocationId")).as(control).isEqualTo(v.id());
    assertThat(last.getBoolean("manual")).as(control).isFalse();
    assertThat(find("#verdict-word").getText()).as(control).isEqualTo("ADMIS");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as(control).isEqualTo("code");
  }

  @Test
  void a_scan_after_any_control_lands_in_the_code_field_and_never_acts_on_the_control() throws Exception {
    oneVerdictFor(book("2026-03-30T09:00"), "the code field");

    find("#scan-form button[type=submit]").click();
    oneVerdictFor(book("2026-03-30T09:01"), "Valider");

    find("#camera-toggle").click();
    oneVerdictFor(book("2026-03-30T09:02"), "Caméra");
    if ("true".equals(find("#camera-toggle").getAttribute("aria-pressed"))) {
      find("#camera-toggle").click();
    }

    find("label[for=mode-in]").click();
    oneVerdictFor(book("2026-03-30T09:03"), "the Entrée radio");
    assertThat(find("#mode-in").isSelected()).isTrue();

    find("#evacuation-toggle").click();
    assertThat(find("#evacuation-toggle").getAttribute("aria-expanded")).isEqualTo("true");
    oneVerdictFor(book("2026-03-30T09:04"), "the evacuation list button");
    assertThat(find("#evacuation-toggle").getAttribute("aria-expanded")).as("the list stays open").isEqualTo("true");

    focus(find("#evacuation-print"));
    oneVerdictFor(book("2026-03-30T09:05"), "Imprimer");

    find("#search").click();
    oneVerdictFor(book("2026-03-30T09:06"), "the name search");
    assertThat(find("#search").getAttribute("value")).as("nothing typed into the search").isEmpty();

    focus(find("#search-form button[type=submit]"));
    oneVerdictFor(book("2026-03-30T09:07"), "Chercher");

    // The gate list: a scan changes no gate (the codes' letters would otherwise select by type-ahead).
    String gateBefore = find("#gate").getAttribute("value");
    find("#gate").click();
    find("#gate").sendKeys(Keys.ESCAPE);
    oneVerdictFor(book("2026-03-30T09:08"), "the gate list");
    assertThat(find("#gate").getAttribute("value")).as("the gate is unchanged").isEqualTo(gateBefore);

    focus(find("header.bar nav a"));
    oneVerdictFor(book("2026-03-30T09:08"), "the Accueil link");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/kiosk");

    // The lost-convocation admission: found by a person typing, admitted by hand, then the next visitor's scan.
    Visitor lost = book("2026-03-30T09:09");
    find("#search").click();
    browser.typeLikeAPerson(lost.name().substring(0, 11));
    assertThat(find("#search").getAttribute("value")).isEqualTo(lost.name().substring(0, 11));
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    browser.waitForText(By.id("search-results"), lost.name());
    int before = scans().size();
    find("#search-results button").click();
    browser.waitForText(By.id("verdict-name"), "admission manuelle");
    browser.waiting(Duration.ofSeconds(5)).until(d -> scans().size() == before + 1);
    oneVerdictFor(book("2026-03-30T09:10"), "the focused verdict after an admission by hand");
    long manual = scans().stream().map(JsonObject.class::cast).filter(s -> s.getBoolean("manual")).count();
    assertThat(manual).as("the scan pressed no admission button").isEqualTo(1);
  }

  @Test
  void the_keyboard_alone_still_works_at_a_persons_pace() throws Exception {
    WebElement toggle = find("#evacuation-toggle");
    boolean open = "true".equals(toggle.getAttribute("aria-expanded"));
    focus(toggle);
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    browser.waiting(Duration.ofSeconds(3))
        .until(d -> String.valueOf(!open).equals(find("#evacuation-toggle").getAttribute("aria-expanded")));
    Thread.sleep(200);
    new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
    browser.waiting(Duration.ofSeconds(3))
        .until(d -> String.valueOf(open).equals(find("#evacuation-toggle").getAttribute("aria-expanded")));

    int before = scans().size();
    find("#search").clear();
    find("#search").click();
    browser.typeLikeAPerson("Mart");
    assertThat(find("#search").getAttribute("value")).isEqualTo("Mart");
    assertThat(scans()).hasSize(before);
    find("#search").clear();
  }

  @Test
  void a_verdict_shows_only_its_own_visitor_and_clears_itself() throws Exception {
    focus(find("#code"));
    Visitor v = book("2026-03-30T09:11");
    oneVerdictFor(v, "the code field");

    scan("HELLO WORLD");
    browser.waitForText(By.id("verdict-word"), "REFUSÉ");
    assertThat(find("#verdict-details").isDisplayed()).as("no visitor block without a convocation").isFalse();
    assertThat(find("#verdict-name").getText()).doesNotContain(v.name());

    oneVerdictFor(book("2026-03-30T09:12"), "the code field");
    browser.waiting(Duration.ofSeconds(9)).until(d -> find("#verdict-word").getText().contains("En attente"));
    assertThat(find("#verdict-details").isDisplayed()).isFalse();
    assertThat(find("#inside-count").getText()).as("the count of people inside stays").isNotEqualTo("0");
  }

  @Test
  void companions_are_counted_with_buttons_confirmed_above_the_maximum_and_listed_for_evacuation() throws Exception {
    Visitor v = book("2026-03-30T09:05");
    int before = server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count");
    find("#companions-more").click();
    find("#companions-more").click();
    assertThat(find("#companions").getText()).isEqualTo("2");
    // A scanner burst while a companions button has focus counts no one: the code goes to the code field.
    scan(v.code());
    browser.waitForText(By.id("companions-confirm-text"), "2 accompagnateurs");
    assertThat(find("#companions").getText()).isEqualTo("2");
    assertThat(scans().stream().map(JsonObject.class::cast).filter(s -> s.getLong("convocationId") == v.id()))
        .as("nothing recorded before the guard confirms").isEmpty();
    find("#companions-yes").click();
    browser.waitForText(By.id("verdict-name"), v.name());
    assertThat(find("#verdict-word").getText()).isEqualTo("ADMIS");
    assertThat(find("#companions").getText()).as("counted for this visitor only").isEqualTo("0");
    browser.waitForText(By.id("inside-count"), String.valueOf(before + 3));

    if (!"true".equals(find("#evacuation-toggle").getAttribute("aria-expanded"))) {
      find("#evacuation-toggle").click();
    }
    browser.waitForText(By.id("evacuation-body"), v.name() + " + 2 accompagnateurs");
  }

  @Test
  void an_exit_without_a_recorded_entry_is_let_out_and_says_so() throws Exception {
    Visitor v = book("2026-03-30T09:06");
    find("label[for=mode-out]").click();
    assertThat(find("#mode-back").isDisplayed()).as("the page says how to go back to entry").isTrue();
    scan(v.code());
    browser.waitForText(By.id("verdict-word"), "SORTIE OK");
    assertThat(find("#verdict-reason").getText()).contains("entrée non enregistrée");
    assertThat(find("#verdict-en").getText()).contains("entry not recorded");
    assertThat(find("#verdict-where").isDisplayed()).as("no 'Où aller' on an exit").isFalse();
    JsonArray log = scans();
    assertThat(log.getJsonObject(log.size() - 1).getString("reason")).isEqualTo("no_entry_recorded");
  }

  @Test
  void every_width_from_a_phone_to_a_wide_screen_shows_the_whole_verdict() {
    Visitor v = book("2026-03-30T09:07");
    scan(v.code());
    browser.waitForText(By.id("verdict-name"), v.name());
    try {
      for (int width : new int[]{360, 390, 1366, 1920}) {
        ((org.openqa.selenium.chromium.ChromiumDriver) browser.driver).executeCdpCommand(
            "Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", 800,
                "deviceScaleFactor", 1, "mobile", false));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        Number inner = (Number) js.executeScript("return window.innerWidth");
        Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth");
        assertThat(inner.intValue()).as("viewport").isEqualTo(width);
        assertThat(scroll.intValue()).as("no horizontal scrolling at " + width + " px").isLessThanOrEqualTo(width);
        for (String id : new String[]{"verdict-word", "verdict-name", "verdict-time", "verdict-service",
            "verdict-where", "code"}) {
          Number right = (Number) js.executeScript(
              "return document.getElementById(arguments[0]).getBoundingClientRect().right", id);
          assertThat(right.doubleValue()).as(id + " within " + width + " px").isLessThanOrEqualTo(width);
        }
      }
    } finally {
      ((org.openqa.selenium.chromium.ChromiumDriver) browser.driver)
          .executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }
  }
}
