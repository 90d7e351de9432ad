package fr.prefecture.accueil.audit;

import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The audit trail: who did what and when, readable by admins. */
public final class AuditLog {
  private final SiteTime time;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> insert;
  private final SqlTemplate<Map<String, Object>, RowSet<JsonObject>> between;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> countByTarget;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> countByIp;
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> lastSuccess;

  public AuditLog(Pool pool, SiteTime time) {
    this.time = time;
    insert = SqlTemplate.forUpdate(pool, """
        INSERT INTO audit_log (at, actor, action, target, detail, ip)
        VALUES (#{at}, #{actor}, #{action}, #{target}, #{detail}, #{ip})""");
    between = SqlTemplate.forQuery(pool, """
        SELECT id, at, actor, action, target, detail, ip FROM audit_log
        WHERE at >= #{from} AND at < #{to} ORDER BY at DESC, id DESC LIMIT 5000""")
        .mapTo(row -> new JsonObject().put("id", row.getLong("id"))
            .put("at", Instant.ofEpochMilli(row.getLong("at")).toString()).put("actor", row.getString("actor"))
            .put("action", row.getString("action")).put("target", row.getString("target"))
            .put("detail", row.getString("detail")).put("ip", row.getString("ip")));
    countByTarget = SqlTemplate.forQuery(pool, """
        SELECT COUNT(*) AS n FROM audit_log WHERE action = #{action} AND target = #{target} AND at > #{since}""")
        .mapTo(row -> row.getLong("n"));
    countByIp = SqlTemplate.forQuery(pool, """
        SELECT COUNT(*) AS n FROM audit_log WHERE action = #{action} AND ip = #{ip} AND at > #{since}""")
        .mapTo(row -> row.getLong("n"));
    lastSuccess = SqlTemplate.forQuery(pool, """
        SELECT COALESCE(MAX(at), 0) AS at FROM audit_log WHERE action = 'login' AND target = #{target}""")
        .mapTo(row -> row.getLong("at"));
  }

  /** Records an action of the caller of this request. */
  public Future<Void> record(RoutingContext ctx, String action, String target, String detail) {
    Caller caller = ctx.get("caller");
    return record(caller == null ? null : caller.name(), action, target, detail, ip(ctx));
  }

  public Future<Void> record(String actor, String action, String target, String detail, String ip) {
    String kept = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    return insert.execute(Params.of("at", time.now().toEpochMilli(), "actor", actor, "action", action,
        "target", target, "detail", kept, "ip", ip)).mapEmpty();
  }

  /** Failed logins for this username since its last success, within the window. */
  public Future<Long> recentFailures(String username, long windowMillis) {
    long floor = time.now().toEpochMilli() - windowMillis;
    return lastSuccess.execute(Map.of("target", username)).map(rows -> rows.iterator().next())
        .compose(last -> countByTarget.execute(Map.of("action", "login.failed", "target", username,
            "since", Math.max(floor, last))))
        .map(rows -> rows.iterator().next());
  }

  public Future<Long> recentFailuresFrom(String ip, long windowMillis) {
    return countByIp.execute(Map.of("action", "login.failed", "ip", ip,
        "since", time.now().toEpochMilli() - windowMillis)).map(rows -> rows.iterator().next());
  }

  /** How many times this action was recorded from this address within the window (throttles). */
  public Future<Long> countFrom(String action, String ip, long windowMillis) {
    return countByIp.execute(Map.of("action", action, "ip", String.valueOf(ip),
        "since", time.now().toEpochMilli() - windowMillis)).map(rows -> rows.iterator().next());
  }

  Future<JsonArray> list(RoutingContext ctx) {
    String fromText = ctx.queryParams().get("from");
    String toText = ctx.queryParams().get("to");
    LocalDate from = fromText == null ? time.today() : time.parseDate("from", fromText);
    LocalDate to = toText == null ? from : time.parseDate("to", toText);
    return between.execute(Map.of("from", time.startOfDay(from).toEpochMilli(),
        "to", time.startOfDay(to.plusDays(1)).toEpochMilli()))
        .map(rows -> {
          JsonArray out = new JsonArray();
          rows.forEach(out::add);
          return out;
        });
  }

  public static String ip(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
  }
}
