package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The admin page in a real browser, and who may open it; one server for both tests (other accounts). */
class AdminPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-30T07:00:00Z"));
  final TestServer server = SERVER.get();

  @Test
  void an_admin_creates_an_account_from_the_page_and_it_can_sign_in() throws Exception {
    Browser browser = BROWSER.get();
    browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/admin");
    browser.waitForText(By.id("accounts-body"), "admin");
    browser.waitForText(By.id("accounts-body"), "30/03/2026");
    browser.waitForText(By.id("sessions-body"), "30/03/2026");
    browser.driver.findElement(By.id("account-username")).sendKeys("garde-nord");
    browser.driver.findElement(By.id("account-password")).sendKeys("un mot de passe long");
    new Select(browser.driver.findElement(By.id("account-role"))).selectByValue("guard");
    browser.driver.findElement(By.cssSelector("#new-account button")).click();
    browser.waitForText(By.cssSelector("#new-account .feedback"), "créé");
    browser.waitForText(By.id("accounts-body"), "garde-nord");
    assertThat(server.login("garde-nord", "un mot de passe long")).isPresent();
    assertThat(browser.accessibilityViolations()).isEmpty();

    browser.driver.findElement(By.xpath("//button[contains(., 'Disable garde-nord')]")).click();
    browser.waiting(java.time.Duration.ofSeconds(5))
        .until(d -> d.findElement(By.cssSelector("dialog[open] .danger"))).click();
    browser.waitForText(By.id("accounts-body"), "désactivé");
    assertThat(server.login("garde-nord", "un mot de passe long")).isEmpty();
  }

  @Test
  void the_admin_page_is_for_admins_only() {
    var anonymous = server.client.get("/admin").send().await();
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.getHeader("Location")).startsWith("/login?next=");
    String password = server.createUser("chef", "manager");
    String cookie = server.login("chef", password).orElseThrow();
    var manager = server.client.get("/admin").putHeader("Cookie", cookie).send().await();
    assertThat(manager.statusCode()).isEqualTo(403);
  }
}
