package fr.prefecture.accueil.signage.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.CallsView;
import fr.prefecture.accueil.signage.view.CharterView;
import fr.prefecture.accueil.signage.view.Fixtures;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.NoticesView;
import fr.prefecture.accueil.signage.view.Orientation;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.Slide;
import fr.prefecture.accueil.signage.view.Text;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenPlannerTest {

  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
  private static final List<PlaylistEntry> PLAYLIST = List.of(
      new PlaylistEntry("calls", 10), new PlaylistEntry("notices", 10), new PlaylistEntry("charter", 10));

  @Test
  void a_layout_with_nothing_to_show_is_skipped() {
    ScreenPage page = ScreenPlanner.plan(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE), PLAYLIST,
        List.of(Fixtures.calls(), new NoticesView(List.of()), CharterView.standard()), List.of(), CLOCK);

    assertThat(page.slides()).extracting(Slide::layout).containsExactly("calls", "charter");
    assertThat(page.alert()).isNull();
  }

  @Test
  void a_layout_without_a_model_is_skipped() {
    ScreenPage page = ScreenPlanner.plan(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE), PLAYLIST,
        List.of(CharterView.standard()), List.of(), CLOCK);

    assertThat(page.slides()).extracting(Slide::layout).containsExactly("charter");
  }

  @Test
  void the_charter_stays_long_enough_to_be_read_whatever_the_configuration() {
    List<Slide> slides = ScreenPlanner.slides(Fixtures.screen(LanguageMode.ALTERNATE, Orientation.LANDSCAPE),
        PLAYLIST, List.of(CharterView.standard(), new CallsView(List.of(Fixtures.call("E1", true)))));

    Slide charter = slides.get(1);
    assertThat(charter.frenchSeconds()).isGreaterThan(30);
    assertThat(charter.seconds() - charter.frenchSeconds()).isGreaterThan(30);
    Slide calls = slides.get(0);
    assertThat(calls.seconds()).isEqualTo(16);
    assertThat(calls.frenchSeconds()).isEqualTo(8);
  }

  @Test
  void an_alert_for_the_screen_zone_overrides_the_page() {
    AlertView elsewhere = AlertView.manual("a1", new Text("Ailleurs", "Elsewhere"), List.of("parking"), Fixtures.NOW);
    AlertView here = AlertView.manual("a2", new Text("Ici", "Here"), List.of("hall"), Fixtures.NOW);

    ScreenPage page = ScreenPlanner.plan(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE), PLAYLIST,
        List.of(Fixtures.calls()), List.of(elsewhere, here), CLOCK);

    assertThat(page.alert()).isEqualTo(here);
    assertThat(page.slides()).isNotEmpty();
  }

  @Test
  void an_alert_elsewhere_leaves_the_page_alone() {
    AlertView elsewhere = AlertView.manual("a1", new Text("Ailleurs", "Elsewhere"), List.of("parking"), Fixtures.NOW);

    ScreenPage page = ScreenPlanner.plan(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE), PLAYLIST,
        List.of(Fixtures.calls()), List.of(elsewhere), CLOCK);

    assertThat(page.alert()).isNull();
  }

  @Test
  void an_unknown_layout_in_a_playlist_is_refused() {
    assertThatThrownBy(() -> new PlaylistEntry("weather", 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weather");
  }
}
