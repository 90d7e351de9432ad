package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A screen whose server goes away keeps its content with a discreet offline mark, reconnects by
 * itself when the server is back, and then shows what changed meanwhile, all without a reload.
 */
@ExtendWith(VertxExtension.class)
class ScreenReconnectTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void a_screen_keeps_its_content_offline_and_catches_up_by_itself_when_the_server_is_back(Vertx vertx)
      throws Exception {
    Instant now = Instant.parse("2026-03-30T08:00:00Z");
    Path data = dir.resolve("data");
    Path config = dir.resolve("open-screens.yaml");
    Files.writeString(config, Files.readString(TestServer.CONFIG)
        .replaceFirst("(?m)^server:\\s*$", "server:\n  screensRequirePairing: false"));
    int port = TestServer.freePort();
    Browser browser = BROWSER.get();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    try (TestServer server = TestServer.start(vertx, data, now, config, port)) {
      browser.get(server.baseUrl() + "/screens/hall-a-entree");
      js.executeScript("window.__sameDocument = true;");
      browser.waiting(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
          js.executeScript("return document.querySelector('.offline-mark').hidden;")));
    }
    browser.waiting(Duration.ofSeconds(20)).until(d -> Boolean.FALSE.equals(
        js.executeScript("return document.querySelector('.offline-mark').hidden;")));
    assertThat(String.valueOf(js.executeScript("return document.getElementById('content').textContent;")))
        .as("the last content stays on screen").contains("Finding your way");

    try (TestServer back = TestServer.start(vertx, data, now, config, port)) {
      assertThat(back.post("manager", "/api/notices", new JsonObject().put("fr", "Réouverture du guichet T3")
          .put("en", "Counter T3 open again").put("to", "2026-03-30T18:00")).statusCode()).isEqualTo(201);
      browser.waiting(Duration.ofSeconds(40)).until(d -> Boolean.TRUE.equals(
          js.executeScript("return document.querySelector('.offline-mark').hidden;")));
      browser.waiting(Duration.ofSeconds(20)).until(d -> String.valueOf(js.executeScript(
          "return document.getElementById('content').textContent;")).contains("Counter T3 open again"));
      assertThat(js.executeScript("return window.__sameDocument === true;")).as("never reloaded").isEqualTo(true);
    }
  }
}
