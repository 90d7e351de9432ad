package fr.prefecture.accueil.staff;

import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.auth.Credentials;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.auth.SessionRules;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff accounts, their sessions and the API tokens of machine clients. */
public final class StaffRepository implements Credentials {
  /** An account as stored. */
  public record Account(long id, String username, String passwordHash, Role role, boolean disabled) {}

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<Account>> byUsername;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<Long>> insertAccount;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> setPassword;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> insertSession;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<SessionRow>> sessionByHash;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> touchSession;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> deleteSession;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<Long>> insertToken;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.RowSet<Caller>> tokenByHash;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> revokeToken;

  /** An account as the admin page lists it. */
  public record AccountSummary(long id, String username, Role role, boolean disabled, Instant createdAt) {}

  /** An API token as listed (never its secret); revokedAt empty while it is live. */
  public record TokenSummary(long id, String name, Role role, Instant createdAt, Optional<Instant> revokedAt) {}

  /** A live session, identified by the first 16 characters of the hash of its secret. */
  public record SessionSummary(String id, String username, Role role, Instant createdAt, Instant lastSeen) {}

  record SessionRow(Caller caller, long created, long lastSeen) {}

  /** SQLite's own here, in one place: substr for the session ids, the text of a unique violation. */
  static final class Sql {
    private Sql() {}

    static final String LIST_SESSIONS = """
        SELECT substr(s.token_hash, 1, 16) AS id, a.username, a.role, s.created_at, s.last_seen
        FROM sessions s JOIN staff a ON a.id = s.staff_id ORDER BY s.last_seen DESC""";
    static final String DELETE_SESSION_BY_ID = "DELETE FROM sessions WHERE substr(token_hash, 1, 16) = #{id}";

    static boolean isUniqueViolation(Throwable e) {
      return String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
    }
  }

  private static final NamedSql DISABLE = NamedSql.of(
      "UPDATE staff SET disabled = #{disabled} WHERE username = #{username}");
  private static final NamedSql NEW_PASSWORD = NamedSql.of(
      "UPDATE staff SET password_hash = #{hash} WHERE username = #{username}");
  private static final NamedSql END_SESSIONS_OF = NamedSql.of(
      "DELETE FROM sessions WHERE staff_id = (SELECT id FROM staff WHERE username = #{username})");

  private final SqlTemplate<Map<String, Object>, RowSet<Long>> countAccounts;
  private final SqlTemplate<Map<String, Object>, RowSet<AccountSummary>> listAccounts;
  private final SqlTemplate<Map<String, Object>, RowSet<TokenSummary>> listTokens;
  private final SqlTemplate<Map<String, Object>, RowSet<SessionSummary>> listSessions;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> deleteSessionById;

