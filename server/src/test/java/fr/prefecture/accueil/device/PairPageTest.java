package fr.prefecture.accueil.device;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
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

/** A screen is paired from its own browser: the code typed on /pair, then the screen shows live. */
@ExtendWith(VertxExtension.class)
class PairPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void a_screen_paired_with_a_one_time_code_opens_its_page_and_a_wrong_code_says_so(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      browser.get(server.baseUrl() + "/screens/hall-a-entree");
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/pair"));
      assertThat(browser.accessibilityViolations()).isEmpty();

      browser.driver.findElement(By.id("pair-code")).sendKeys("AAAA-AAAA");
      browser.driver.findElement(By.cssSelector("#pair-form button[type=submit]")).click();
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("pair-error")).isDisplayed());

      String code = server.post("admin", "/api/devices", new JsonObject().put("kind", "screen")
          .put("screen", "hall-a-entree").put("name", "Écran du hall")).bodyAsJsonObject().getString("code");
      var input = browser.driver.findElement(By.id("pair-code"));
      input.clear();
      input.sendKeys(code.toLowerCase());
      browser.driver.findElement(By.cssSelector("#pair-form button[type=submit]")).click();
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/screens/hall-a-entree"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      browser.waiting(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
          js.executeScript("return document.querySelector('.offline-mark').hidden;")));
      assertThat(String.valueOf(js.executeScript("return document.body.textContent;"))).contains("Finding your way");

      long id = server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getLong("id");
      assertThat(server.as("admin", io.vertx.core.http.HttpMethod.DELETE, "/api/devices/" + id, null).statusCode())
          .isEqualTo(200);
      browser.waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/pair"));
    }
  }
}
