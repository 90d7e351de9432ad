package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The staff pages' feedback where the eye is (issue 14): each action's result or error is written next to the control
 * that caused it and inside the viewport, in French; site-wide or irreversible actions are confirmed first (Cancel
 * and Escape change nothing); figures are typed the French way and checked against plausible bounds.
 */
class StaffFeedbackTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withOpenScreens(Instant.parse("2026-03-30T08:00:00Z"));
  final TestServer server = SERVER.get();

  @Test
  void raising_and_ending_an_alert_asks_first_naming_the_screens_and_answers_next_to_the_button() throws Exception {
    Browser browser = BROWSER.get();
    int before = server.get("manager", "/api/alerts").bodyAsJsonArray().size();
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/admin/screens");
    browser.waitForText(By.id("screens"), "Annexe B");
    browser.driver.findElement(By.id("alert-fr")).sendKeys("Évacuation du hall");
    browser.driver.findElement(By.id("alert-en")).sendKeys("Leave the hall");
    browser.driver.findElement(By.id("alert-zone-hall-a")).click();
    WebElement raise = browser.driver.findElement(By.cssSelector("#alert-form button[type=submit]"));
    raise.click();
    WebElement dialog = openDialog(browser);
    assertThat(dialog.getText()).contains("Alerte sur les 2 écrans de la zone Hall d'accueil");
    assertThat(browser.accessibilityViolations()).isEmpty();
    dialog.findElement(By.xpath(".//button[contains(., 'Annuler')]")).click();
    closedDialog(browser);
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).hasSize(before);
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(raise);

    raise.click();
    openDialog(browser);
    browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    closedDialog(browser);
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).hasSize(before);

    raise.click();
    openDialog(browser).findElement(By.xpath(".//button[contains(., 'Déclencher')]")).click();
    WebElement raised = browser.waitForText(By.cssSelector("#alert-form .feedback"), "Alerte déclenchée");
    assertNear(browser, raised, raise);
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).hasSize(before + 1);

    WebElement row = browser.driver
        .findElement(By.xpath("//tbody[@id='alerts']/tr[contains(., 'Évacuation du hall')]"));
    WebElement end = row.findElement(By.tagName("button"));
    end.click();
    openDialog(browser).findElement(By.xpath(".//button[contains(., 'Annuler')]")).click();
    closedDialog(browser);
    assertThat(evacuation().getBoolean("active")).isTrue();
    end.click();
    assertThat(openDialog(browser).getText()).contains("les 2 écrans de la zone Hall d'accueil");
    browser.driver.findElement(By.cssSelector("dialog .danger")).click();
    WebElement ended = browser.waitForText(By.cssSelector("#alerts .feedback"), "Alerte terminée");
    assertNear(browser, ended,
        browser.driver.findElement(By.xpath("//tbody[@id='alerts']/tr[contains(., 'Évacuation du hall')]")));
    assertThat(evacuation().getString("endedBy")).isEqualTo("admin");
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  @Test
  void a_delay_typed_with_a_decimal_comma_is_saved_as_such_and_implausible_ones_are_refused_next_to_the_field()
      throws Exception {
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/admin/screens");
    WebElement field = browser.waiting(Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("delay-cni-passeport")));
    WebElement save = browser.driver.findElement(By.cssSelector("#figures-form button[type=submit]"));
    field.clear();
    field.sendKeys("41,5");
    save.click();
    WebElement saved = browser.waitForText(By.cssSelector("#figures-form > .feedback"), "Délais enregistrés");
    assertNear(browser, saved, save);
    assertThat(shownDelay("cni-passeport")).isEqualTo(41.5);

    field.clear();
    field.sendKeys("415");
    save.click();
    WebElement refused = browser.waitForText(By.cssSelector("#figures-delays .feedback-error"), "de 0 à 365 jours");
    assertNear(browser, refused, field);
    assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(shownDelay("cni-passeport")).isEqualTo(41.5);

    // Above the usual 90 days the page asks; Cancel saves nothing.
    field.clear();
    field.sendKeys("120");
    save.click();
    assertThat(openDialog(browser).getText()).contains("plus de 90 jours");
    browser.driver.findElement(By.xpath("//dialog//button[contains(., 'Annuler')]")).click();
    closedDialog(browser);
    assertThat(shownDelay("cni-passeport")).isEqualTo(41.5);
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.get(server.baseUrl() + "/admin/screens");
    String shown = browser.waiting(Duration.ofSeconds(10)).until(d -> {
      String v = d.findElement(By.id("delay-cni-passeport")).getAttribute("value");
      return v.isEmpty() ? null : v;
    });
    assertThat(shown).isEqualTo("41,5");
  }

  @Test
  void the_admin_page_speaks_french_errors_next_to_the_form_audit_in_words_and_site_times() throws Exception {
    server.post("manager", "/api/alerts", new JsonObject().put("fr", "Test").put("en", "Test")
        .put("zones", new JsonArray().add("hall-b")));
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/admin");
    browser.waitForText(By.id("accounts-body"), "admin");
    browser.driver.findElement(By.id("account-username")).sendKeys("admin");
    browser.driver.findElement(By.id("account-password")).sendKeys("un mot de passe long");
    WebElement create = browser.driver.findElement(By.cssSelector("#new-account button"));
    create.click();
    WebElement taken = browser.waitForText(By.cssSelector("#new-account .feedback-error"),
        "Un compte porte déjà cet identifiant");
    assertThat(taken.getText()).doesNotContain("already");
    assertNear(browser, taken, create);

    WebElement audit = browser.waitForText(By.id("audit-body"), "Alerte déclenchée");
    assertThat(audit.getText()).doesNotContain("alert.raised");
    // 08:00 UTC is 10:00 in Paris, whatever the browser's zone.
    browser.waitForText(By.id("sessions-body"), "30/03/2026 10:00");
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  @Test
  void the_counter_says_why_absent_is_not_yet_possible_and_the_pan_offers_nothing_on_past_slots() throws Exception {
    String password = server.createUser("lea", "agent");
    server.post("agent", "/api/queues/vehicules/tickets", null);
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "lea", password, "/counter");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("counter"))).selectByValue("V1");
    browser.waitForText(By.id("ticket-reason"), "appelez d'abord un visiteur");
    WebElement call = browser.driver.findElement(By.id("call-next"));
    call.click();
    WebElement reason = browser.waitForText(By.id("absent-reason"), "Absent possible après 2 appels");
    assertThat(reason.isDisplayed()).isTrue();
    assertThat(browser.driver.findElement(By.id("absent")).isEnabled()).isFalse();
    WebElement called = browser.waitForText(By.cssSelector("#current-actions .feedback"), "Appel de");
    assertNear(browser, called, call);
    browser.driver.findElement(By.id("recall")).click();
    browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("absent")).isEnabled());
    assertThat(browser.driver.findElement(By.id("absent-reason")).isDisplayed()).isFalse();
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.get(server.baseUrl() + "/pan");
    browser.waitForText(By.id("slots"), "Passé");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#slots tr"));
    for (WebElement row : rows) {
      if (row.getText().contains("Passé")) {
        assertThat(row.findElements(By.tagName("button"))).isEmpty();
      }
    }
    assertThat(browser.driver.findElements(By.xpath("//tbody[@id='slots']//button[starts-with(., 'Fermer')]")))
        .isNotEmpty();
  }

  @Test
  void every_other_action_of_the_screens_page_answers_next_to_its_control_and_a_message_can_be_dismissed()
      throws Exception {
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/admin/screens");
    browser.waitForText(By.id("screens"), "Annexe B");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;

    browser.driver.findElement(By.id("notice-fr")).sendKeys("Fermeture à 15 h");
    browser.driver.findElement(By.id("notice-en")).sendKeys("Closing at 3 pm");
    js.executeScript("document.getElementById('notice-to').value = '2026-03-30T18:00'");
    WebElement publish = browser.driver.findElement(By.cssSelector("#notice-form button[type=submit]"));
    publish.click();
    assertNear(browser, browser.waitForText(By.cssSelector("#notice-form .feedback"), "Information publiée"), publish);

    WebElement saveState = browser.driver.findElement(By.cssSelector("button[aria-label^=\"Enregistrer l'état de\"]"));
    saveState.click();
    assertNear(browser, browser.waitForText(By.cssSelector(".state-row .feedback"), "État enregistré"), saveState);

    browser.driver.findElement(By.cssSelector("#screens button[aria-label^='Programme']")).click();
    WebElement savePlaylist = browser.driver.findElement(By.cssSelector("#playlist-form button[type=submit]"));
    WebElement seconds = browser.driver.findElement(By.id("playlist-seconds-0"));
    seconds.clear();
    seconds.sendKeys("2");
    savePlaylist.click();
    assertNear(browser, browser.waitForText(By.cssSelector("#playlist-form .feedback-error"), "de 5 à 600 secondes"),
        savePlaylist);
    assertThat(server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(0).getBoolean("playlistChanged"))
        .isFalse();
    seconds.clear();
    seconds.sendKeys("25");
    savePlaylist.click();
    assertNear(browser, browser.waitForText(By.cssSelector("#playlist-form .feedback"), "Programme enregistré"),
        savePlaylist);
    WebElement reset = browser.driver.findElement(By.id("playlist-reset"));
    reset.click();
    assertThat(openDialog(browser).getText()).contains("seront perdus");
    browser.driver.findElement(By.xpath("//dialog//button[contains(., 'Annuler')]")).click();
    closedDialog(browser);
    assertThat(server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(0).getBoolean("playlistChanged"))
        .isTrue();
    reset.click();
    browser.driver.findElement(By.cssSelector("dialog[open] .danger")).click();
    WebElement restored = browser.waitForText(By.cssSelector("#playlist-form .feedback"), "rétabli");
    assertNear(browser, restored, reset);
    assertThat(server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(0).getBoolean("playlistChanged"))
        .isFalse();

    restored.findElement(By.cssSelector(".feedback-close")).click();
    assertThat(browser.driver.findElements(By.cssSelector("#playlist-form .feedback"))).isEmpty();
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  private JsonObject evacuation() {
    return server.get("manager", "/api/alerts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("fr").equals("Évacuation du hall")).findFirst().orElseThrow();
  }

  private double shownDelay(String procedure) {
    return server.get("manager", "/api/transparency").bodyAsJsonObject().getJsonObject("shown")
        .getJsonObject("delays").getDouble(procedure);
  }

  private static WebElement openDialog(Browser browser) {
    return browser.waiting(Duration.ofSeconds(5)).until(d -> {
      List<WebElement> open = d.findElements(By.cssSelector("dialog[open]"));
      return open.isEmpty() ? null : open.get(0);
    });
  }

  private static void closedDialog(Browser browser) {
    browser.waiting(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
  }

  /** The message is wholly inside the viewport, and within 200 px vertically of the control that caused it. */
  @SuppressWarnings("unchecked")
  private static void assertNear(Browser browser, WebElement message, WebElement control) {
    List<Number> box = (List<Number>) ((JavascriptExecutor) browser.driver).executeScript(
        "const m = arguments[0].getBoundingClientRect(); const c = arguments[1].getBoundingClientRect();"
            + "return [m.top, m.bottom, c.top, c.bottom, window.innerHeight];",
        message, control);
    double top = box.get(0).doubleValue();
    double bottom = box.get(1).doubleValue();
    assertThat(top).as("message top in the viewport").isGreaterThanOrEqualTo(-1);
    assertThat(bottom).as("message bottom in the viewport").isLessThanOrEqualTo(box.get(4).doubleValue() + 1);
    double gap = Math.max(0, Math.max(top - box.get(3).doubleValue(), box.get(2).doubleValue() - bottom));
    assertThat(gap).as("vertical distance from the control").isLessThan(200);
  }
}