  public StaffRepository(Pool pool) {
    this.pool = pool;
    byUsername = SqlTemplate.forQuery(pool, """
        SELECT id, username, password_hash, role, disabled FROM staff WHERE username = #{username}""")
        .mapTo(StaffRepository::account);
    insertAccount = SqlTemplate.forQuery(pool, """
        INSERT INTO staff (username, password_hash, role, created_at)
        VALUES (#{username}, #{hash}, #{role}, #{now}) RETURNING id""")
        .mapTo(row -> row.getLong("id"));
    setPassword = SqlTemplate.forUpdate(pool, """
        UPDATE staff SET password_hash = #{hash}, role = #{role}, disabled = 0 WHERE username = #{username}""");
    insertSession = SqlTemplate.forUpdate(pool, """
        INSERT INTO sessions (token_hash, staff_id, created_at, last_seen)
        VALUES (#{hash}, #{staffId}, #{now}, #{now})""");
    sessionByHash = SqlTemplate
        .forQuery(pool,
            """
                SELECT s.staff_id, s.created_at, s.last_seen, a.username, a.role FROM sessions s JOIN staff a ON a.id = s.staff_id
                WHERE s.token_hash = #{hash} AND a.disabled = 0""")
        .mapTo(row -> new SessionRow(new Caller(row.getLong("staff_id"), null, row.getString("username"),
            Role.parse(row.getString("role")).orElseThrow()), row.getLong("created_at"), row.getLong("last_seen")));
    touchSession = SqlTemplate.forUpdate(pool,
        "UPDATE sessions SET last_seen = #{now} WHERE token_hash = #{hash}");
    deleteSession = SqlTemplate.forUpdate(pool, "DELETE FROM sessions WHERE token_hash = #{hash}");
    insertToken = SqlTemplate.forQuery(pool, """
        INSERT INTO api_tokens (name, role, token_hash, created_at, created_by)
        VALUES (#{name}, #{role}, #{hash}, #{now}, #{createdBy}) RETURNING id""")
        .mapTo(row -> row.getLong("id"));
    tokenByHash = SqlTemplate.forQuery(pool, """
        SELECT id, name, role FROM api_tokens WHERE token_hash = #{hash} AND revoked_at IS NULL""")
        .mapTo(row -> new Caller(null, row.getLong("id"), "token:" + row.getString("name"),
            Role.parse(row.getString("role")).orElseThrow()));
    revokeToken = SqlTemplate.forUpdate(pool,
        "UPDATE api_tokens SET revoked_at = #{now} WHERE id = #{id} AND revoked_at IS NULL");
    countAccounts = SqlTemplate.forQuery(pool, "SELECT COUNT(*) AS n FROM staff").mapTo(row -> row.getLong("n"));
    listAccounts = SqlTemplate.forQuery(pool,
        "SELECT id, username, role, disabled, created_at FROM staff ORDER BY username")
        .mapTo(row -> new AccountSummary(row.getLong("id"), row.getString("username"), role(row),
            row.getInteger("disabled") != 0, Instant.ofEpochMilli(row.getLong("created_at"))));
    listTokens = SqlTemplate.forQuery(pool,
        "SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY id")
        .mapTo(row -> new TokenSummary(row.getLong("id"), row.getString("name"), role(row),
            Instant.ofEpochMilli(row.getLong("created_at")),
            Optional.ofNullable(row.getLong("revoked_at")).map(Instant::ofEpochMilli)));
    listSessions = SqlTemplate.forQuery(pool, Sql.LIST_SESSIONS)
        .mapTo(row -> new SessionSummary(row.getString("id"), row.getString("username"), role(row),
            Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("last_seen"))));
    deleteSessionById = SqlTemplate.forUpdate(pool, Sql.DELETE_SESSION_BY_ID);
  }

  private static Role role(Row row) {
    return Role.parse(row.getString("role")).orElseThrow();
  }

  private static Account account(Row row) {
    return new Account(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
        Role.parse(row.getString("role")).orElseThrow(), row.getInteger("disabled") != 0);
  }

  public Future<Long> countAccounts() {
    return countAccounts.execute(Map.of()).map(rows -> rows.iterator().next());
  }

  public Future<Optional<Account>> findByUsername(String username) {
    return byUsername.execute(Map.of("username", username)).map(Rows::first);
  }

  public Future<Long> createAccount(String username, String hash, Role role, long now) {
    return insertAccount.execute(Map.of("username", username, "hash", hash, "role", role.code(), "now", now))
        .map(rows -> rows.iterator().next())
        .recover(e -> Future.failedFuture(Sql.isUniqueViolation(e)
            ? ApiException.conflict("username_taken", "An account named '" + username + "' already exists")
            : e));
  }

  /** Creates the account or resets its password and role (demo accounts at each --demo start). */
  public Future<Void> upsertAccount(String username, String hash, Role role, long now) {
    return setPassword.execute(Map.of("username", username, "hash", hash, "role", role.code()))
        .compose(result -> result.rowCount() > 0
            ? Future.succeededFuture()
            : createAccount(username, hash, role, now).mapEmpty());
  }

  public Future<Void> createSession(String tokenHash, long staffId, long now) {
    return insertSession.execute(Map.of("hash", tokenHash, "staffId", staffId, "now", now)).mapEmpty();
  }

  /**
   * The caller of a live session; an ended one (idle too long, or past its lifetime) is deleted. The last-seen
   * time is written only for the person's own requests, at most once a minute so that busy pages do not turn
   * reads into writes.
   */
  @Override
  public Future<Optional<Caller>> sessionCaller(String tokenHash, long now, SessionRules rules, boolean activity) {
    return sessionByHash.execute(Map.of("hash", tokenHash)).map(Rows::first)
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
          }
          SessionRow session = found.get();
          if (rules.ended(session.created(), session.lastSeen(), now)) {
            return deleteSession(tokenHash).map(v -> Optional.empty());
          }
          Future<?> touch = activity && now - session.lastSeen() > 60_000
              ? touchSession.execute(Map.of("hash", tokenHash, "now", now))
              : Future.succeededFuture();
          return touch.map(v -> Optional.of(session.caller()));
        });
  }

  /** Disables or enables an account; disabling also ends its sessions. False when there is no such account. */
  public Future<Boolean> setDisabled(String username, boolean disabled) {
    return Database.transaction(pool, conn -> DISABLE.execute(conn, Map.of("disabled", disabled ? 1 : 0,
        "username", username))
        .compose(updated -> {
          if (updated.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          return (disabled
              ? END_SESSIONS_OF.execute(conn, Map.of("username", username)).<Void>mapEmpty()
              : Future.<Void>succeededFuture()).map(v -> true);
        }));
  }

  /** Sets a new password hash and ends the account's sessions. False when there is no such account. */
  public Future<Boolean> setPassword(String username, String hash) {
    return Database.transaction(pool, conn -> NEW_PASSWORD.execute(conn, Map.of("hash", hash, "username", username))
        .compose(updated -> updated.rowCount() == 0 ? Future.succeededFuture(false)
            : END_SESSIONS_OF.execute(conn, Map.of("username", username)).map(v -> true)));
  }

  /** Live sessions, the last used first. */
  public Future<List<SessionSummary>> listSessions() {
    return listSessions.execute(Map.of()).map(Rows::list);
  }

  public Future<Boolean> deleteSessionById(String id) {
    return deleteSessionById.execute(Map.of("id", id)).map(r -> r.rowCount() > 0);
  }

  public Future<Void> deleteSession(String tokenHash) {
    return deleteSession.execute(Map.of("hash", tokenHash)).mapEmpty();
  }

  public Future<Long> createToken(String name, Role role, String tokenHash, Long createdBy, long now) {
    return insertToken.execute(Params.of("name", name, "role", role.code(), "hash", tokenHash,
        "createdBy", createdBy, "now", now)).map(rows -> rows.iterator().next());
  }

  @Override
  public Future<Optional<Caller>> tokenCaller(String tokenHash) {
    return tokenByHash.execute(Map.of("hash", tokenHash)).map(Rows::first);
  }

  public Future<Boolean> revokeToken(long id, long now) {
    return revokeToken.execute(Map.of("id", id, "now", now)).map(r -> r.rowCount() > 0);
  }

  public Future<List<TokenSummary>> listTokens() {
    return listTokens.execute(Map.of()).map(Rows::list);
  }

  public Future<List<AccountSummary>> listAccounts() {
    return listAccounts.execute(Map.of()).map(Rows::list);
  }

}
