package fr.prefecture.accueil.auth;

import fr.prefecture.accueil.db.Params;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Throttled attempts (sign-in, pairing), counted in the store <em>before</em> the slow check: one conditional insert
 * takes a place only while fewer than the limit are pending or failed, so that at most the limit is ever checked
 * whatever the concurrency (the store has one writer). A success is marked, and an account's count restarts after it.
 */
public final class Attempts {
  public static final String SIGN_IN = "sign-in";
  public static final String PAIRING = "pairing";
  private static final Duration KEPT = Duration.ofDays(1);

  private final Clock clock;
  private final Map<String, Integer> underWay = new ConcurrentHashMap<>();
  private final SqlTemplate<Map<String, Object>, RowSet<Long>> take;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> succeed;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> prune;
  private final SqlTemplate<Map<String, Object>, SqlResult<Void>> release;

  /** A throttle's limits: per subject (an account; 0 when there is none) and per address, within a window. */
  public record Limit(String kind, int perSubject, int perAddress, Duration window) {}

  public Attempts(Pool pool, Clock clock) {
    this.clock = clock;
    take = SqlTemplate.forQuery(pool, """
        INSERT INTO attempts (kind, subject, ip, at)
        SELECT #{kind}, #{subject}, #{ip}, #{at}
        WHERE (SELECT COUNT(*) FROM attempts
               WHERE kind = #{kind} AND ip = #{ip} AND succeeded = 0 AND at > #{since}) < #{perAddress}
          AND (#{perSubject} = 0 OR (SELECT COUNT(*) FROM attempts
               WHERE kind = #{kind} AND subject = #{subject} AND succeeded = 0
                 AND at > MAX(#{since}, (SELECT COALESCE(MAX(at), 0) FROM attempts
                                         WHERE kind = #{kind} AND subject = #{subject} AND succeeded = 1)))
              < #{perSubject})
        RETURNING id""").mapTo(row -> row.getLong("id"));
    succeed = SqlTemplate.forUpdate(pool, "UPDATE attempts SET succeeded = 1 WHERE id = #{id}");
    release = SqlTemplate.forUpdate(pool, "DELETE FROM attempts WHERE id = #{id}");
    prune = SqlTemplate.forUpdate(pool, "DELETE FROM attempts WHERE at < #{before}");
  }

  /**
   * Runs {@code check} with a place taken in the store (its id given), or answers empty when the limit is reached:
   * the caller then answers 429. One check at a time per account on this node: while one is under way, others for
   * the same account are refused at once without asking the store, so that a burst on one account neither queues
   * statements nor hashes in front of other people's sign-ins. The store stays the one count.
   */
  public <T> Future<Optional<T>> within(Limit limit, String subject, String ip, Function<Long, Future<T>> check) {
    String key = limit.kind() + "\n" + subject;
    boolean local = limit.perSubject() > 0 && subject != null;
    if (local && underWay.merge(key, 1, Integer::sum) > 1) {
      done(key);
      return Future.succeededFuture(Optional.empty());
    }
    Future<Optional<T>> result = take(limit, subject, ip).compose(place -> place.isEmpty()
        ? Future.succeededFuture(Optional.<T>empty())
        : check.apply(place.get()).map(Optional::of));
    return local ? result.andThen(ended -> done(key)) : result;
  }

  private void done(String key) {
    underWay.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
  }

  private Future<Optional<Long>> take(Limit limit, String subject, String ip) {
    long now = clock.millis();
    return take.execute(Params.of("kind", limit.kind(), "subject", subject, "ip", String.valueOf(ip), "at", now,
        "since", now - limit.window().toMillis(), "perAddress", limit.perAddress(), "perSubject", limit.perSubject()))
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next()));
  }

  /** The checked attempt succeeded: it no longer counts, and the account's older failures no longer either. */
  public Future<Void> succeeded(long id) {
    return succeed.execute(Map.of("id", id))
        .compose(v -> prune.execute(Map.of("before", clock.millis() - KEPT.toMillis()))).mapEmpty();
  }

  /** The check did not take place (the server was busy): the attempt does not count. */
  public Future<Void> release(long id) {
    return release.execute(Map.of("id", id)).mapEmpty();
  }
}
