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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** Every page of the product, opened by an admin, passes axe-core's WCAG A/AA rules and declares its language. */
@ExtendWith(VertxExtension.class)
class EveryPageAccessibilityTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  @TempDir
  Path dir;

  @Test
  void every_page_passes_axe_core_and_has_a_lang_attribute(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"))) {
      Browser browser = BROWSER.get();
      long appointment = server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
          .put("start", "2026-03-30T09:20").put("visitor", new JsonObject().put("name", "Nguyễn Thị Lan")
              .put("email", "lan@example.org")))
          .bodyAsJsonObject().getLong("id");
      long invitation = server.post("manager", "/api/invitations", new JsonObject().put("event", "Comité des usagers")
          .put("start", "2026-03-30T14:00").put("end", "2026-03-30T16:00").put("location", "Salle du comité")
          .put("guest", new JsonObject().put("name", "Marie Curie"))).bodyAsJsonObject().getLong("id");
      long ticket = server.post("agent", "/api/queues/titres/tickets", null).bodyAsJsonObject().getLong("id");

      browser.login(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, "/");
      List<String> pages = List.of("/", "/login", "/pair", "/admin", "/admin/messages", "/admin/screens", "/dashboard",
          "/operations", "/kiosk", "/counter", "/pan", "/reception", "/evacuation", "/convocations/" + appointment,
          "/convocations/invitations/" + invitation,
          "/tickets/" + ticket, "/affluence", "/screens/hall-a-entree", "/screens/attente-etrangers",
          "/screens/annexe-b",
          "/no-such-page");
      List<String> problems = new ArrayList<>();
      for (String page : pages) {
        browser.get(server.baseUrl() + page);
        browser.settle();
        String lang = browser.driver.findElement(By.tagName("html")).getAttribute("lang");
        if (lang == null || lang.isBlank()) {
          problems.add(page + ": no lang attribute");
        }
        browser.accessibilityViolations().forEach(v -> problems.add(page + ": " + v));
      }
      assertThat(problems).isEmpty();
    }
  }
}
