package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The SQLite store: a JDBC pool whose every connection gets the durability pragmas. */
public final class Database {
  private Database() {}

  /**
   * WAL with synchronous=FULL makes every commit durable before it is acknowledged; immediate
   * transactions take the write lock up front so that two writers never deadlock on upgrade.
   *
   * <p>One write connection: SQLite has one writer. vertx-sql-client 5.0.7 runs each pooled connection on a
   * context of its own (measured), so a second writer connection would not add parallelism but wait for the
   * write lock in SQLite's sleeping busy handler, holding a worker thread (measured on the gate's scans: p99
   * ten times worse). Requests wait for the connection instead,
   * without blocking anything. See {@link SqliteDataSource} for the auto-commit fix.
   */
  public static Pool open(Vertx vertx, Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath()
        + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
        + "&transaction_mode=IMMEDIATE";
    return JDBCPool.pool(vertx, new SqliteDataSource(url),
        new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(10_000).setName("accueil-sqlite"));
  }

  /**
   * A pool of read-only connections ({@code PRAGMA query_only}) for long reads such as indicator
   * reports: WAL readers never wait for the writer, and the writer never waits for them.
   *
   * <p>What holds back writes is the store's one write connection, not the JDBC pool's worker
   * queues: vertx-sql-client 5.0.7 creates each pooled connection on a new context of its own (on
   * the caller's event loop), and a connection's statements queue only on its own context. Measured
   * by {@code db/ReadPoolTest} on 2 shared cores: during a 1.8-3.5 s read on this pool, writes on the
   * write pool take 0-40 ms each, the same as with a second pool opened on the writer's
   * context; the same read on the write pool makes the first write wait for the whole read.
   */
  public static Pool openReadOnly(Vertx vertx, Path file, int connections) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=10000&cache_size=-65536";
    return JDBCPool.pool(vertx, new SqliteDataSource(url, List.of("PRAGMA query_only = true")),
        new PoolOptions().setMaxSize(connections).setMaxWaitQueueSize(10_000).setName("accueil-sqlite-read"));
  }

  /**
   * Runs reads in one snapshot: a read transaction (deferred BEGIN ... COMMIT), so that the several
   * statements of a report see the store as of one instant, never half of a rollup being rebuilt.
   */
  public static <T> Future<T> snapshot(Pool readers, Function<SqlConnection, Future<T>> work) {
    return readers.withConnection(conn -> conn.query("BEGIN").execute()
        .compose(begun -> work.apply(conn))
        .compose(
            result -> conn.query("COMMIT").execute().map(result),
            failure -> conn.query("ROLLBACK").execute()
                .transform(rolledBack -> Future.<T>failedFuture(failure))));
  }

  /**
   * Runs the work in one write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on failure): the
   * house way to write several rows at once. The statements are ours rather than the pool's
   * setAutoCommit(false) dance, which vertx-jdbc-client 5.0.7 gets wrong (it leaves connections
   * with auto-commit off: acknowledged writes were lost at restart); {@link SqliteDataSource} also
   * guards any Pool.withTransaction against that bug.
   */
  public static <T> Future<T> transaction(Pool pool, Function<SqlConnection, Future<T>> work) {
    return pool.withConnection(conn -> conn.query("BEGIN IMMEDIATE").execute()
        .compose(begun -> work.apply(conn))
        .compose(
            result -> conn.query("COMMIT").execute().map(result),
            failure -> conn.query("ROLLBACK").execute()
                .transform(rolledBack -> Future.<T>failedFuture(failure))));
  }

  public static Future<Void> migrate(Vertx vertx, Pool pool) {
    return Migrations.apply(vertx, pool);
  }
}
