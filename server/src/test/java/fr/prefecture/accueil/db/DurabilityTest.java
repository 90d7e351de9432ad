package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write outside a transaction is committed, even on a connection that ran a transaction before. */
@ExtendWith(VertxExtension.class)
class DurabilityTest {
  @TempDir
  Path dir;

  @Test
  void a_plain_write_after_a_transaction_survives_closing_the_pool_and_pragmas_hold(Vertx vertx) {
    Path file = dir.resolve("accueil.db");
    Pool pool = Database.open(vertx, file);
    Database.migrate(vertx, pool).await();
    pool.query("INSERT INTO audit_log (at, action) VALUES (1, 'after-migrations')").execute().await();
    pool.withTransaction(c -> c.query("INSERT INTO audit_log (at, action) VALUES (2, 'in-transaction')").execute())
        .await();
    pool.query("INSERT INTO audit_log (at, action) VALUES (3, 'after-a-transaction')").execute().await();
    pool.close().await();

    Pool reopened = Database.open(vertx, file);
    for (int i = 0; i < 4; i++) {
      assertThat(reopened.query("PRAGMA synchronous").execute().await().iterator().next().getInteger(0)).isEqualTo(2);
      assertThat(reopened.query("PRAGMA foreign_keys").execute().await().iterator().next().getInteger(0)).isEqualTo(1);
      assertThat(reopened.query("PRAGMA journal_mode").execute().await().iterator().next().getString(0))
          .isEqualTo("wal");
    }
    long rows = reopened.query("SELECT COUNT(*) AS n FROM audit_log").execute().await().iterator().next().getLong("n");
    reopened.close().await();
    assertThat(rows).isEqualTo(3);
  }
}
