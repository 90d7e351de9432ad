package fr.prefecture.accueil.audit;

import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.http.ClientAddress;
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
  }

  /** Records an action of the caller of this request. */
  public Future<Void> record(RoutingContext ctx, String action, String target, String detail) {
    Caller caller = ctx.get("caller");
    return record(caller == null ? null : caller.name(), action, target, detail, ClientAddress.of(ctx));
  }

  public Future<Void> record(String actor, String action, String target, String detail, String ip) {
    String kept = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    return insert.execute(Params.of("at", time.now().toEpochMilli(), "actor", actor, "action", action,
        "target", target, "detail", kept, "ip", ip)).mapEmpty();
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

}
