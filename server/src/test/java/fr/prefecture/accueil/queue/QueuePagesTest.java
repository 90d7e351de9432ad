package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
}
