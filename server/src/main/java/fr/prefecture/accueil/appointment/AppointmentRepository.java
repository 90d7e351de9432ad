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
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Appointments: create (idempotent on the booking tool's reference), list by day, cancel. */
public final class AppointmentRepository {
  private static final String COLUMNS = """
      id, service, start_at, local_date, duration_minutes, visitor_name, visitor_email, visitor_phone,
      reference, status, cancelled_at""";
  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO appointments (service, start_at, local_date, duration_minutes, visitor_name,
        visitor_email, visitor_phone, reference, created_at)
      VALUES (#{service}, #{start}, #{day}, #{duration}, #{name}, #{email}, #{phone}, #{reference}, #{now})
      RETURNING id""");
  private static final NamedSql UPDATE = NamedSql.of("""
      UPDATE appointments SET service = #{service}, start_at = #{start}, local_date = #{day},
        duration_minutes = #{duration}, visitor_name = #{name}, visitor_email = #{email}, visitor_phone = #{phone}
      WHERE id = #{id}""");

  /** A demo appointment (see the demo package); the e-mail may be null. */
  public record Demo(String service, Instant start, LocalDate day, int durationMinutes, String name, String email,
      String reference) {}

  /** Stores demo appointments not stored yet, with their convocations and messages; returns how many were new. */
  public Future<Integer> saveDemo(List<Demo> demo, long now, ConvocationIssuer convocations,
      VisitorMessages messages) {
    List<NewAppointment> rows = demo.stream().map(d -> new NewAppointment(d.service(), d.start(), d.day(),
        d.durationMinutes(), d.name(), d.email(), null, d.reference())).toList();
    return save(rows, now, convocations, messages).map(saved -> saved.counts().created());
  }

  /** What an import did: new rows, rows changed in the booking tool, rows already up to date. */
  record ImportCounts(int created, int updated, int unchanged) {}

  /** The ids of the rows, in order, and what saving them did. */
  record Saved(List<Long> ids, ImportCounts counts) {}

  private final Pool pool;
  private final SqlTemplate<Map<String, Object>, RowSet<Appointment>> byId;
  private final SqlTemplate<Map<String, Object>, RowSet<Appointment>> byDay;
  private final SqlTemplate<Map<String, Object>, RowSet<Appointment>> byDayAndService;
  private final SqlTemplate<Map<String, Object>, io.vertx.sqlclient.SqlResult<Void>> cancel;

  public AppointmentRepository(Pool pool) {
    this.pool = pool;
    byId = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS + " FROM appointments WHERE id = #{id}")
        .mapTo(AppointmentRepository::map);
    byDay = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM appointments WHERE local_date = #{day} ORDER BY start_at, id").mapTo(AppointmentRepository::map);
    byDayAndService = SqlTemplate.forQuery(pool, "SELECT " + COLUMNS
        + " FROM appointments WHERE local_date = #{day} AND service = #{service} ORDER BY start_at, id")
        .mapTo(AppointmentRepository::map);
    cancel = SqlTemplate.forUpdate(pool, """
        UPDATE appointments SET status = 'cancelled', cancelled_at = #{now}
        WHERE id = #{id} AND status <> 'cancelled'""");
  }

  static Appointment map(Row row) {
    Long cancelledAt = row.getLong("cancelled_at");
    return new Appointment(row.getLong("id"), row.getString("service"), Instant.ofEpochMilli(row.getLong("start_at")),
        LocalDate.parse(row.getString("local_date")), row.getInteger("duration_minutes"),
        row.getString("visitor_name"), row.getString("visitor_email"), row.getString("visitor_phone"),
        row.getString("reference"), row.getString("status"),
        cancelledAt == null ? null : Instant.ofEpochMilli(cancelledAt));
  }

  public Future<Optional<Appointment>> find(long id) {
    return byId.execute(Map.of("id", id)).map(Rows::first);
  }

  public Future<List<Appointment>> onDay(LocalDate day, Optional<String> service) {
    Future<RowSet<Appointment>> rows = service.isPresent()
        ? byDayAndService.execute(Map.of("day", day.toString(), "service", service.get()))
        : byDay.execute(Map.of("day", day.toString()));
    return rows.map(Rows::list);
  }

  public Future<Boolean> cancel(long id, long now) {
    return cancel.execute(Map.of("id", id, "now", now)).map(r -> r.rowCount() > 0);
  }

  /**
   * Stores the rows in one transaction with their convocations and the messages they call for (a new or moved
   * appointment with an e-mail gets its convocation by e-mail). A row whose reference is already stored is not
   * duplicated: it is updated when the booking tool changed it (and its convocation reissued if it moved), left
   * alone otherwise. Returns the ids in order.
   */
  Future<Saved> save(List<NewAppointment> rows, long now, ConvocationIssuer convocations, VisitorMessages messages) {
    Appointment[] before = new Appointment[rows.size()];
    int[] written = new int[1];
    return Database.transaction(pool, conn -> existing(conn, rows).compose(known -> {
      // Inserts complete later in the chain: each id goes to its row's place, so the ids follow the rows.
      Long[] ids = new Long[rows.size()];
      int[] tally = new int[3];
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < rows.size(); i++) {
        NewAppointment row = rows.get(i);
        int at = i;
        Appointment old = row.reference() == null ? null : known.get(row.reference());
        before[i] = old;
        if (old == null) {
          Map<String, Object> params = params(row);
          params.put("reference", row.reference());
          params.put("now", now);
          chain = chain.compose(v -> INSERT.execute(conn, params)
              .map(r -> {
                ids[at] = r.iterator().next().getLong("id");
                tally[0]++;
                return null;
              }));
        } else if (same(old, row)) {
          ids[at] = old.id();
          tally[2]++;
        } else {
          ids[at] = old.id();
          tally[1]++;
          Map<String, Object> params = params(row);
          params.put("id", old.id());
          chain = chain.compose(v -> UPDATE.execute(conn, params).mapEmpty());
        }
      }
      return chain.compose(v -> convocations.issue(conn, due(rows, ids)))
          .compose(codes -> messages.enqueue(conn, toTell(rows, ids, before, codes), now))
          .map(n -> {
            written[0] = n;
            return new Saved(List.of(ids), new ImportCounts(tally[0], tally[1], tally[2]));
          });
    })).onSuccess(saved -> {
      if (written[0] > 0) {
        messages.nudge();
      }
    });
  }

  /** The rows a visitor is told about: new, or moved (another time or service), not cancelled, with an e-mail. */
  private static List<VisitorMessages.Stored> toTell(List<NewAppointment> rows, Long[] ids, Appointment[] before,
      List<ConvocationIssuer.Code> codes) {
    List<VisitorMessages.Stored> tell = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      NewAppointment row = rows.get(i);
      Appointment old = before[i];
      boolean moved = old != null && (!old.service().equals(row.service()) || !old.start().equals(row.start()));
      if (row.email() == null || old != null && (!moved || old.cancelled())) {
        continue;
      }
      Appointment now = new Appointment(ids[i], row.service(), row.start(), row.localDate(), row.durationMinutes(),
          row.name(), row.email(), row.phone(), row.reference(), "booked", null);
      tell.add(new VisitorMessages.Stored(now, old, codes.get(i)));
    }
    return tell;
  }

  private static List<ConvocationIssuer.Due> due(List<NewAppointment> rows, Long[] ids) {
    List<ConvocationIssuer.Due> due = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      due.add(new ConvocationIssuer.Due(ConvocationKind.APPOINTMENT, ids[i], rows.get(i).service(),
          rows.get(i).start()));
    }
    return due;
  }

  /** The values an import writes on insert and update alike; the contact fields may be null. */
  private static Map<String, Object> params(NewAppointment row) {
    return Params.of("service", row.service(), "start", row.start().toEpochMilli(), "day", row.localDate().toString(),
        "duration", row.durationMinutes(), "name", row.name(), "email", row.email(), "phone", row.phone());
  }

  private static boolean same(Appointment old, NewAppointment row) {
    return old.service().equals(row.service()) && old.start().equals(row.start())
        && old.durationMinutes() == row.durationMinutes() && old.visitorName().equals(row.name())
        && Objects.equals(old.email(), row.email()) && Objects.equals(old.phone(), row.phone());
  }

  private static Future<Map<String, Appointment>> existing(SqlConnection conn, List<NewAppointment> rows) {
    List<String> references = rows.stream().map(NewAppointment::reference).filter(Objects::nonNull).toList();
    Map<String, Appointment> found = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < references.size(); from += 500) {
      List<String> chunk = references.subList(from, Math.min(references.size(), from + 500));
      String json = new io.vertx.core.json.JsonArray(new ArrayList<Object>(chunk)).encode();
      chain = chain.compose(v -> Sql.BY_REFERENCES.execute(conn, Map.of("references", json))
          .map(set -> {
            for (Row row : set) {
              Appointment a = map(row);
              found.put(a.reference(), a);
            }
            return null;
          }));
    }
    return chain.map(v -> found);
  }

  /** SQLite's own here, in one place: a list of references bound as one JSON array (json_each). */
  static final class Sql {
    private Sql() {}

    static final NamedSql BY_REFERENCES = NamedSql.of("SELECT " + COLUMNS
        + " FROM appointments WHERE reference IN (SELECT value FROM json_each(#{references}))");
  }
}
