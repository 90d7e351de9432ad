package fr.prefecture.accueil.journey;

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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole visit across the three parts: a convocation is scanned at the gate, the visitor joins
 * the queue, a counter agent calls them from the counter page, and an open screen shows the call.
 */
@ExtendWith(VertxExtension.class)
class VisitorJourneyTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void a_visitor_admitted_at_the_gate_is_called_at_a_counter_and_the_open_screen_shows_the_call(Vertx vertx)
      throws Exception {
    // 08:50 Paris: the 09:00 appointment may come in.
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T06:50:00Z"))) {
      Browser browser = BROWSER.get();
      long id = server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
          .put("start", "2026-03-30T09:00").put("visitor", new JsonObject().put("name", "Hélène Dupont")))
          .bodyAsJsonObject().getLong("id");
      String code = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
          .getString("code");
      JsonObject verdict = server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", code)
          .put("gate", "guerite-nord").put("direction", "in").put("scanId", "journey-1")).bodyAsJsonObject();
      assertThat(verdict.getString("decision")).isEqualTo("admit");

      browser.get(server.baseUrl() + "/screens/hall-a-appels");
      String screen = browser.driver.getWindowHandle();
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      browser.waiting(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
          js.executeScript("return document.querySelector('.offline-mark').hidden;")));

      browser.driver.switchTo().newWindow(WindowType.TAB);
      String password = server.createUser("agent-t1", "agent");
      browser.login(server.baseUrl(), "agent-t1", password, "/counter");
      new Select(browser.driver.findElement(By.id("counter"))).selectByValue("T1");
      browser.waitForText(By.id("queue"), "T001");
      browser.driver.findElement(By.id("call-next")).click();
      browser.waitForText(By.id("current"), "T001");

      browser.driver.switchTo().window(screen);
      browser.waiting(Duration.ofSeconds(10)).until(d -> {
        String text = String.valueOf(js.executeScript("return document.body.textContent;"));
        return text.contains("T001") && text.contains("T1");
      });
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }
}
