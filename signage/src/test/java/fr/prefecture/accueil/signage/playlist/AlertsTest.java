package fr.prefecture.accueil.signage.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsTest {

  private static final Instant NOW = Instant.parse("2025-06-03T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static AlertView alert(String id, AlertSeverity severity, long raisedMinutesAgo, Instant expires,
      List<String> zones) {
    return new AlertView(id, null, new Text("Alerte " + id, "Alert " + id), null, severity,
        NOW.minusSeconds(raisedMinutesAgo * 60), expires, zones);
  }

  @Test
  void an_alert_without_zones_reaches_every_screen() {
    AlertView everywhere = alert("a", AlertSeverity.SEVERE, 1, null, List.of());

    assertThat(Alerts.active(List.of(everywhere), "hall", CLOCK)).contains(everywhere);
    assertThat(Alerts.active(List.of(everywhere), "parking", CLOCK)).contains(everywhere);
  }

  @Test
  void an_alert_with_zones_reaches_only_those_zones() {
    AlertView pan = alert("a", AlertSeverity.SEVERE, 1, null, List.of("pan", "etage-1"));

    assertThat(Alerts.active(List.of(pan), "pan", CLOCK)).contains(pan);
    assertThat(Alerts.active(List.of(pan), "hall", CLOCK)).isEmpty();
  }

  @Test
  void an_expired_alert_is_no_longer_shown() {
    AlertView expired = alert("a", AlertSeverity.SEVERE, 60, NOW, List.of());
    AlertView expiresLater = alert("b", AlertSeverity.SEVERE, 60, NOW.plusSeconds(1), List.of());

    assertThat(Alerts.active(List.of(expired), "hall", CLOCK)).isEmpty();
    assertThat(Alerts.active(List.of(expired, expiresLater), "hall", CLOCK)).contains(expiresLater);
  }

  @Test
  void the_most_severe_then_the_most_recent_alert_wins() {
    AlertView moderateNew = alert("moderate", AlertSeverity.MODERATE, 1, null, List.of());
    AlertView extremeOld = alert("extreme-old", AlertSeverity.EXTREME, 30, null, List.of());
    AlertView extremeNew = alert("extreme-new", AlertSeverity.EXTREME, 5, null, List.of());

    assertThat(Alerts.active(List.of(moderateNew, extremeOld, extremeNew), "hall", CLOCK)).contains(extremeNew);
  }
}
