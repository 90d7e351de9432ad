package fr.prefecture.accueil.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for every test of a class, opened by the first test that asks for it and closed after the
 * last; after each test it is {@linkplain Browser#reset() reset}, so that the next starts as in a fresh browser:
 * {@code @RegisterExtension static final BrowserPerClass BROWSER = new BrowserPerClass();} then
 * {@code BROWSER.get()}.
 */
public final class BrowserPerClass implements AfterEachCallback, AfterAllCallback {
  private Browser browser;

  /** The browser of this class, opened now if no test has asked for it yet (or skipped, see {@link Browser#open}). */
  public Browser get() {
    if (browser == null) {
      browser = Browser.open();
    }
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      try {
        browser.reset();
      } catch (RuntimeException e) {
        // A browser that cannot be reset is not reused: the next test opens another.
        close();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void close() {
    if (browser != null) {
      try {
        browser.close();
      } finally {
        browser = null;
      }
    }
  }
}
