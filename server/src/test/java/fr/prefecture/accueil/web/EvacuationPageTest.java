package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

@ExtendWith(VertxExtension.class)
class EvacuationPageTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void the_evacuation_list_names_everyone_inside_and_not_those_who_left(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      String inside = OfflineKioskTest.code(server,
          OfflineKioskTest.appointment(server, "2026-03-30T09:10", "Amina Benali"));
      String left = OfflineKioskTest.code(server,
          OfflineKioskTest.appointment(server, "2026-03-30T09:15", "Jean Parti"));
      int n = 0;
      for (String[] pass : new String[][]{{inside, "in"}, {left, "in"}, {left, "out"}}) {
        server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", pass[0]).put("gate", "guerite-nord")
            .put("direction", pass[1]).put("scanId", "e-" + n++));
      }
      String password = server.createUser("chef", "manager");
      browser.login(server.baseUrl(), "chef", password, "/evacuation");
      browser.waitForText(By.id("count"), "1");
      String table = browser.driver.findElement(By.id("people")).getText();
      assertThat(table).contains("Amina Benali").contains("Guérite nord").contains("Accueil des étrangers")
          .doesNotContain("Jean Parti");
      // Stamped with the site's clock (the server's --now), in French then English, never the browser's.
      assertThat(browser.driver.findElement(By.id("generated")).getText()).contains("lundi 30 mars 2026, 9 h 00")
          .contains("Generated on Monday 30 March 2026, 09:00");
      assertThat(browser.accessibilityViolations()).isEmpty();
    }
  }
}
