package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

@ExtendWith(VertxExtension.class)
class LoginPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void signs_in_and_returns_to_the_page_asked_for_and_is_accessible(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      browser.get(server.baseUrl() + "/login");
      assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      assertThat(browser.accessibilityViolations()).isEmpty();

      browser.driver.findElement(By.id("username")).sendKeys("admin");
      browser.driver.findElement(By.id("password")).sendKeys("wrong password!");
      browser.driver.findElement(By.cssSelector("#login button[type=submit]")).click();
      assertThat(browser.waitForText(By.id("login-error"), "incorrect").getText()).contains("Wrong username");

      browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/");
      assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.baseUrl() + "/");
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }
}
