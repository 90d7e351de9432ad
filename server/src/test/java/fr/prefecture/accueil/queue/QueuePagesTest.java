package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** The counter and PAN pages in a real browser: one server and one browser for both (other services and agents). */
class QueuePagesTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(QueueApiTest.NINE);
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  final TestServer server = SERVER.get();

  @Test
  void a_counter_agent_calls_the_next_visitor_sees_the_ticket_and_marks_it_served() throws Exception {
    Browser browser = BROWSER.get();
    String password = server.createUser("anne", "agent");
    long id = server.post("agent", "/api/queues/titres/tickets", null).bodyAsJsonObject().getLong("id");

    browser.login(server.baseUrl(), "anne", password, "/counter");
    new Select(browser.driver.findElement(By.id("counter"))).selectByValue("T2");
    browser.waitForText(By.id("queue"), "T001");
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.id("call-next")).click();
    assertThat(browser.waitForText(By.id("current"), "T001").getText()).contains("Sans rendez-vous");
    assertThat(server.get("agent", "/api/tickets/" + id).bodyAsJsonObject().getString("counter")).isEqualTo("T2");
    assertThat(browser.driver.findElement(By.id("call-next")).isEnabled()).isFalse();
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.id("served")).click();
    browser.waitForText(By.cssSelector("#current-actions .feedback"), "servi");
    assertThat(server.get("agent", "/api/tickets/" + id).bodyAsJsonObject().getString("status")).isEqualTo("served");
    browser.waitForText(By.id("current"), "Aucun");
    // The screens (built in parallel) show the call: the lead adds that part of the test after merging.
  }

  @Test
  void the_pan_page_adds_a_visitor_on_site_to_the_next_free_slot_and_prints_a_bilingual_ticket()
      throws Exception {
    Browser browser = BROWSER.get();
    String password = server.createUser("paul", "agent");
    browser.login(server.baseUrl(), "paul", password, "/pan");
    browser.waitForText(By.id("slots"), "09:00");
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.id("add-slot")).click();
    assertThat(browser.waitForText(By.id("added"), "P001").getText()).contains("09:00");
    browser.waitForText(By.id("slots"), "P001");
    browser.driver.findElement(By.cssSelector("#added a")).click();
    browser.waitForText(By.id("ticket-number"), "P001");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Point d'accueil numérique", "Digital help desk", "Espace numérique", "Digital corner", "9 h 00",
            "09:00", "Délivré le lundi 30 mars 2026, ", "Issued on Monday 30 March 2026, ")
        .doesNotContain("2026-03-30");
    assertThat(browser.accessibilityViolations()).isEmpty();
  }

  @Test
  void a_manager_views_a_ticket_which_prints_on_80_mm_roll_paper_with_its_number_large() throws Exception {
    long id = server.post("agent", "/api/queues/etrangers/tickets", null).bodyAsJsonObject().getLong("id");
    assertThat(server.get("manager", "/api/tickets/" + id).statusCode()).isEqualTo(200);
    String password = server.createUser("mona", "manager");
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "mona", password, "/tickets/" + id);
    WebElement number = browser.waitForText(By.id("ticket-number"), "E0");
    String css = server.client.get("/static/css/ticket.css").send().await().bodyAsString();
    assertThat(css).contains("@page a4", "size: A4");
    assertThat(((JavascriptExecutor) browser.driver).executeScript("return [...document.styleSheets]"
        + ".flatMap(s => [...s.cssRules]).filter(r => r instanceof CSSPageRule && !r.selectorText)"
        + ".map(r => r.style.getPropertyValue('size')).join()")).as("the default page, as the browser reads it")
        .asString().startsWith("80mm ");

    ChromeDriver chrome = (ChromeDriver) browser.driver;
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 302, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    try {
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      double size = Double.parseDouble(String.valueOf(js.executeScript(
          "return parseFloat(getComputedStyle(arguments[0]).fontSize)", number)));
      assertThat(size).as("the number, on 80 mm paper").isGreaterThanOrEqualTo(56);
      assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
          .as("nothing wider than the roll").isLessThanOrEqualTo(302);
      assertThat(browser.driver.findElement(By.id("print")).isDisplayed()).isFalse();
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }
}
