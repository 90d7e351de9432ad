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
  private static boolean generated;

  /** Ten weeks of generated history, once for the class's server. */
  private void history() throws Exception {
    if (!generated) {
      new HistoryGenerator(SiteLoader.load(TestServer.CONFIG).site(), 3).generate(server.dataDir.resolve("accueil.db"),
          LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 14), 40, NOW);
      server.verticle.indicators().buildRollups().await();
      generated = true;
    }
  }

  @Test
  void a_manager_sees_key_figures_charts_and_tables_and_filters_by_service() throws Exception {
    Browser browser = BROWSER.get();
    history();
    String password = server.createUser("marie", "manager");
    browser.login(server.baseUrl(), "marie", password, "/dashboard");

    browser.waitForText(By.id("period"), "Période du 18 mars au 14 avril 2026, comparée à la période du 18 février "
        + "au 17 mars 2026");
    assertThat(browser.driver.findElement(By.id("from")).getAttribute("value")).as("the last 28 closed days")
        .isEqualTo("2026-03-18");
    assertThat(browser.driver.findElement(By.id("cards")).getText()).contains("Taux d'absence", "avant / before");
    browser.waiting(Duration.ofSeconds(10)).until(d -> folded(browser, "table-waiting").contains("Titres d'identité"));
    assertThat(folded(browser, "table-refusals")).contains("Trop tôt / too early");
    waitForCharts(browser);
    assertThat(browser.accessibilityViolations()).isEmpty();
    assertThat(browser.driver.findElement(By.id("cards")).getText()).as("no arrow for a change that shows as 0")
        .doesNotContainPattern("(up|down) 0( pt)? \\(");
    tablesAreFoldedUnderTheirCharts(browser);

    new Select(browser.driver.findElement(By.id("service"))).selectByValue("pan");
    WebElement from = browser.driver.findElement(By.id("from"));
    from.sendKeys("01022026");
    browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).sendKeys(Keys.ENTER);
    browser.waiting(Duration.ofSeconds(10)).until(d -> String.valueOf(((JavascriptExecutor) d)
        .executeScript("return document.body.dataset.loaded")).contains("service=pan"));
    String waiting = folded(browser, "table-waiting");
    assertThat(waiting).contains("Point d'accueil numérique").doesNotContain("Titres d'identité");
    assertThat(browser.driver.findElement(By.id("chart-pan")).getAttribute("src")).contains("service=pan");
    waitForCharts(browser);
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  /** The text of a table, folded or not: what a screen reader is given once the table is opened. */
  private static String folded(Browser browser, String id) {
    return browser.driver.findElement(By.id(id)).getDomProperty("textContent");
  }

  /** Every table in a closed <details> under its chart, its summary naming it; opened on demand. */
  private static void tablesAreFoldedUnderTheirCharts(Browser browser) {
    List<WebElement> tables = browser.driver.findElements(By.cssSelector("main table"));
    assertThat(tables).hasSize(9);
    for (WebElement table : tables) {
      WebElement details = table.findElement(By.xpath("ancestor::details"));
      assertThat(details.getAttribute("open")).as(table.getAttribute("id")).isNull();
      assertThat(table.isDisplayed()).isFalse();
      assertThat(details.findElement(By.tagName("summary")).getText()).startsWith("Voir le tableau");
    }
    WebElement waiting = browser.driver.findElement(By.id("table-waiting"));
    waiting.findElement(By.xpath("ancestor::details/summary")).click();
    assertThat(waiting.isDisplayed()).isTrue();
    assertThat(waiting.getText()).contains("Médiane / median");
    WebElement first = browser.driver.findElement(By.cssSelector("main details"));
    WebElement chart = browser.driver.findElement(By.id("chart-trend"));
    assertThat(chart.getLocation().getY()).as("the chart comes before its table")
        .isLessThan(first.getLocation().getY());
  }

  @Test
  void no_text_of_a_chart_overlaps_another_and_a_wrong_range_is_told_in_french() throws Exception {
    Browser browser = BROWSER.get();
    history();
    String password = server.createUser("paule", "manager");
    browser.login(server.baseUrl(), "paule", password, "/dashboard");
    browser.waitForText(By.id("period"), "14 avril 2026");
    waitForCharts(browser);
    List<String> charts = browser.driver.findElements(By.cssSelector("figure img")).stream()
        .map(img -> img.getAttribute("src")).toList();
    for (String chart : charts) {
      browser.driver.get(chart);
      Object overlaps = ((JavascriptExecutor) browser.driver).executeScript("""
          const boxes = [...document.querySelectorAll('text')].filter(t => t.textContent.trim())
            .map(t => ({ s: t.textContent, r: t.getBoundingClientRect() }));
          const out = [];
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r, b = boxes[j].r;
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
              out.push(boxes[i].s + ' × ' + boxes[j].s);
          }
          return out;""");
      assertThat((List<?>) overlaps).as(chart).isEmpty();
    }

    browser.get(server.baseUrl() + "/dashboard");
    browser.waitForText(By.id("period"), "14 avril 2026");
    ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('from').value = '2026-04-20'");
    browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
    WebElement error = browser.waitForText(By.cssSelector("#filters #error"),
        "La date de début est après la date de fin");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(error.getText()).doesNotContain("'from'");
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
