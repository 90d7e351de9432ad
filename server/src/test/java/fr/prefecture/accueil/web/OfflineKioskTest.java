package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The kiosk with the server stopped: it decides alone from its pack, queues, and replays when the server is back. */
@ExtendWith(VertxExtension.class)
class OfflineKioskTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  static long appointment(TestServer server, String start, String name) {
    return server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", name))).bodyAsJsonObject().getLong("id");
  }

  static String code(TestServer server, long id) {
    return server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject().getString("code");
  }

  private static void scan(Browser browser, String code) {
    browser.driver.findElement(By.id("code")).sendKeys(code + Keys.ENTER);
  }

  private static String queue(Browser browser) {
    return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open('accueil-kiosk', 1);
        open.onsuccess = () => {
          const all = open.result.transaction('scans').objectStore('scans').getAll();
          all.onsuccess = () => done(JSON.stringify(all.result.filter((r) => !r.synced)));
        };""");
  }

  @Test
  void offline_the_kiosk_decides_alone_then_each_queued_scan_is_recorded_once_with_its_instant(Vertx vertx)
      throws Exception {
    int port = TestServer.freePort();
    Path data = dir.resolve("data");
    Instant started = Instant.now();
    TestServer server = TestServer.start(vertx, data, NOW, TestServer.CONFIG, port);
    Browser browser = BROWSER.get();
    try {
      String online = code(server, appointment(server, "2026-03-30T09:05", "Jean Enligne"));
      String valid = code(server, appointment(server, "2026-03-30T09:10", "Amina Benali"));
      long cancelledId = appointment(server, "2026-03-30T09:20", "Paul Annulé");
      String cancelled = code(server, cancelledId);
      server.post("manager", "/api/appointments/" + cancelledId + "/cancel", new JsonObject());
      String password = server.createUser("garde", "guard");
      browser.login(server.baseUrl(), "garde", password, "/kiosk");
      browser.waitForText(By.id("pack-status"), "à jour de");
      scan(browser, online);
      browser.waitForText(By.id("verdict-word"), "ADMIS");

      server.close();
      server = null;
      // Offline too, the guard counts a companion (within the service's maximum of one).
      browser.driver.findElement(By.id("companions-more")).click();
      scan(browser, valid);
      browser.waitForText(By.id("verdict-reason"), "Hors ligne");
      assertThat(browser.driver.findElement(By.id("verdict-word")).getText()).isEqualTo("ADMIS");
      assertThat(browser.driver.findElement(By.id("verdict-name")).getText()).contains("Amina Benali");
      assertThat(browser.driver.findElement(By.id("offline-banner")).isDisplayed()).isTrue();
      assertThat(browser.driver.findElement(By.id("offline-banner")).getText()).contains("HORS LIGNE")
          .contains("OFFLINE");

      scan(browser, cancelled);
      browser.waitForText(By.id("verdict-word"), "REFUSÉ");
      assertThat(browser.driver.findElement(By.id("verdict-reason")).getText()).contains("annulée");
      browser.waitForText(By.id("queue-count"), "2 passage(s)");

      browser.driver.findElement(By.id("evacuation-toggle")).click();
      browser.waitForText(By.id("evacuation-count"), "3");
      assertThat(browser.driver.findElement(By.id("evacuation-body")).getText())
          .contains("Jean Enligne").contains("Amina Benali + 1 accompagnateur").doesNotContain("Paul");
      assertThat(browser.accessibilityViolations()).isEmpty();

      JsonArray queued = new JsonArray(queue(browser));
      assertThat(queued).hasSize(2);
      Map<String, Long> instants = queued.stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(q -> q.getString("scanId"), q -> q.getLong("at")));

      server = TestServer.start(vertx, data, NOW.plus(Duration.between(started, Instant.now())), TestServer.CONFIG,
          port);
      browser.waiting(Duration.ofSeconds(30))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline-banner")));
      browser.waiting(Duration.ofSeconds(10)).until(d -> queue(browser).equals("[]"));

      JsonArray log = server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray();
      for (var entry : instants.entrySet()) {
        List<JsonObject> mine = log.stream().map(JsonObject.class::cast)
            .filter(s -> s.getString("scanId").equals(entry.getKey())).toList();
        assertThat(mine).as("scan " + entry.getKey()).hasSize(1);
        assertThat(Instant.parse(mine.get(0).getString("at"))).isEqualTo(Instant.ofEpochMilli(entry.getValue()));
        assertThat(mine.get(0).getBoolean("offline")).isTrue();
      }
      assertThat(log.stream().map(JsonObject.class::cast).filter(s -> s.getBoolean("offline"))
          .map(s -> s.getString("decision") + "/" + s.getString("reason")).sorted().toList())
          .containsExactly("admit/ok", "refuse/cancelled");

      // A second replay of the same scans records nothing new.
      for (Object o : queued) {
        JsonObject q = (JsonObject) o;
        server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", q.getString("code"))
            .put("gate", q.getString("gate")).put("direction", q.getString("direction"))
            .put("scanId", q.getString("scanId"))
            .put("offline", new JsonObject().put("at", Instant.ofEpochMilli(q.getLong("at")).toString())
                .put("decision", q.getString("decision")).put("reason", q.getString("reason"))));
      }
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray()).hasSize(log.size());
      assertThat(server.get("guard", "/api/site/inside").bodyAsJsonObject().getInteger("count")).isEqualTo(3);
      assertThat(log.stream().map(JsonObject.class::cast).filter(s -> s.getBoolean("offline"))
          .mapToInt(s -> s.getInteger("companions")).sum()).as("the companion replayed").isEqualTo(1);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void a_pack_older_than_the_limit_is_not_trusted_even_after_an_offline_reload(Vertx vertx) throws Exception {
    int port = TestServer.freePort();
    TestServer server = TestServer.start(vertx, dir.resolve("data"), NOW, TestServer.CONFIG, port);
    Browser browser = BROWSER.get();
    String valid = code(server, appointment(server, "2026-03-30T09:10", "Amina Benali"));
    String password = server.createUser("garde", "guard");
    browser.login(server.baseUrl(), "garde", password, "/kiosk");
    browser.waitForText(By.id("pack-status"), "à jour de");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    assertThat(js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(() => done('ready'));""")).isEqualTo("ready");
    server.close();

    // Three hours pass without a refresh: age the stored pack as the clock would.
    assertThat(js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open('accueil-kiosk', 1);
        open.onsuccess = () => {
          const store = open.result.transaction('pack', 'readwrite').objectStore('pack');
          const get = store.get('current');
          get.onsuccess = () => {
            const p = get.result;
            p.generatedAt -= 3 * 3600 * 1000;
            p.fetchedAt -= 3 * 3600 * 1000;
            store.put(p, 'current').onsuccess = () => done('aged');
          };
        };""")).isEqualTo("aged");
    browser.get(server.baseUrl() + "/kiosk");
    browser.waitForText(By.id("stale-banner"), "DONNÉES TROP ANCIENNES");
    assertThat(browser.driver.findElement(By.id("stale-banner")).getText()).contains("TOO OLD TO BE TRUSTED");
    scan(browser, valid);
    browser.waitForText(By.id("verdict-word"), "À VÉRIFIER");
    assertThat(browser.driver.findElement(By.id("verdict-word-en")).getText()).contains("CHECK BY HAND");
    assertThat(browser.driver.findElement(By.id("verdict-reason")).getText()).contains("trop anciennes");
    assertThat(queue(browser)).isEqualTo("[]");
  }
}
