package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Busy and quiet hours: admitted entries per opening-hour slot (weekday × hour), averaged over the days of that
 * weekday the site was open (days with at least one admitted entry: a public holiday does not lower the average),
 * each slot given a level by the terciles of the grid's own slots, and the same by band (morning, midday,
 * afternoon) for the screens. Pure: the figures come in, the published JSON goes out.
 */
final class AffluenceGrid {
  /** The levels, quietest first: a slot's average up to the first tercile is quiet, up to the second busy. */
  enum Level {
    QUIET("quiet", "calme", "quiet"),
    BUSY("busy", "fréquenté", "busy"),
    VERY_BUSY("very-busy", "très fréquenté", "very busy");

    final String code;
    final String fr;
    final String en;

    Level(String code, String fr, String en) {
      this.code = code;
      this.fr = fr;
      this.en = en;
    }
  }

  /** The bands of the screens' grid: a few columns readable from 5 metres instead of nine hours. */
  record Band(String code, LocalTime from, LocalTime to) {}

  static final LocalTime NOON = LocalTime.of(12, 0);
  static final LocalTime TWO = LocalTime.of(14, 0);

  private AffluenceGrid() {}

  /** The hours of the day the site is open in, at least in part: 08:30-16:30 gives 8 to 16. */
  static List<Integer> hours(Site.OpeningHours opening) {
    List<Integer> out = new ArrayList<>();
    for (int h = opening.opens().getHour(); h < 24 && LocalTime.of(h, 0).isBefore(opening.closes()); h++) {
      out.add(h);
    }
    return out;
  }

  static List<Band> bands(Site.OpeningHours opening) {
    List<Band> out = new ArrayList<>();
    add(out, "morning", opening.opens(), NOON, opening);
    add(out, "midday", NOON, TWO, opening);
    add(out, "afternoon", TWO, opening.closes(), opening);
    return out;
  }

  private static void add(List<Band> out, String code, LocalTime from, LocalTime to, Site.OpeningHours opening) {
    LocalTime start = from.isBefore(opening.opens()) ? opening.opens() : from;
    LocalTime end = to.isAfter(opening.closes()) ? opening.closes() : to;
    if (start.isBefore(end)) {
      out.add(new Band(code, start, end));
    }
  }

  /**
   * One grid. {@code entries}: admitted entries keyed "weekday-hour" ("1-09", as the weekday-hour grouping keys
   * them); {@code openDays}: by ISO weekday, the days of the window the site was open.
   */
  static JsonObject grid(Map<String, Long> entries, Map<Integer, Long> openDays, Site.OpeningHours opening) {
    List<Integer> hours = hours(opening);
    List<DayOfWeek> days = opening.days().stream().sorted().toList();
    List<BigDecimal> all = new ArrayList<>();
    BigDecimal[][] averages = new BigDecimal[days.size()][hours.size()];
    for (int d = 0; d < days.size(); d++) {
      long open = openDays.getOrDefault(days.get(d).getValue(), 0L);
      for (int h = 0; h < hours.size(); h++) {
        if (open > 0) {
          long n = entries.getOrDefault(days.get(d).getValue() + "-" + "%02d".formatted(hours.get(h)), 0L);
          averages[d][h] = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(open), 1, RoundingMode.HALF_UP);
          all.add(averages[d][h]);
        }
      }
    }
    BigDecimal[] terciles = terciles(all);
    List<Band> bands = bands(opening);
    JsonArray out = new JsonArray();
    for (int d = 0; d < days.size(); d++) {
      JsonArray cells = new JsonArray();
      for (int h = 0; h < hours.size(); h++) {
        cells.add(cell(new JsonObject().put("hour", hours.get(h)), averages[d][h], terciles));
      }
      JsonArray bandCells = new JsonArray();
      for (Band band : bands) {
        bandCells.add(cell(new JsonObject().put("band", band.code()).put("from", band.from().toString())
            .put("to", band.to().toString()), bandAverage(hours, averages[d], band), terciles));
      }
      out.add(new JsonObject().put("weekday", days.get(d).getValue()).put("hours", cells).put("bands", bandCells));
    }
    JsonObject thresholds = terciles == null ? null
        : new JsonObject().put("quiet", terciles[0].doubleValue()).put("busy", terciles[1].doubleValue());
    return new JsonObject().put("thresholds", thresholds).put("days", out);
  }

  /** Nearest-rank first and second terciles of the slots' averages; null without any open day. */
  static BigDecimal[] terciles(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return new BigDecimal[]{sorted.get((n + 2) / 3 - 1), sorted.get((2 * n + 2) / 3 - 1)};
  }

  static Level level(BigDecimal average, BigDecimal[] terciles) {
    if (average.compareTo(terciles[0]) <= 0) {
      return Level.QUIET;
    }
    return average.compareTo(terciles[1]) <= 0 ? Level.BUSY : Level.VERY_BUSY;
  }

  private static JsonObject cell(JsonObject cell, BigDecimal average, BigDecimal[] terciles) {
    if (average == null) {
      return cell.putNull("average").putNull("level");
    }
    return cell.put("average", average.doubleValue()).put("level", level(average, terciles).code);
  }

  /** The mean of the band's hourly averages (an hour open in part counts as one slot). */
  private static BigDecimal bandAverage(List<Integer> hours, BigDecimal[] averages, Band band) {
    BigDecimal sum = BigDecimal.ZERO;
    int count = 0;
    for (int h = 0; h < hours.size(); h++) {
      LocalTime start = LocalTime.of(hours.get(h), 0);
      boolean inside = !start.isBefore(band.from().withMinute(0)) && start.isBefore(band.to());
      if (inside && averages[h] != null) {
        sum = sum.add(averages[h]);
        count++;
      }
    }
    return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
  }

  /** The levels in words, for the JSON's readers. */
  static JsonArray legend() {
    JsonArray out = new JsonArray();
    for (Level l : Level.values()) {
      out.add(new JsonObject().put("code", l.code).put("fr", l.fr).put("en", l.en));
    }
    return out;
  }
}
