package fr.prefecture.accueil.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for every browser test of the test JVM (the classes of a JVM run one after the other), opened
 * by the first test that asks for it and quit when the JVM ends. After each test it is {@linkplain Browser#reset()
 * reset}, so that the next starts as in a fresh browser: {@code @RegisterExtension static final SharedBrowser BROWSER
 * = new SharedBrowser();} then {@code BROWSER.get()}.
 */
public final class SharedBrowser implements AfterEachCallback {
  private static Browser browser;
  private static boolean hooked;

  /** The browser, opened now if no test has asked for it yet (or skipped, see {@link Browser#open}). */
  public Browser get() {
    synchronized (SharedBrowser.class) {
      if (browser == null) {
        browser = Browser.open();
        if (!hooked) {
          Runtime.getRuntime().addShutdownHook(new Thread(SharedBrowser::close, "quit-shared-browser"));
          hooked = true;
        }
      }
      return browser;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (SharedBrowser.class) {
      if (browser != null) {
        try {
          browser.reset();
        } catch (RuntimeException e) {
          // A browser that cannot be reset is not reused: the next test opens another.
          close();
        }
      }
    }
  }

  private static void close() {
    synchronized (SharedBrowser.class) {
      if (browser != null) {
        try {
          browser.close();
        } catch (RuntimeException e) {
          // Already gone (the JVM is ending, or the browser crashed): nothing left to quit.
        } finally {
          browser = null;
        }
      }
    }
  }
}
