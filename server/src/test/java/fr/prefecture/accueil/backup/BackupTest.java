package fr.prefecture.accueil.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class BackupTest {
  @TempDir
  Path dir;

  @Test
  void a_backup_taken_while_the_server_runs_restores_into_a_working_store(Vertx vertx) throws Exception {
    Instant now = Instant.parse("2026-03-28T08:00:00Z");
    Path live = dir.resolve("live");
    Path backup = dir.resolve("backup-2026-03-28");
    Path restored = dir.resolve("restored");
    try (TestServer server = TestServer.start(vertx, live, now)) {
      for (int i = 0; i < 20; i++) {
        server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
            .put("start", "2026-03-30T09:" + String.format("%02d", i))
            .put("visitor", new JsonObject().put("name", "V" + i)));
      }
      Backup.backup(live, backup);
      server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
          .put("start", "2026-03-30T10:30").put("visitor", new JsonObject().put("name", "After the backup")));
    }
    Backup.restore(backup, restored);
    try (TestServer server = TestServer.start(vertx, restored, now)) {
      assertThat(server.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray()).hasSize(20);
    }
    assertThatThrownBy(() -> Backup.restore(backup, restored)).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> Backup.backup(live, backup)).isInstanceOf(FileAlreadyExistsException.class);
  }
}
