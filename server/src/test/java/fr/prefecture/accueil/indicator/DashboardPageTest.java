package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.SiteLoader;
import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The managers' dashboard in a real browser over generated history; one server for both tests. */
class DashboardPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  static final Instant NOW = Instant.parse("2026-04-15T08:00:00Z");
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NOW);
  final TestServer server = SERVER.get();

  @Test
  void a_manager_sees_key_figures_charts_and_tables_and_filters_by_service() throws Exception {
    Browser browser = BROWSER.get();
    new HistoryGenerator(SiteLoader.load(TestServer.CONFIG).site(), 3)
        .generate(server.dataDir.resolve("accueil.db"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 14), 40, NOW);
    server.verticle.indicators().buildRollups().await();
    String password = server.createUser("marie", "manager");
    browser.login(server.baseUrl(), "marie", password, "/dashboard");

    browser.waitForText(By.id("period"), "2026-03-18 au 2026-04-14");
    assertThat(browser.driver.findElement(By.id("from")).getAttribute("value")).as("the last 28 closed days")
        .isEqualTo("2026-03-18");
    assertThat(browser.driver.findElement(By.id("cards")).getText()).contains("Taux d'absence", "avant / before");
    browser.waitForText(By.id("table-waiting"), "Titres d'identité");
    assertThat(browser.driver.findElement(By.id("table-refusals")).getText()).contains("Trop tôt / too early");
    waitForCharts(browser);
    assertThat(browser.accessibilityViolations()).isEmpty();

    new Select(browser.driver.findElement(By.id("service"))).selectByValue("pan");
    WebElement from = browser.driver.findElement(By.id("from"));
    from.sendKeys("01022026");
    browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).sendKeys(Keys.ENTER);
    browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(((JavascriptExecutor) d)
        .executeScript("return document.body.dataset.loaded")).contains("service=pan"));
    String waiting = browser.driver.findElement(By.id("table-waiting")).getText();
    assertThat(waiting).contains("Point d'accueil numérique").doesNotContain("Titres d'identité");
    assertThat(browser.driver.findElement(By.id("chart-pan")).getAttribute("src")).contains("service=pan");
    waitForCharts(browser);
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  @Test
  void agents_cannot_open_the_dashboard() {
    String cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    assertThat(server.client.get("/dashboard").putHeader("Cookie", cookie).send().await().statusCode())
        .isEqualTo(200);
    server.createUser("alain", "agent");
    String agent = server.login("alain", "password-of-alain").orElseThrow();
    assertThat(server.client.get("/dashboard").putHeader("Cookie", agent).send().await().statusCode()).isEqualTo(403);
    assertThat(server.client.get("/dashboard").send().await().statusCode()).isEqualTo(302);
  }

  /** Every chart image loaded (an SVG of real size), as the browser sees it. */
  static void waitForCharts(Browser browser) {
    browser.waiting(Duration.ofSeconds(15)).until(d -> {
      List<WebElement> images = d.findElements(By.cssSelector("figure img"));
      return images.size() == 7 && images.stream().allMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) d)
          .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 100", img)));
    });
  }
}
