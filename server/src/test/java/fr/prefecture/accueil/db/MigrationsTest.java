package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class MigrationsTest {
  @TempDir
  Path dir;

  @Test
  void an_empty_store_gets_every_migration_once_with_durable_pragmas(Vertx vertx) {
    Pool pool = Database.open(vertx, dir.resolve("a.db"));
    try {
      Database.migrate(vertx, pool).await();
      Database.migrate(vertx, pool).await();
      List<Integer> versions = StreamSupport.stream(pool.query("SELECT version FROM schema_version ORDER BY version")
          .execute().await().spliterator(), false).map(r -> r.getInteger(0)).toList();
      assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
      assertThat(versions.get(0)).isEqualTo(1);
      assertThat(versions).hasSize(Migrations.load().size());
      Row pragmas = pool.query("SELECT * FROM pragma_journal_mode, pragma_synchronous, pragma_foreign_keys")
          .execute().await().iterator().next();
      assertThat(pragmas.getString(0)).isEqualTo("wal");
      assertThat(pragmas.getInteger(1)).isEqualTo(2);
      assertThat(pragmas.getInteger(2)).isEqualTo(1);
    } finally {
      pool.close().await();
    }
  }

  @Test
  void data_survives_a_restart_of_the_server(Vertx vertx) {
    Instant now = Instant.parse("2026-03-28T08:00:00Z");
    try (TestServer first = TestServer.start(vertx, dir, now)) {
      first.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
          .put("start", "2026-03-30T09:00").put("visitor", new JsonObject().put("name", "Persistant")));
    }
    try (TestServer second = TestServer.start(vertx, dir, now)) {
      assertThat(second.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray()).hasSize(1);
    }
  }

  @Test
  void statements_split_on_semicolons_at_line_ends_and_skip_comments() {
    assertThat(Migrations.statements("-- c\nCREATE TABLE a (x TEXT DEFAULT ';');\nCREATE INDEX i ON a(x);\n"))
        .containsExactly("CREATE TABLE a (x TEXT DEFAULT ';')", "CREATE INDEX i ON a(x)");
  }
}
