package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.site.Site;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

/**
 * The words of the French CSV: a header per figure and grouping, keys a manager reads (service names, dates
 * 04/11/2026, weekdays, months), rates as percentages with one decimal. Words from {@code texts.properties}.
 */
final class CsvWords {
  /** Figures that are fractions 0–1 in the API and percentages in the French CSV. */
  static final Set<String> RATES = Set.of("rate", "absentRate");

  private final Site site;
  private final Templates texts = Templates.compile();
  private final String[] weekdays;
  private final String[] months;

  CsvWords(Site site) {
    this.site = site;
    this.weekdays = texts.text("csv.weekdays.fr").split(",");
    this.months = texts.text("csv.months.fr").split(",");
  }

  String keyHeader(String by) {
    return word("csv.by." + by, by);
  }

  String figure(String field) {
    return word("csv." + field, field);
  }

  String reason(String code) {
    return word("chart.reason." + code, code);
  }

  String totalRow() {
    return texts.text("csv.totalRow.fr");
  }

  /** A row's key as a French manager reads it; an unknown shape stays as it is. */
  String key(String by, String key) {
    try {
      return switch (by) {
        case "service" -> site.service(key).map(s -> s.name().fr()).orElse(key);
        case "day" -> {
          LocalDate d = LocalDate.parse(key);
          yield "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
        case "week" -> key.replace("-W", "-S");
        case "month" -> months[Integer.parseInt(key.substring(5, 7)) - 1] + " " + key.substring(0, 4);
        case "weekday" -> weekdays[Integer.parseInt(key) - 1];
        case "hour" -> key.length() == 2 ? key + "h" : key;
        case "weekday-hour" -> weekdays[Integer.parseInt(key.substring(0, 1)) - 1] + " " + key.substring(2) + "h";
        case "total" -> totalRow();
        default -> key;
      };
    } catch (RuntimeException e) {
      return key; // a key of a shape not foreseen is still worth exporting as it is
    }
  }

  /** A fraction as a percentage, one decimal: 0.1361 → 13.6. */
  static BigDecimal percent(Number fraction) {
    return BigDecimal.valueOf(fraction.doubleValue()).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
  }

  private String word(String key, String otherwise) {
    try {
      return texts.text(key + ".fr");
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }
}
