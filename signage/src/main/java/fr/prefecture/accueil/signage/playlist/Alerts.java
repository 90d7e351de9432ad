package fr.prefecture.accueil.signage.playlist;

import fr.prefecture.accueil.signage.view.AlertView;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which alert a screen shows: among the alerts not ended (the caller passes only those), the ones raised by now,
 * not yet expired ({@code now < expires}) and covering the screen's zone (no zones = everywhere). When several
 * apply, the most severe wins, then the most recently raised: a screen shows one alert at a time.
 */
public final class Alerts {

  private static final Comparator<AlertView> PRECEDENCE = Comparator
      .comparing(AlertView::severity)
      .thenComparing(AlertView::raisedAt, Comparator.reverseOrder())
      .thenComparing(AlertView::id);

  private Alerts() {}

  public static Optional<AlertView> active(List<AlertView> alerts, String zone, Clock clock) {
    Instant now = clock.instant();
    return alerts.stream()
        .filter(a -> isLive(a, now))
        .filter(a -> Zones.covers(a.zones(), zone))
        .min(PRECEDENCE);
  }

  /** Raised by {@code now} and not expired. */
  public static boolean isLive(AlertView alert, Instant now) {
    return !alert.raisedAt().isAfter(now) && (alert.expires() == null || now.isBefore(alert.expires()));
  }
}
