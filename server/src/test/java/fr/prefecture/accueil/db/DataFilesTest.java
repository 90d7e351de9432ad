package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.prefecture.accueil.backup.Backup;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The store, its WAL and shared memory, the keys and the backups are private to the server's account. */
@ExtendWith(VertxExtension.class)
class DataFilesTest {
  private static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  @Test
  void the_data_folder_its_store_files_keys_and_backups_are_0700_and_0600(Vertx vertx) throws Exception {
    Path data = dir.resolve("site/data");
    Path backup = dir.resolve("backups/2026-03-30");
    try (TestServer server = TestServer.start(vertx, data, NOW)) {
      server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
          .put("start", "2026-03-30T09:00").put("visitor", new JsonObject().put("name", "Claire Martin")));
      assertThat(Files.exists(data.resolve("accueil.db-wal"))).as("the WAL is there while the server runs").isTrue();
      assertThat(modes(data)).allSatisfy((path, mode) -> assertThat(mode).as(path)
          .isEqualTo(Files.isDirectory(data.resolve(path)) ? "rwx------" : "rw-------"));
      assertThat(modes(data)).containsKeys("", "accueil.db", "accueil.db-wal", "accueil.db-shm", "keys");
      Backup.backup(data, backup);
    }
    assertThat(mode(dir.resolve("backups"))).isEqualTo("rwx------");
    assertThat(modes(backup)).containsKeys("", "accueil.db", "keys").allSatisfy((path, mode) -> assertThat(mode)
        .as(path).isEqualTo(Files.isDirectory(backup.resolve(path)) ? "rwx------" : "rw-------"));
    Path restored = dir.resolve("restored");
    Backup.restore(backup, restored);
    assertThat(modes(restored)).allSatisfy((path, mode) -> assertThat(mode).as(path)
        .isEqualTo(Files.isDirectory(restored.resolve(path)) ? "rwx------" : "rw-------"));
  }

  @Test
  void a_data_folder_others_may_read_is_named_in_a_warning_at_start(Vertx vertx) throws Exception {
    Path data = dir.resolve("loose");
    try (TestServer server = TestServer.start(vertx, data, NOW)) {
      assertThat(server.get("admin", "/api/site").statusCode()).isEqualTo(200);
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("accueil.db"), PosixFilePermissions.fromString("rw-r--r--"));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try (TestServer server = TestServer.start(vertx, data, NOW)) {
      List<String> warnings = log.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.startsWith("Other local users may read")).toList();
      assertThat(warnings).hasSize(2);
      assertThat(warnings).anyMatch(m -> m.contains(data + " (rwxr-xr-x, expected rwx------)"));
      assertThat(warnings).anyMatch(m -> m.contains(data.resolve("accueil.db") + " (rw-r--r--, expected rw-------)"));
    } finally {
      root.detachAppender(log);
    }
  }

  /** Each path under the folder (relative, "" for itself) with its mode, one level of sub-folders deep. */
  private static Map<String, String> modes(Path folder) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder, 2)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        modes.put(folder.relativize(path).toString(), mode(path));
      }
    }
    return modes;
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
