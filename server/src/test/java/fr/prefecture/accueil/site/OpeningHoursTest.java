package fr.prefecture.accueil.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Opening hours, and the demo's clock that starts at the next opening morning when started out of hours. */
class OpeningHoursTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Site.OpeningHours HOURS = Site.OpeningHours.DEFAULT;

  private static ZonedDateTime paris(String local) {
    return java.time.LocalDateTime.parse(local).atZone(PARIS);
  }

  @Test
  void the_next_opening_skips_nights_and_weekends() {
    // Wednesday 00:44: the same morning at 08:30.
    assertThat(HOURS.nextOpening(paris("2026-12-02T00:44"))).isEqualTo(paris("2026-12-02T08:30"));
    // Friday evening: Monday morning.
    assertThat(HOURS.nextOpening(paris("2026-12-04T18:00"))).isEqualTo(paris("2026-12-07T08:30"));
    // Saturday afternoon: Monday morning.
    assertThat(HOURS.nextOpening(paris("2026-12-05T15:00"))).isEqualTo(paris("2026-12-07T08:30"));
    assertThat(HOURS.open(paris("2026-12-02T08:30"))).isTrue();
    assertThat(HOURS.open(paris("2026-12-02T16:30"))).isFalse();
    assertThat(HOURS.open(paris("2026-12-05T10:00"))).isFalse();
  }

  @Test
  void the_demo_clock_is_real_time_when_open_and_the_next_morning_otherwise() {
    ZonedDateTime now = ZonedDateTime.now(PARIS);
    Instant demo = HOURS.demoClock(PARIS).instant();
    if (HOURS.open(now)) {
      assertThat(Duration.between(Instant.now(), demo).abs()).isLessThan(Duration.ofSeconds(5));
    } else {
      Instant expected = HOURS.nextOpening(now).plusHours(1).toInstant();
      assertThat(Duration.between(expected, demo).abs()).isLessThan(Duration.ofSeconds(5));
      assertThat(HOURS.open(demo.atZone(PARIS))).isTrue();
    }
  }
}
