package fr.prefecture.accueil.signage.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.Fixtures;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.NoticePriority;
import fr.prefecture.accueil.signage.view.NoticesView;
import fr.prefecture.accueil.signage.view.Orientation;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.ScreenRenderer;
import fr.prefecture.accueil.signage.view.Slide;
import fr.prefecture.accueil.signage.view.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenEventsTest {

  private final ScreenEvents events = new ScreenEvents(new ScreenRenderer());

  @Test
  void state_carries_the_slides_html_on_one_line_with_the_playlist_and_no_alert() {
    NoticesView notices = new NoticesView(
        List.of(Fixtures.notice("n", "Dites \"bonjour\"\n</script>", "Hi", NoticePriority.NORMAL)));
    ScreenPage page = new ScreenPage(Fixtures.screen(LanguageMode.ALTERNATE, Orientation.LANDSCAPE),
        List.of(new Slide("calls", 16, 8, Fixtures.calls()), new Slide("notices", 20, 10, notices)), null);

    String json = events.state(page);

    assertThat(json).doesNotContain("\n", "</").startsWith("{\"html\":\"")
        .contains("\\u003csection class=\\\"slide layout-calls\\\"", "E012")
        .contains("Dites &quot;bonjour&quot;\\n&lt;/script&gt;")
        .endsWith(",\"playlist\":[{\"layout\":\"calls\",\"seconds\":16,\"frenchSeconds\":8},"
            + "{\"layout\":\"notices\",\"seconds\":20,\"frenchSeconds\":10}],\"alert\":null}");
  }

  @Test
  void state_carries_the_active_alert_so_a_reconnecting_screen_shows_it() {
    AlertView alert = AlertView.manual("a1", new Text("Évacuation", "Evacuation"), List.of(), Fixtures.NOW);
    ScreenPage page = new ScreenPage(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE), List.of(),
        alert);

    assertThat(events.state(page)).contains("\"alert\":{\"id\":\"a1\",\"html\":\"", "Évacuation");
  }

  @Test
  void call_alert_ended_and_heartbeat_payloads() {
    assertThat(events.call(Fixtures.call("E012", true))).startsWith("{\"ticket\":\"E012\",\"html\":\"")
        .contains("Counter 3");
    assertThat(events.alert(AlertView.manual("a\"1", new Text("x", null), List.of(), Fixtures.NOW)))
        .startsWith("{\"id\":\"a\\\"1\",\"html\":");
    assertThat(events.alertEnded("a1")).isEqualTo("{\"id\":\"a1\"}");
    assertThat(events.heartbeat(Instant.parse("2025-06-03T08:00:00Z"))).isEqualTo("{\"at\":\"2025-06-03T08:00:00Z\"}");
  }
}
