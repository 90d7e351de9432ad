package fr.prefecture.accueil.signage.playlist;

import fr.prefecture.accueil.signage.view.NoticeView;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which notices a screen shows: those active now ({@code from ≤ now < to}) whose zones include the screen's zone
 * (no zones = everywhere), high priority first, then the most recent ({@code from}) first, then by id.
 */
public final class Notices {

  private static final Comparator<NoticeView> ORDER = Comparator
      .comparing((NoticeView n) -> !n.high())
      .thenComparing(NoticeView::from, Comparator.reverseOrder())
      .thenComparing(NoticeView::id);

  private Notices() {}

  public static List<NoticeView> visible(List<NoticeView> notices, String zone, Clock clock) {
    Instant now = clock.instant();
    return notices.stream()
        .filter(n -> !n.from().isAfter(now) && now.isBefore(n.to()))
        .filter(n -> Zones.covers(n.zones(), zone))
        .sorted(ORDER)
        .toList();
  }
}
