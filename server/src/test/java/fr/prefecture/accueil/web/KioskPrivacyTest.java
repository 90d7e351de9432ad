package fr.prefecture.accueil.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Browser;
import fr.prefecture.accueil.support.SharedBrowser;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the kiosk's browser keeps of the visitors (issue 12, point 6): after the device is revoked, nothing; after a
 * guard signs out, no name, but the device stays paired and its unsent offline scans stay.
 */
@ExtendWith(VertxExtension.class)
class KioskPrivacyTest {
  @RegisterExtension
  static final SharedBrowser BROWSER = new SharedBrowser();
  static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");
  static final List<String> NAMES = List.of("Yasmine Kerbrat", "Octave Lemarchal", "Lucie Lendemain");

  @TempDir
  Path dir;

  /** Every IndexedDB database and store, local and session storage, Cache Storage and the page's cookies. */
  static String everythingStored(Browser browser) {
    return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const req = (r) => new Promise((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        (async () => {
          const out = [];
          for (const info of await indexedDB.databases()) {
            const db = await req(indexedDB.open(info.name));
            for (const store of db.objectStoreNames) {
              const all = await req(db.transaction(store).objectStore(store).getAll());
              out.push('idb ' + info.name + '/' + store + ' ' + JSON.stringify(all));
            }
            db.close();
          }
          for (const s of [localStorage, sessionStorage]) {
            for (let i = 0; i < s.length; i++) {
              out.push('storage ' + s.key(i) + '=' + s.getItem(s.key(i)));
            }
          }
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              out.push('cache ' + name + ' ' + request.url + ' ' + (await (await cache.match(request)).text()));
            }
          }
          out.push('cookies ' + document.cookie);
          return out.join('\\n');
        })().then(done, (e) => done('failed: ' + e));""");
  }

  private static String unsent(Browser browser) {
    return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/static/kiosk/store.js').then((s) => s.unsyncedScans())
          .then((all) => done(all.map((r) => r.scanId).join(',')), (e) => done('failed: ' + e));""");
  }

  private static long appointment(TestServer server, String start, String name) {
    return server.post("manager", "/api/appointments", new JsonObject().put("service", "etrangers")
        .put("start", start).put("visitor", new JsonObject().put("name", name))).bodyAsJsonObject().getLong("id");
  }

  private static void book(TestServer server) {
    appointment(server, "2026-03-30T09:10", NAMES.get(0));
    appointment(server, "2026-03-30T10:40", NAMES.get(1));
    appointment(server, "2026-03-31T09:10", NAMES.get(2));
  }

  /** Pairs this browser as the kiosk of the north gate, from the /pair page, and waits for its offline pack. */
  private static void pair(TestServer server, Browser browser) {
    String code = server.post("admin", "/api/devices", new JsonObject().put("kind", "kiosk")
        .put("gate", "guerite-nord").put("name", "Guérite nord")).bodyAsJsonObject().getString("code");
    browser.get(server.baseUrl() + "/pair");
    browser.driver.findElement(By.id("pair-code")).sendKeys(code);
    browser.driver.findElement(By.cssSelector("#pair-form button[type=submit]")).click();
    browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/kiosk"));
    browser.waitForText(By.id("pack-status"), "à jour de");
    assertThat(((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(() => done('ready'));""")).isEqualTo("ready");
  }

  private static long onlyDevice(TestServer server) {
    return server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getLong("id");
  }

  @Test
  void after_revocation_the_browser_holds_no_visitor_name_and_no_device_cookie(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      Browser browser = BROWSER.get();
      book(server);
      pair(server, browser);
      String before = everythingStored(browser);
      assertThat(before).as("the pack is stored").contains(NAMES.get(0)).contains(NAMES.get(1))
          .as("tomorrow's visitors are not").doesNotContain(NAMES.get(2));
      assertThat(before).contains("cache accueil-kiosk");

      assertThat(server.as("admin", HttpMethod.DELETE, "/api/devices/" + onlyDevice(server), null).statusCode())
          .isEqualTo(200);
      browser.get(server.baseUrl() + "/kiosk");
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));

      String after = everythingStored(browser);
      assertThat(after).doesNotStartWith("failed");
      for (String name : NAMES) {
        assertThat(after).doesNotContain(name).doesNotContain(name.split(" ")[1]);
      }
      assertThat(after).doesNotContain("idb accueil-kiosk/pack {").doesNotContain("cache accueil-kiosk");
      assertThat(browser.driver.manage().getCookieNamed("accueil_device")).isNull();
      assertThat(browser.driver.manage().getCookies()).extracting(Cookie::getValue)
          .noneMatch(v -> NAMES.stream().anyMatch(v::contains));
    }
  }

  @Test
  void a_guard_signing_out_leaves_no_name_but_the_device_paired_and_its_unsent_scans(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      Browser browser = BROWSER.get();
      book(server);
      long id = appointment(server, "2026-03-30T08:50", "Paul Horsligne");
      String code = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
          .getString("code");
      pair(server, browser);
      String password = server.createUser("garde", "guard");
      browser.login(server.baseUrl(), "garde", password, "/kiosk");
      browser.waitForText(By.id("pack-status"), "à jour de");
      // A scan decided offline a minute ago (by the server's clock) and not sent yet: its code, no name.
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      assertThat(js.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const [code, id] = arguments;
          Promise.all([import('/static/kiosk/store.js'), import('/static/kiosk/state.js')])
            .then(([s, state]) => s.putScan({ scanId: 'offline-1', code,
            at: state.kioskNow() - 60000, gate: 'guerite-nord', direction: 'in', decision: 'admit', reason: 'ok',
            kind: 'appointment', id, companions: 0, synced: false, offline: true }))
            .then(() => done('queued'), (e) => done('failed: ' + e));""", code, id)).isEqualTo("queued");
      assertThat(everythingStored(browser)).contains(NAMES.get(0));

      browser.waitForText(By.id("sign-out"), "Se déconnecter").click();
      browser.waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));

      String after = everythingStored(browser);
      for (String name : List.of(NAMES.get(0), NAMES.get(1), "Paul Horsligne")) {
        assertThat(after).doesNotContain(name);
      }
      assertThat(unsent(browser)).isEqualTo("offline-1");
      assertThat(browser.driver.manage().getCookieNamed("accueil_session")).isNull();
      assertThat(browser.driver.manage().getCookieNamed("accueil_device")).isNotNull();
      assertThat(server.get("admin", "/api/devices").bodyAsJsonArray().getJsonObject(0).getString("state"))
          .isEqualTo("paired");

      // Still paired: the kiosk opens as its device and sends the scan kept for it.
      browser.get(server.baseUrl() + "/kiosk");
      browser.waitForText(By.id("pack-status"), "à jour de");
      assertThat(browser.driver.getCurrentUrl()).endsWith("/kiosk");
      browser.waiting(Duration.ofSeconds(10)).until(d -> unsent(browser).isEmpty());
      assertThat(server.get("manager", "/api/scans?date=2026-03-30").bodyAsJsonArray().stream()
          .map(JsonObject.class::cast).map(s -> s.getString("scanId"))).contains("offline-1");
    }
  }
}
