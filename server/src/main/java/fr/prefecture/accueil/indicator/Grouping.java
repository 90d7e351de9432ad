package fr.prefecture.accueil.indicator;

import java.util.Optional;

/** How report rows are keyed: a stored column of the rollups and facts (or one total row). */
enum Grouping {
  SERVICE("service", "service"),
  DAY("day", "local_date"),
  WEEK("week", "week"),
  MONTH("month", "month"),
  WEEKDAY("weekday", "weekday"),
  HOUR("hour", Dialect.twoDigits("hour")),
  /** Weekday and hour, key "1-09" (Monday, 09:00-09:59): the no-show heat map. */
  WEEKDAY_HOUR("weekday-hour", "(weekday || '-' || " + Dialect.twoDigits("hour") + ")"),
  TOTAL("total", "'total'");

  final String code;
  final String key;

  Grouping(String code, String key) {
    this.code = code;
    this.key = key;
  }

  boolean needsHour() {
    return this == HOUR || this == WEEKDAY_HOUR;
  }

  /** Keys that mean the same in the previous period (a service, a weekday, an hour). */
  boolean periodFree() {
    return this == SERVICE || this == WEEKDAY || this == HOUR || this == WEEKDAY_HOUR || this == TOTAL;
  }

  static Optional<Grouping> of(String code) {
    for (Grouping g : values()) {
      if (g.code.equals(code)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
