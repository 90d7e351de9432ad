package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

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
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl(url);
    return JDBCPool.pool(vertx, new AutoCommitRestoring(sqlite),
        new PoolOptions().setMaxSize(4).setName("accueil-sqlite"));
  }

  /**
   * Works around vertx-jdbc-client 5.0.7 (issue vert-x3/vertx-jdbc-client#356, fixed upstream by PR #358): after
   * a transaction's commit or rollback it sets auto-commit to false instead of true, so every later statement
   * outside a transaction on that pooled connection ran in an implicit transaction that was never committed,
   * and was lost at shutdown. Each connection is wrapped so that the auto-commit change right after a commit or
   * rollback turns it back on. Remove when the Vert.x BOM carries the fix.
   */
  static final class AutoCommitRestoring implements DataSource {
    private final DataSource delegate;

    AutoCommitRestoring(DataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(delegate.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) {
      boolean[] justEnded = {false};
      InvocationHandler handler = (proxy, method, args) -> {
        String name = method.getName();
        boolean ending = name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0);
        try {
          if (name.equals("setAutoCommit") && justEnded[0] && Boolean.FALSE.equals(args[0])) {
            connection.setAutoCommit(true);
            return null;
          }
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        } finally {
          justEnded[0] = ending;
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }

  public static Future<Void> migrate(Vertx vertx, Pool pool) {
    return Migrations.apply(vertx, pool);
  }
}
