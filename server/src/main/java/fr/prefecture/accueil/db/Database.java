package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
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
   * <p>One connection: the JDBC pool runs the statements of a verticle's connections one after the
   * other on one ordered worker queue, so more connections add no parallelism, and a second
   * connection waiting for SQLite's write lock would block the very queue the lock holder needs to
   * finish (a stall until the busy timeout). Requests wait for the connection instead, without
   * blocking any thread.
   */
  public static Pool open(Vertx vertx, Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath()
        + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
        + "&transaction_mode=IMMEDIATE";
    return JDBCPool.pool(vertx,
        new JDBCConnectOptions().setJdbcUrl(url),
        new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(10_000).setName("accueil-sqlite"));
  }

  /**
   * Runs the work in one write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on failure).
   * We issue the statements ourselves instead of using Pool.withTransaction: through the JDBC pool,
   * a connection that has been in a transaction went back to the pool with auto-commit off, and
   * later single writes on it were never committed (seen here: acknowledged rows lost at restart).
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
