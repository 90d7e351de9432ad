package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The busy-hours grid from its figures, computed by hand: averages per open day, terciles, bands. */
class AffluenceGridTest {
  static final Site.OpeningHours MORNINGS = new Site.OpeningHours(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
      LocalTime.of(9, 0), LocalTime.of(12, 0));

  @Test
  void each_slot_is_its_entries_per_open_day_and_its_level_the_tercile_of_the_grid_s_own_slots() {
    // Monday: two open days, 1, 2, 3 entries at 9, 10, 11 → 0.5, 1.0, 1.5; Tuesday: one open day, 4, 5, 6.
    // Sorted 0.5 1.0 1.5 4 5 6: first tercile (2nd of 6) 1.0, second (4th of 6) 4.0.
    JsonObject grid = AffluenceGrid.grid(Map.of("1-09", 1L, "1-10", 2L, "1-11", 3L, "2-09", 4L, "2-10", 5L, "2-11", 6L),
        Map.of(1, 2L, 2, 1L, 3, 5L), MORNINGS);
    assertThat(grid.getJsonObject("thresholds")).isEqualTo(new JsonObject().put("quiet", 1.0).put("busy", 4.0));
    JsonArray days = grid.getJsonArray("days");
    assertThat(days).hasSize(2);
    assertThat(cells(days.getJsonObject(0), "hours", "average")).containsExactly(0.5, 1.0, 1.5);
    assertThat(cells(days.getJsonObject(0), "hours", "level")).containsExactly("quiet", "quiet", "busy");
    assertThat(cells(days.getJsonObject(1), "hours", "average")).containsExactly(4.0, 5.0, 6.0);
    assertThat(cells(days.getJsonObject(1), "hours", "level")).containsExactly("busy", "very-busy", "very-busy");
    // One band (the site closes at noon): the mean of the hours, 1.0 and 5.0.
    assertThat(days.getJsonObject(0).getJsonArray("bands")).containsExactly(new JsonObject().put("band", "morning")
        .put("from", "09:00").put("to", "12:00").put("average", 1.0).put("level", "quiet"));
    assertThat(cells(days.getJsonObject(1), "bands", "level")).containsExactly("very-busy");
  }

  @Test
  void a_weekday_without_an_open_day_is_not_measured_and_a_site_never_open_has_no_thresholds() {
    JsonObject grid = AffluenceGrid.grid(Map.of("1-09", 3L), Map.of(1, 3L), MORNINGS);
    assertThat(cells(grid.getJsonArray("days").getJsonObject(0), "hours", "average")).containsExactly(1.0, 0.0, 0.0);
    assertThat(grid.getJsonArray("days").getJsonObject(1).getJsonArray("hours").getJsonObject(0))
        .isEqualTo(new JsonObject().put("hour", 9).putNull("average").putNull("level"));
    JsonObject never = AffluenceGrid.grid(Map.of(), Map.of(), MORNINGS);
    assertThat(never.getValue("thresholds")).isNull();
    assertThat(cells(never.getJsonArray("days").getJsonObject(0), "bands", "level")).containsOnlyNulls();
  }

  @Test
  void the_slots_and_bands_of_the_demo_s_hours() {
    Site.OpeningHours hours = Site.OpeningHours.DEFAULT;
    assertThat(AffluenceGrid.hours(hours)).containsExactly(8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(AffluenceGrid.bands(hours)).containsExactly(
        new AffluenceGrid.Band("morning", LocalTime.of(8, 30), LocalTime.NOON),
        new AffluenceGrid.Band("midday", LocalTime.NOON, LocalTime.of(14, 0)),
        new AffluenceGrid.Band("afternoon", LocalTime.of(14, 0), LocalTime.of(16, 30)));
  }

  static List<Object> cells(JsonObject day, String kind, String field) {
    return day.getJsonArray(kind).stream().map(o -> ((JsonObject) o).getValue(field)).toList();
  }
}
