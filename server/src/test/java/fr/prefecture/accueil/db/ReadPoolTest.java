package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read pool: read-only, one snapshot per {@link Database#snapshot}, and a long read on it does
 * not hold back the writes of the write pool opened on the same Vert.x context (as the server does).
 */
@ExtendWith(VertxExtension.class)
class ReadPoolTest {
  /** About 2-3 s of SQLite work on this machine, and no table touched. */
  static final String LONG_READ = """
      WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 12000000) SELECT SUM(x) FROM c""";

  @TempDir
  Path dir;
  Path file;
  Context context;

  @BeforeEach
  void store(Vertx vertx) {
    file = dir.resolve("accueil.db");
    context = vertx.getOrCreateContext();
  }

  @Test
  void a_long_read_on_the_read_pool_does_not_delay_writes_on_the_write_pool(Vertx vertx) {
    Timing t = on(() -> {
      Pool writer = Database.open(vertx, file);
      return writer.query("CREATE TABLE t (x INTEGER)").execute()
          .compose(v -> measure(vertx, writer, Database.openReadOnly(vertx, file, 2)));
    });
    System.out.printf("read pool: long read %d ms, writes meanwhile %s ms%n", t.readMillis, t.writeMillis);
    assertThat(t.readMillis).as("the read is long enough to measure").isGreaterThan(800);
    assertThat(t.writesDoneBeforeRead).as("every write finished while the read still ran").isTrue();
    assertThat(t.writeMillis).allSatisfy(ms -> assertThat(ms).isLessThan(t.readMillis / 3));
  }

  @Test
  void readers_on_the_writers_context_run_beside_it_and_the_write_pool_alone_would_hold_the_writes_back(Vertx vertx) {
    // vertx-sql-client 5.0.7 gives each new pooled connection a context of its own (on the caller's
    // event loop), so a second pool opened on the writer's context does not queue behind it either...
    Timing beside = on(() -> {
      Pool writer = Database.open(vertx, file);
      Pool sameContext = JDBCPool.pool(vertx, new SqliteDataSource("jdbc:sqlite:" + file.toAbsolutePath(),
          List.of("PRAGMA query_only = true")), new PoolOptions().setMaxSize(2));
      return writer.query("CREATE TABLE t (x INTEGER)").execute().compose(v -> measure(vertx, writer, sameContext));
    });
    // ...while the same read on the store's one write connection makes every write wait for it.
    Timing alone = on(() -> {
      Pool writer = Database.open(vertx, file);
      return measure(vertx, writer, writer);
    });
    System.out.printf("second pool on the writer's context: read %d ms, writes %s ms; read on the write pool: "
        + "read %d ms, writes %s ms%n", beside.readMillis, beside.writeMillis, alone.readMillis, alone.writeMillis);
    assertThat(beside.writesDoneBeforeRead).isTrue();
    assertThat(alone.writesDoneBeforeRead).isFalse();
    assertThat(alone.writeMillis.get(0)).isGreaterThan(alone.readMillis / 2);
  }

  @Test
  void the_read_pool_refuses_writes_and_a_snapshot_does_not_see_later_commits(Vertx vertx) {
    List<Long> counts = on(() -> {
      Pool writer = Database.open(vertx, file);
      Pool readers = Database.openReadOnly(vertx, file, 2);
      return writer.query("CREATE TABLE t (x INTEGER)").execute()
          .compose(v -> writer.query("INSERT INTO t VALUES (1)").execute())
          .compose(v -> readers.query("INSERT INTO t VALUES (2)").execute()
              .transform(r -> Future.succeededFuture(r.succeeded() ? -1L : 0L)))
          .compose(refused -> Database.snapshot(readers, conn -> {
            List<Long> seen = new ArrayList<>(List.of(refused));
            return conn.query("SELECT COUNT(*) FROM t").execute()
                .map(rows -> seen.add(rows.iterator().next().getLong(0)))
                .compose(v -> writer.query("INSERT INTO t VALUES (3)").execute())
                .compose(v -> conn.query("SELECT COUNT(*) FROM t").execute())
                .map(rows -> seen.add(rows.iterator().next().getLong(0)))
                .map(v -> seen);
          }))
          .compose(seen -> readers.query("SELECT COUNT(*) FROM t").execute()
              .map(rows -> {
                seen.add(rows.iterator().next().getLong(0));
                return seen;
              }));
    });
    assertThat(counts.get(0)).as("a write through the read pool fails").isZero();
    assertThat(counts.subList(1, 4)).containsExactly(1L, 1L, 2L);
  }

  record Timing(long readMillis, List<Long> writeMillis, boolean writesDoneBeforeRead) {}

  /** Starts the long read, then after 300 ms ten writes one after the other, each timed. */
  private Future<Timing> measure(Vertx vertx, Pool writer, Pool readers) {
    long start = System.nanoTime();
    Future<Long> read = Database.snapshot(readers, conn -> conn.query(LONG_READ).execute())
        .map(rows -> (System.nanoTime() - start) / 1_000_000);
    Promise<List<Long>> writes = Promise.promise();
    vertx.setTimer(300, id -> {
      List<Long> millis = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < 10; i++) {
        int n = i;
        chain = chain.compose(v -> {
          long before = System.nanoTime();
          return writer.query("INSERT INTO t VALUES (" + n + ")").execute()
              .map(r -> millis.add((System.nanoTime() - before) / 1_000_000)).mapEmpty();
        });
      }
      chain.map(v -> millis).onComplete(writes);
    });
    Future<Long> writesEnd = writes.future().map(v -> (System.nanoTime() - start) / 1_000_000);
    return Future.all(read, writesEnd).map(v -> new Timing(read.result(), writes.future().result(),
        writesEnd.result() < read.result()));
  }

  private <T> T on(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future().await();
  }
}
