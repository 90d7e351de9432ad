package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The reception desk in a real browser: choose the visitor's service, issue, tell the wait, print. */
class ReceptionPageTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(QueueApiTest.NINE);
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  final TestServer server = SERVER.get();

  @Test
  void an_agent_chooses_a_service_issues_a_ticket_and_sees_its_number_and_the_wait() throws Exception {
    server.post("agent", "/api/queues/titres/tickets", null);
    server.post("agent", "/api/queues/titres/tickets", null);
    Browser browser = BROWSER.get();
    String password = server.createUser("rose", "agent");
    browser.login(server.baseUrl(), "rose", password, "/reception");
    assertThat(browser.waitForText(By.id("wait-titres"), "en attente").getText())
        .isEqualTo("2 personnes en attente, attente médiane : pas encore mesurée aujourd’hui");
    assertThat(browser.driver.findElement(By.id("services")).getText()).contains("Point d'accueil numérique",
        "Accueil des étrangers");
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.id("issue-ticket")).click();
    assertThat(browser.waitForText(By.id("error"), "Choisissez").getText()).contains("Choose a service first");

    browser.driver.findElement(By.cssSelector("label[for=service-titres]")).click();
    browser.driver.findElement(By.id("issue-ticket")).click();
    assertThat(browser.waitForText(By.id("issued-number"), "T003").getText()).isEqualTo("T003");
    assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
    assertThat(browser.driver.findElement(By.id("issued-wait")).getText())
        .startsWith("2 personnes avant ce ticket ; attente médiane : pas encore mesurée aujourd’hui.")
        .contains("2 people ahead");
    WebElement print = browser.driver.findElement(By.id("print-ticket"));
    assertThat(print.getAttribute("href")).endsWith("?print=1").contains("/tickets/");
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(print);
    browser.waitForText(By.id("wait-titres"), "3 personnes en attente");
    assertThat(browser.driver.findElement(By.id("result")).getAttribute("aria-live")).isEqualTo("polite");
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.cssSelector("label[for=service-pan]")).click();
    browser.driver.findElement(By.id("issue-ticket")).click();
    browser.waitForText(By.id("issued-number"), "P001");
    assertThat(browser.driver.findElement(By.id("issued-wait")).getText())
        .startsWith("Aucune personne avant ce ticket");
  }

  @Test
  void managers_open_the_reception_desk_and_guards_do_not() {
    server.createUser("mia", "manager");
    String manager = server.login("mia", "password-of-mia").orElseThrow();
    assertThat(server.client.get("/reception").putHeader("Cookie", manager).send().await().statusCode())
        .isEqualTo(200);
    server.createUser("gus", "guard");
    String guard = server.login("gus", "password-of-gus").orElseThrow();
    assertThat(server.client.get("/reception").putHeader("Cookie", guard).send().await().statusCode()).isEqualTo(403);
    assertThat(server.client.get("/").send().await().bodyAsString()).contains("href=\"/reception\"");
  }
}
