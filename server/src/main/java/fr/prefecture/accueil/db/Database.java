package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.nio.file.Path;
import java.util.function.Function;

/** The SQLite store: a JDBC pool whose every connection gets the durability pragmas. */
public final class Database {
  private Database() {}

  /**
   * WAL with synchronous=FULL makes every commit durable before it is acknowledged; immediate
   * transactions take the write lock up front so that two writers never deadlock on upgrade.
   *
   * <p>One connection: the JDBC pool runs the statements of a verticle's connections one after
   * the other on one ordered worker queue, so more connections add no parallelism, and a second
   * connection waiting for SQLite's write lock would block the queue that the lock holder needs
   * to finish (a deadlock until the busy timeout). Requests wait for the connection instead,
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
