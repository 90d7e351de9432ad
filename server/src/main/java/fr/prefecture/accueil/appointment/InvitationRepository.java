package fr.prefecture.accueil.appointment;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations to meetings, kept alongside appointments. */
public final class InvitationRepository {
  private static final String COLUMNS = "id, event, start_at, end_at, local_date, location, guest_name, guest_email, status";

  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO invitations (event, start_at, end_at, local_date, location, guest_name, guest_email, created_at)
      VALUES (#{event}, #{start}, #{end}, #{day}, #{location}, #{name}, #{email}, #{now}) RETURNING id""");

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<Invitation>> byId;
  private final SqlTemplate<Map<String, Object>, RowSet<Invitation>> byDay;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> cancel;

  public InvitationRepository(Pool pool) {
    this.pool = pool;
    byId = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS + " FROM invitations WHERE id = #{id}")
        .mapTo(InvitationRepository::map);
    byDay = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM invitations WHERE local_date = #{day} ORDER BY start_at, id").mapTo(InvitationRepository::map);
    cancel = SqlTemplate.forUpdate(pool,
        "UPDATE invitations SET status = 'cancelled', cancelled_at = #{now} WHERE id = #{id} AND status <> 'cancelled'");
  }

  static Invitation map(Row row) {
    return new Invitation(row.getLong("id"), row.getString("event"), Instant.ofEpochMilli(row.getLong("start_at")),
        Instant.ofEpochMilli(row.getLong("end_at")), LocalDate.parse(row.getString("local_date")),
        row.getString("location"), row.getString("guest_name"), row.getString("guest_email"), row.getString("status"));
  }

  /** Stores the invitation and issues its convocation, in one transaction. */
  Future<Long> create(String event, Instant start, Instant end, LocalDate day, String location, String name,
      String email, long now, ConvocationIssuer convocations) {
    Map<String, Object> params = Params.of("event", event, "start", start.toEpochMilli(), "end", end.toEpochMilli(),
        "day", day.toString(), "location", location, "name", name, "email", email, "now", now);
    return Database.transaction(pool, conn -> INSERT.execute(conn, params)
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> convocations.issue(conn,
            List.of(new ConvocationIssuer.Due(ConvocationKind.INVITATION, id, "", start))).map(id)));
  }

  public Future<Optional<Invitation>> find(long id) {
    return byId.execute(Map.of("id", id)).map(Rows::first);
  }

  public Future<List<Invitation>> onDay(LocalDate day) {
    return byDay.execute(Map.of("day", day.toString())).map(Rows::list);
  }

  Future<Boolean> cancel(long id, long now) {
    return cancel.execute(Map.of("id", id, "now", now)).map(r -> r.rowCount() > 0);
  }
}
