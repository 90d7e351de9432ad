package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

@ExtendWith(VertxExtension.class)
class KioskPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  private static String code(TestServer server, String start, String name) {
    long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", name))).bodyAsJsonObject().getLong("id");
    return server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject().getString("code");
  }

  @Test
  void a_scanner_types_codes_and_enter_and_the_guard_reads_each_verdict_without_a_click(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      String onTime = code(server, "2026-03-30T09:10", "Amina Benali");
      String early = code(server, "2026-03-30T10:40", "Jean Dupont");
      String password = server.createUser("garde", "guard");
      browser.login(server.baseUrl(), "garde", password, "/kiosk");
      browser.waitForText(By.id("inside-count"), "0");
      assertThat(browser.accessibilityViolations()).isEmpty();

      WebElement focused = browser.driver.switchTo().activeElement();
      assertThat(focused.getAttribute("id")).isEqualTo("code");
      focused.sendKeys(onTime + Keys.ENTER);
      browser.waitForText(By.id("verdict-word"), "ADMIS");
      assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("class")).contains("admit");
      assertThat(browser.driver.findElement(By.id("verdict-name")).getText()).contains("Amina Benali");
      assertThat(browser.driver.findElement(By.id("verdict-where")).getText()).contains("Salle 12");
      assertThat(browser.driver.findElement(By.id("verdict-en")).getText()).contains("Welcome");
      browser.waitForText(By.id("inside-count"), "1");

      // The next scan follows at once: the field kept the focus.
      browser.driver.switchTo().activeElement().sendKeys(early + Keys.ENTER);
      browser.waitForText(By.id("verdict-word"), "REFUSÉ");
      assertThat(browser.driver.findElement(By.id("verdict-from")).getText()).contains("10 h 20").contains("10:20");
      assertThat(browser.driver.findElement(By.id("verdict-reason")).getText()).contains("Trop tôt");
      assertThat(browser.accessibilityViolations()).isEmpty();

      // Exit mode.
      browser.driver.findElement(By.cssSelector("label[for=mode-out]")).click();
      assertThat(browser.driver.findElement(By.id("mode-text")).getText()).isEqualTo("Mode SORTIE");
      browser.driver.switchTo().activeElement().sendKeys(onTime + Keys.ENTER);
      browser.waitForText(By.id("verdict-word"), "SORTIE OK");
      browser.waitForText(By.id("inside-count"), "0");
      assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("code");
    }
  }

  @Test
  void a_lost_convocation_is_found_by_name_and_admitted_with_the_keyboard(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      code(server, "2026-03-30T09:10", "Élodie Petit");
      String password = server.createUser("garde", "guard");
      browser.login(server.baseUrl(), "garde", password, "/kiosk");
      browser.driver.findElement(By.id("search")).click();
      browser.typeLikeAPerson("elodie");
      browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      browser.waitForText(By.id("search-results"), "Élodie Petit");
      browser.driver.findElement(By.cssSelector("#search-results button")).sendKeys(Keys.ENTER);
      browser.waitForText(By.id("verdict-word"), "ADMIS");
      assertThat(browser.driver.findElement(By.id("verdict-name")).getText()).contains("admission manuelle");
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }
}
