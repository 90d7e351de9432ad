package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the rollups of closed days that have none, and rebuilds the days changed since theirs
 * (late cancellations, imports of past appointments). Idempotent; run at start and every hour.
 * A day is closed once it is over and the longest late grace after midnight has passed: no
 * appointment of it can still be pending.
 */
final class RollupJob {
  private static final Logger LOG = LoggerFactory.getLogger(RollupJob.class);
  static final int CHUNK_DAYS = 7;

  private final IndicatorRepository repository;
  private final SiteTime time;
  private final Duration maxGrace;
  private Future<Integer> current;

  RollupJob(IndicatorRepository repository, SiteTime time, Site site) {
    this.repository = repository;
    this.time = time;
    this.maxGrace = site.services().stream().map(s -> s.admission().grace()).max(Duration::compareTo)
        .orElse(Site.Admission.DEFAULT.grace());
  }

  LocalDate lastClosedDay() {
    LocalDate today = time.today();
    boolean yesterdayClosed = !time.now().isBefore(time.startOfDay(today).plus(maxGrace));
    return today.minusDays(yesterdayClosed ? 1 : 2);
  }

  /** Builds what is missing; the number of days built. */
  Future<Integer> run() {
    if (current != null) {
      // One pass at a time: a pass asked for meanwhile runs after it (it sees what that one built).
      return current.transform(done -> run());
    }
    Future<Integer> pass = pass();
    current = pass;
    pass.onComplete(r -> {
      if (current == pass) {
        current = null;
      }
    });
    return pass;
  }

  private Future<Integer> pass() {
    return repository.plan().compose(plan -> {
      LocalDate last = lastClosedDay();
      TreeSet<LocalDate> todo = new TreeSet<>();
      if (plan.first() != null) {
        for (LocalDate d = plan.first(); !d.isAfter(last); d = d.plusDays(1)) {
          if (!plan.built().contains(d)) {
            todo.add(d);
          }
        }
      }
      plan.touched().stream().filter(d -> !d.isAfter(last)).forEach(todo::add);
      List<LocalDate[]> chunks = chunks(todo);
      Future<Void> chain = Future.succeededFuture();
      long now = time.now().toEpochMilli();
      for (LocalDate[] chunk : chunks) {
        chain = chain.compose(v -> repository.build(chunk[0], chunk[1], now));
      }
      return chain.map(v -> {
        if (!todo.isEmpty()) {
          LOG.info("Indicator rollups built for {} day(s), {} to {}", todo.size(), todo.first(), todo.last());
        }
        return todo.size();
      });
    });
  }

  /** Runs of consecutive days, at most CHUNK_DAYS each: short write transactions. */
  static List<LocalDate[]> chunks(TreeSet<LocalDate> days) {
    List<LocalDate[]> out = new ArrayList<>();
    LocalDate start = null;
    LocalDate end = null;
    for (LocalDate d : days) {
      if (start != null && d.equals(end.plusDays(1)) && end.toEpochDay() - start.toEpochDay() + 1 < CHUNK_DAYS) {
        end = d;
        continue;
      }
      if (start != null) {
        out.add(new LocalDate[]{start, end});
      }
      start = d;
      end = d;
    }
    if (start != null) {
      out.add(new LocalDate[]{start, end});
    }
    return out;
  }
}
