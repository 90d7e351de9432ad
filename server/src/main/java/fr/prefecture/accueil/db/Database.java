package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;

/** The SQLite store: a JDBC pool whose every connection gets the durability pragmas. */
public final class Database {
  private Database() {}

  /**
   * WAL with synchronous=FULL makes every commit durable before it is acknowledged; immediate
   * transactions take the write lock up front so that two writers never deadlock on upgrade.
   */
  public static Pool open(Vertx vertx, Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath()
        + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
        + "&transaction_mode=IMMEDIATE";
    return JDBCPool.pool(vertx,
        new JDBCConnectOptions().setJdbcUrl(url),
        new PoolOptions().setMaxSize(4).setName("accueil-sqlite"));
  }

  public static Future<Void> migrate(Vertx vertx, Pool pool) {
    return Migrations.apply(vertx, pool);
  }
}
