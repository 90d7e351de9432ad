package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write is committed at once: another connection (as another process would)
 * sees it while the server still runs. Guards against pooled connections left inside a transaction.
 */
@ExtendWith(VertxExtension.class)
class CommittedWritesTest {
  @TempDir
  Path dir;

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accueil.db"));
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void acknowledged_writes_are_visible_to_another_connection_while_the_server_runs(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-28T08:00:00Z"))) {
      assertThat(count("SELECT COUNT(*) FROM staff")).isEqualTo(1);
      for (int i = 0; i < 8; i++) {
        server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
            .put("start", "2026-03-30T09:0" + i).put("visitor", new JsonObject().put("name", "V" + i)));
      }
      server.post("manager", "/api/appointments", new JsonArray()
          .add(new JsonObject().put("service", "titres").put("start", "2026-03-30T10:00")
              .put("visitor", new JsonObject().put("name", "Batch")).put("reference", "B-1")));
      assertThat(count("SELECT COUNT(*) FROM appointments")).isEqualTo(9);
      assertThat(count("SELECT COUNT(*) FROM api_tokens")).isGreaterThanOrEqualTo(2);
    }
  }
}
