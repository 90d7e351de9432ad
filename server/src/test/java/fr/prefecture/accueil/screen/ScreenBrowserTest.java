package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** A real screen page in Chromium: live notice, full-screen alert and its end, without reloading. */
@ExtendWith(VertxExtension.class)
class ScreenBrowserTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void an_open_screen_shows_a_new_notice_then_an_alert_then_returns_without_reloading(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T08:00:00Z"))) {
      Browser browser = BROWSER.get();
      browser.get(server.baseUrl() + "/screens/attente-etrangers");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      js.executeScript("window.__sameDocument = true;");
      browser.waiting(Duration.ofSeconds(10)).until(d -> js.executeScript(
          "return document.querySelector('.offline-mark').hidden;").equals(Boolean.TRUE));
      assertThat(browser.accessibilityViolations()).isEmpty();

      assertThat(server.post("manager", "/api/notices", new JsonObject().put("fr", "Guichet E4 fermé cet après-midi")
          .put("en", "Counter E4 closed this afternoon").put("to", "2026-03-30T18:00")
          .put("zones", new JsonArray().add("attente-etrangers"))).statusCode()).isEqualTo(201);
      browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(js.executeScript(
          "return document.getElementById('content').textContent;")).contains("Counter E4 closed this afternoon"));

      long id = server.post("manager", "/api/alerts", new JsonObject().put("fr", "Évacuez la salle d'attente")
          .put("en", "Leave the waiting room")).bodyAsJsonObject().getLong("id");
      assertThat(browser.waitForText(By.id("alert"), "Évacuez la salle d'attente").getText())
          .contains("Leave the waiting room", "ALERTE", "ALERT");
      assertThat(browser.driver.findElement(By.id("content")).isDisplayed()).isFalse();
      assertThat(browser.accessibilityViolations()).isEmpty();

      assertThat(server.as("manager", HttpMethod.DELETE, "/api/alerts/" + id, null).statusCode()).isEqualTo(200);
      browser.waiting(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("alert")).isDisplayed());
      assertThat(browser.driver.findElement(By.id("content")).isDisplayed()).isTrue();
      assertThat(js.executeScript("return window.__sameDocument === true;")).as("never reloaded").isEqualTo(true);
    }
  }

  @Test
  void a_manager_raises_and_ends_an_alert_from_the_screens_page_which_is_accessible(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T08:00:00Z"))) {
      Browser browser = BROWSER.get();
      String password = server.createUser("marie", "manager");
      browser.login(server.baseUrl(), "marie", password, "/admin/screens");
      browser.waitForText(By.id("screens"), "Annexe B");
      assertThat(browser.accessibilityViolations()).isEmpty();

      browser.driver.findElement(By.id("alert-fr")).sendKeys("Confinement immédiat");
      browser.driver.findElement(By.id("alert-en")).sendKeys("Stay inside now");
      browser.driver.findElement(By.id("alert-zone-hall-b")).click();
      browser.driver.findElement(By.cssSelector("#alert-form button[type=submit]")).click();
      browser.waiting(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("dialog[open] .danger"))).click();
      browser.waitForText(By.id("alerts"), "Confinement immédiat");
      JsonObject alert = server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0);
      assertThat(alert.getString("raisedBy")).isEqualTo("marie");
      assertThat(alert.getJsonArray("zones")).containsExactly("hall-b");

      browser.driver.findElement(By.cssSelector("#alerts button")).click();
      browser.waiting(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("dialog[open] .danger"))).click();
      browser.waitForText(By.id("alerts"), "marie");
      browser.waiting(Duration.ofSeconds(10)).until(d -> server.get("manager", "/api/alerts").bodyAsJsonArray()
          .getJsonObject(0).getString("endedBy") != null);
      assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0).getString("endedBy"))
          .isEqualTo("marie");

      // A service moved to one of the configured places, picked in a list (not typed).
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("state-titres")))
          .selectByValue("moved");
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("moved-titres")))
          .selectByVisibleText("Annexe, salle 4 (Bâtiment B (annexe), rez-de-chaussée)");
      browser.driver.findElement(By.cssSelector("button[aria-label=\"Enregistrer l'état de Titres d'identité "
          + "(carte d'identité, passeport)\"]")).click();
      browser.waitForText(By.cssSelector(".state-row .feedback"), "État enregistré");
      assertThat(server.get("manager", "/api/service-states").bodyAsJsonArray().stream().map(JsonObject.class::cast)
          .filter(st -> st.getString("service").equals("titres")).findFirst().orElseThrow().getString("movedTo"))
          .isEqualTo("annexe-salle-4");

      browser.driver.findElement(By.cssSelector("#screens button")).click();
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("preview")).isDisplayed());
      browser.driver.switchTo().frame("preview");
      browser.waitForText(By.cssSelector(".screen-name"), "Hall A");
      browser.driver.switchTo().defaultContent();

      // The first screen's playlist, changed from the page: one page removed, then saved.
      browser.driver.findElement(By.cssSelector("#screens button[aria-label^='Programme']")).click();
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("playlist-form")).isDisplayed());
      int before = browser.driver.findElements(By.cssSelector("#playlist-rows .playlist-row")).size();
      browser.driver.findElement(By.cssSelector("#playlist-rows button")).click();
      browser.driver.findElement(By.cssSelector("#playlist-form button[type=submit]")).click();
      browser.waitForText(By.cssSelector("#playlist-form .feedback"), "Programme enregistré");
      JsonObject first = server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(0);
      assertThat(first.getBoolean("playlistChanged")).isTrue();
      assertThat(first.getJsonArray("playlist")).hasSize(before - 1);
      assertThat(first.getBoolean("languagesChanged")).isTrue();
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }
}
