package fr.prefecture.accueil.support;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for every test of a class, on its own Vert.x and temp directory, started before the first
 * test and closed after the last: {@code @RegisterExtension static final ServerPerClass SERVER =
 * ServerPerClass.at(NOW);} then {@code SERVER.get()}. For classes whose tests keep to their own data (their own
 * names, references, scan ids) on the same clock; a test that needs an empty store or another clock starts its own.
 */
public final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {
  private final Instant now;
  private final String settings;
  private final String[] extraArgs;
  private Vertx vertx;
  private Path dir;
  private TestServer server;

  private ServerPerClass(Instant now, String settings, String... extraArgs) {
    this.now = now;
    this.settings = settings;
    this.extraArgs = extraArgs;
  }

  /** The server as {@link TestServer#start(Vertx, Path, Instant, String...)} starts it. */
  public static ServerPerClass at(Instant now, String... extraArgs) {
    return new ServerPerClass(now, "", extraArgs);
  }

  /** The server as {@link TestServer#startWithSettings(Vertx, Path, Instant, String, String...)} starts it. */
  public static ServerPerClass withSettings(Instant now, String settings, String... extraArgs) {
    return new ServerPerClass(now, settings, extraArgs);
  }

  /** The server as {@link TestServer#startWithOpenScreens(Vertx, Path, Instant, String...)} starts it. */
  public static ServerPerClass withOpenScreens(Instant now, String... extraArgs) {
    return new ServerPerClass(now, "screensRequirePairing: false", extraArgs);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("accueil-" + context.getRequiredTestClass().getSimpleName());
    Path data = dir.resolve("data");
    server = settings.isEmpty()
        ? TestServer.start(vertx, data, now, extraArgs)
        : TestServer.startWithSettings(vertx, data, now, settings, extraArgs);
  }

  public TestServer get() {
    if (server == null) {
      throw new IllegalStateException("ServerPerClass must be a static @RegisterExtension field");
    }
    return server;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      vertx.close().await();
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
