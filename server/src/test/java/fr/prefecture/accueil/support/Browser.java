package fr.prefecture.accueil.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through /usr/bin/chromedriver (nothing downloaded),
 * with the login step and an axe-core accessibility check shared by the page tests.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of("../tools/browser/node_modules/axe-core/axe.min.js");

  /** The window every test starts with (a test that resizes it gets it back at {@link #reset()}). */
  static final org.openqa.selenium.Dimension WINDOW = new org.openqa.selenium.Dimension(1280, 900);

  public final WebDriver driver;

  private Browser(WebDriver driver) {
    this.driver = driver;
  }

  /** Opens a browser, or skips the test where Chromium is absent (fails instead on CI). */
  public static Browser open() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("ACCUEIL_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed: browser test skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=fr-FR",
        "--autoplay-policy=no-user-gesture-required");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  public void get(String url) {
    driver.get(url);
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Waits (up to 10 s) until the element's text contains the expected text, and returns it. */
  public WebElement waitForText(By by, String expected) {
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
    return driver.findElement(by);
  }

  /**
   * Types as a person does, one key every 150 ms, into the focused element: the kiosk tells a person from a
   * keyboard-wedge scanner (a few milliseconds a key) by timing alone, and moves a scanner's keys to its code field.
   */
  public void typeLikeAPerson(String text) throws InterruptedException {
    for (char c : text.toCharArray()) {
      new Actions(driver).sendKeys(String.valueOf(c)).perform();
      Thread.sleep(150);
    }
  }

  /**
   * Types as a keyboard-wedge scanner does: the whole text then Enter, 4 ms a key, into the focused element. The
   * keys carry their own timestamps (Chrome DevTools' Input.dispatchKeyEvent), as a scanner's hardware gives
   * them, so that a busy test machine delivering them late does not make them look like a person's.
   */
  public void typeLikeAScanner(String text) {
    ChromiumDriver chromium = (ChromiumDriver) driver;
    double at = System.currentTimeMillis() / 1000.0;
    for (char c : text.toCharArray()) {
      String key = String.valueOf(c);
      chromium.executeCdpCommand("Input.dispatchKeyEvent",
          Map.of("type", "keyDown", "key", key, "text", key, "unmodifiedText", key, "timestamp", at));
      chromium.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "timestamp", at));
      at += 0.004;
    }
    chromium.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", "Enter", "code", "Enter",
        "windowsVirtualKeyCode", 13, "text", "\r", "timestamp", at));
    chromium.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "Enter", "code", "Enter",
        "windowsVirtualKeyCode", 13, "timestamp", at));
  }

  /**
   * Waits until the current page has loaded and its scripts have stopped changing it (no DOM change for 100 ms),
   * at most 5 s: a page that keeps changing (a clock, a live screen) is taken as it is then.
   */
  public void settle() {
    ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const settle = () => {
          let quiet;
          let limit;
          const finish = (settled) => {
            observer.disconnect();
            clearTimeout(quiet);
            clearTimeout(limit);
            done(settled);
          };
          const restart = () => {
            clearTimeout(quiet);
            quiet = setTimeout(() => finish(true), 100);
          };
          const observer = new MutationObserver(restart);
          observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
          restart();
          limit = setTimeout(() => finish(false), 5000);
        };
        if (document.readyState === 'complete') {
          settle();
        } else {
          window.addEventListener('load', settle, {once: true});
        }""");
  }

  /** Signs in through the login page, then goes to the given path of the server. */
  public void login(String baseUrl, String username, String password, String path) {
    driver.get(baseUrl + "/login?next=" + path);
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("#login button[type=submit]")).click();
    waiting(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /**
   * Runs axe-core (WCAG 2 A/AA rules) on the current page and returns the serious and critical
   * violations as "rule: target" lines. Skips the check where axe-core is not installed.
   */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() throws Exception {
    boolean present = Files.isRegularFile(AXE);
    if (!present && "1".equals(System.getenv("ACCUEIL_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("axe-core missing: run npm install in tools/browser");
    }
    Assumptions.assumeTrue(present, "axe-core not installed (npm install in tools/browser): check skipped");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(Files.readString(AXE));
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    return new ArrayList<>((List<String>) result);
  }

  /**
   * Back to the state of a fresh browser for the next test of a class: no cookie, and nothing stored (IndexedDB,
   * local storage, caches, service worker) for the origin of the page last shown; then a blank page.
   */
  public void reset() {
    ChromeDriver chrome = (ChromeDriver) driver;
    String url = driver.getCurrentUrl();
    driver.get("about:blank");
    if (url != null && url.startsWith("http")) {
      java.net.URI uri = java.net.URI.create(url);
      chrome.executeCdpCommand("Storage.clearDataForOrigin",
          java.util.Map.of("origin", uri.getScheme() + "://" + uri.getAuthority(), "storageTypes", "all"));
    }
    chrome.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    chrome.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
    driver.manage().window().setSize(WINDOW);
  }

  @Override
  public void close() {
    driver.quit();
  }

}
