package fr.prefecture.accueil.privacy;

import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes visitors' personal data (names, e-mails, phones, and the name echoed in scan answers)
 * once the retention period has passed after the appointment. Ids, services, times and statuses
 * stay, so every indicator keeps working on the anonymised records.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  public static final String REMOVED = "(anonymisé)";

  /** What one run removed. */
  public record Result(int appointments, int invitations, int scans, int messages) {}

  private final SiteTime time;
  private final Duration retention;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> appointments;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> invitations;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> scans;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> messages;

  public Retention(Pool pool, SiteTime time, Duration retention) {
    this.time = time;
    this.retention = retention;
    appointments = SqlTemplate.forUpdate(pool, """
        UPDATE appointments SET visitor_name = #{removed}, visitor_email = NULL, visitor_phone = NULL,
          anonymised_at = #{now}
        WHERE anonymised_at IS NULL AND start_at < #{cutoff}""");
    invitations = SqlTemplate.forUpdate(pool, """
        UPDATE invitations SET guest_name = #{removed}, guest_email = NULL, anonymised_at = #{now}
        WHERE anonymised_at IS NULL AND start_at < #{cutoff}""");
    scans = SqlTemplate.forUpdate(pool, Sql.SCAN_VISITORS);
    messages = SqlTemplate.forUpdate(pool, Sql.MESSAGE_VISITORS);
  }

  /** SQLite's own here, in one place: the visitor's name removed from the JSON answers of scans. */
  static final class Sql {
    private Sql() {}

    static final String SCAN_VISITORS = """
        UPDATE scans SET response = json_remove(response, '$.visitor')
        WHERE at < #{cutoff} AND json_extract(response, '$.visitor') IS NOT NULL""";

    /** The outbox keeps its messages (counted by the indicators) without the visitor's address and name. */
    static final String MESSAGE_VISITORS = """
        UPDATE outbox SET recipient = #{removed}, payload = json_set(payload, '$.name', #{removed})
        WHERE recipient <> #{removed}
          AND appointment_id IN (SELECT id FROM appointments WHERE start_at < #{cutoff})""";
  }

  public Duration retention() {
    return retention;
  }

  /** One pass; each step is idempotent, so an interrupted pass is completed by the next one. */
  public Future<Result> run() {
    long now = time.now().toEpochMilli();
    Map<String, Object> params = Map.of("removed", REMOVED, "now", now, "cutoff", now - retention.toMillis());
    return appointments.execute(params)
        .compose(a -> invitations.execute(params)
            .compose(i -> scans.execute(params)
                .compose(s -> messages.execute(params)
                    .map(m -> new Result(a.rowCount(), i.rowCount(), s.rowCount(), m.rowCount())))))
        .onSuccess(r -> {
          if (r.appointments() + r.invitations() + r.scans() + r.messages() > 0) {
            LOG.info("Retention: anonymised {} appointments, {} invitations, {} scan answers, {} messages older than"
                + " {} days", r.appointments(), r.invitations(), r.scans(), r.messages(), retention.toDays());
          }
        });
  }
}
