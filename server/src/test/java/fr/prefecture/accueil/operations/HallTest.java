package fr.prefecture.accueil.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteLoader;
import fr.prefecture.accueil.support.TestServer;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hall's figures from what the store gave: waits, counters, calls, and thresholds crossed only when over. */
class HallTest {
  static final Instant NOW = Instant.parse("2026-03-30T09:00:00Z");
  static final Site SITE = SiteLoader.load(TestServer.CONFIG).site();
  static final Hall HALL = new Hall(SITE, new SiteTime(Clock.fixed(NOW, SITE.zone()), SITE.zone()), null, null, null);

  static JsonObject titres(List<HallRepository.Waiting> waiting, List<String> busy, List<HallRepository.Calls> calls) {
    JsonObject state = HALL.state(new Hall.Figures(NOW, waiting, busy, calls, Map.of("titres", 12), Map.of("pan", 5)));
    return state.getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals("titres")).findFirst().orElseThrow();
  }

  static long minutesAgo(int n) {
    return NOW.minus(Duration.ofMinutes(n)).toEpochMilli();
  }

  @Test
  void a_wait_of_exactly_the_threshold_is_not_flagged_one_minute_more_is() {
    JsonObject at = titres(List.of(new HallRepository.Waiting("titres", 3, minutesAgo(45))), List.of(), List.of());
    assertThat(at.getInteger("longestWaitMinutes")).isEqualTo(45);
    assertThat(at.getJsonArray("crossed")).isEmpty();
    JsonObject over = titres(List.of(new HallRepository.Waiting("titres", 3, minutesAgo(46))), List.of(), List.of());
    assertThat(over.getJsonArray("crossed")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("measure", "waitMinutes").put("value", 46).put("limit", 45)));
  }

  @Test
  void waiting_tickets_and_arrivals_without_ticket_add_up_and_the_oldest_gives_the_longest_wait() {
    JsonObject s = titres(List.of(new HallRepository.Waiting("titres", 20, minutesAgo(10)),
        new HallRepository.Waiting("titres", 11, minutesAgo(3))), List.of(), List.of());
    assertThat(s.getInteger("waiting")).isEqualTo(31);
    assertThat(s.getInteger("longestWaitMinutes")).isEqualTo(10);
    assertThat(s.getJsonArray("crossed")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("measure", "waiting").put("value", 31).put("limit", 30)));
    assertThat(s.getInteger("medianWaitMinutes")).isEqualTo(12);
    assertThat(s.getValue("panPlacesLeft")).isNull();
  }

  @Test
  void a_counter_is_open_when_it_called_in_the_last_hour_or_serves_busy_when_it_serves() {
    JsonObject s = titres(List.of(), List.of("T1", "E2"), List.of(new HallRepository.Calls("titres", "T2", "call", 4),
        new HallRepository.Calls("titres", "T2", "recall", 2), new HallRepository.Calls("titres", "T1", "call", 1)));
    assertThat(s.getJsonObject("counters").getMap()).containsEntry("configured", 3).containsEntry("open", 2)
        .containsEntry("busy", 1);
    assertThat(s.getInteger("callsLastHour")).isEqualTo(5);
    assertThat(s.getInteger("waiting")).isZero();
    assertThat(s.getValue("longestWaitMinutes")).isNull();
  }
}
