package fr.prefecture.accueil.signage.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code affluence} layout « Quand venir ? / When to come »: the published busy hours as weekdays (rows) by a
 * few bands of the day (columns), each cell its level in words. Bands rather than the nine opening hours: three
 * words a row can be read from 5 metres at 48 px, nine cannot fit a screen's width.
 */
public record AffluenceView(List<String> bandCodes, List<Day> days) implements LayoutModel {

  /** One weekday: its name and the level of each band, in the order of {@link #bandCodes()}. */
  public record Day(String code, Text name, List<Level> levels) {
    public Day {
      levels = List.copyOf(levels);
    }
  }

  /** How busy a band is, in words. */
  public enum Level {
    QUIET("quiet"),
    BUSY("busy"),
    VERY_BUSY("very-busy"),
    UNMEASURED("unmeasured");

    private final String code;

    Level(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public Text words() {
      return Texts.get("affluence." + code);
    }

    /** The level of a published code; null (no measure) is {@link #UNMEASURED}. */
    public static Level fromCode(String code) {
      for (Level l : values()) {
        if (l.code.equals(code)) {
          return l;
        }
      }
      return UNMEASURED;
    }
  }

  public AffluenceView {
    bandCodes = bandCodes == null ? List.of() : List.copyOf(bandCodes);
    days = days == null ? List.of() : List.copyOf(days);
  }

  /** No measure at all (a new site): nothing to show. */
  public static AffluenceView none() {
    return new AffluenceView(List.of(), List.of());
  }

  /** The bands' names (morning, midday, afternoon), as columns. */
  public List<Text> bands() {
    return bandCodes.stream().map(code -> Texts.get("affluence." + code)).toList();
  }

  public Text title() {
    return Texts.get("affluence.title");
  }

  public Text period() {
    return Texts.get("affluence.period");
  }

  @Override
  public String layoutName() {
    return Layouts.AFFLUENCE;
  }

  @Override
  public boolean isEmpty() {
    return days.stream().allMatch(d -> d.levels().stream().allMatch(l -> l == Level.UNMEASURED));
  }

  @Override
  public Text readingText() {
    List<Text> all = new ArrayList<>(List.of(title(), period()));
    all.addAll(bands());
    days.forEach(d -> {
      all.add(d.name());
      d.levels().forEach(l -> all.add(l.words()));
    });
    return Text.join(all);
  }
}
