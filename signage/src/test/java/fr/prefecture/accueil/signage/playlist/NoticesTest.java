package fr.prefecture.accueil.signage.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.signage.view.NoticePriority;
import fr.prefecture.accueil.signage.view.NoticeView;
import fr.prefecture.accueil.signage.view.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticesTest {

  private static final Instant NOW = Instant.parse("2025-06-03T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static NoticeView notice(String id, long fromMinutes, long toMinutes, List<String> zones, NoticePriority p) {
    return new NoticeView(id, new Text("Avis " + id, "Notice " + id), NOW.plusSeconds(fromMinutes * 60),
        NOW.plusSeconds(toMinutes * 60), zones, p);
  }

  @Test
  void a_notice_shows_from_its_start_included_to_its_end_excluded() {
    List<NoticeView> all = List.of(
        notice("starts-now", 0, 60, List.of(), NoticePriority.NORMAL),
        notice("ends-now", -60, 0, List.of(), NoticePriority.NORMAL),
        notice("future", 1, 60, List.of(), NoticePriority.NORMAL),
        notice("running", -60, 60, List.of(), NoticePriority.NORMAL));

    assertThat(Notices.visible(all, "hall", CLOCK)).extracting(NoticeView::id)
        .containsExactlyInAnyOrder("starts-now", "running");
  }

  @Test
  void a_notice_without_zones_shows_everywhere_one_with_zones_only_there() {
    List<NoticeView> all = List.of(
        notice("everywhere", -1, 60, List.of(), NoticePriority.NORMAL),
        notice("hall-only", -1, 60, List.of("hall"), NoticePriority.NORMAL),
        notice("pan-only", -1, 60, List.of("pan"), NoticePriority.NORMAL));

    assertThat(Notices.visible(all, "hall", CLOCK)).extracting(NoticeView::id)
        .containsExactlyInAnyOrder("everywhere", "hall-only");
  }

  @Test
  void high_priority_comes_first_then_the_most_recent() {
    List<NoticeView> all = List.of(
        notice("old-normal", -120, 60, List.of(), NoticePriority.NORMAL),
        notice("new-normal", -10, 60, List.of(), NoticePriority.NORMAL),
        notice("old-high", -300, 60, List.of(), NoticePriority.HIGH),
        notice("new-high", -5, 60, List.of(), NoticePriority.HIGH));

    assertThat(Notices.visible(all, "hall", CLOCK)).extracting(NoticeView::id)
        .containsExactly("new-high", "old-high", "new-normal", "old-normal");
  }
}
