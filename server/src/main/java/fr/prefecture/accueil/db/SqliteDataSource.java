package fr.prefecture.accueil.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * SQLite connections that go back to auto-commit when a transaction ends.
 *
 * <p>vertx-jdbc-client 5.0.7 leaves a pooled connection with auto-commit off after every
 * transaction (vert-x3/vertx-jdbc-client#356, fixed by #358 after 5.0.7). With sqlite-jdbc that
 * means: the commit immediately begins the next (IMMEDIATE) transaction, so the connection holds
 * the write lock forever, every later write of any other connection waits until SQLITE_BUSY, and
 * a later statement outside a transaction is not committed when it is acknowledged. Here a commit
 * ends the transaction by turning auto-commit back on (sqlite-jdbc then commits without beginning
 * again), and the pool's "auto-commit off" that follows a commit or rollback is ignored.
 *
 * <p>Pragmas that the URL cannot carry (e.g. {@code query_only}) run on every new connection.
 */
final class SqliteDataSource implements DataSource {
  private final String url;
  private final List<String> pragmas;

  SqliteDataSource(String url) {
    this(url, List.of());
  }

  SqliteDataSource(String url, List<String> pragmas) {
    this.url = url;
    this.pragmas = List.copyOf(pragmas);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = DriverManager.getConnection(url);
    if (!pragmas.isEmpty()) {
      try (Statement s = real.createStatement()) {
        for (String pragma : pragmas) {
          s.execute(pragma);
        }
      } catch (SQLException e) {
        real.close();
        throw e;
      }
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
        new AutoCommitAfterTransaction(real));
  }

  private static final class AutoCommitAfterTransaction implements InvocationHandler {
    private final Connection real;
    private boolean justEnded;

    AutoCommitAfterTransaction(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      int arity = args == null ? 0 : args.length;
      switch (method.getName()) {
        case "commit" -> {
          if (arity == 0 && !real.getAutoCommit()) {
            real.setAutoCommit(true);
            justEnded = true;
            return null;
          }
        }
        case "rollback" -> {
          if (arity == 0 && !real.getAutoCommit()) {
            real.rollback();
            real.setAutoCommit(true);
            justEnded = true;
            return null;
          }
        }
        case "setAutoCommit" -> {
          boolean wasEnded = justEnded;
          justEnded = false;
          if (wasEnded && !((Boolean) args[0])) {
            return null;
          }
        }
        default -> {
        }
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
