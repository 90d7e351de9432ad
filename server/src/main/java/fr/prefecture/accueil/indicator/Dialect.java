package fr.prefecture.accueil.indicator;

/**
 * The indicators' SQL that is SQLite's own, in one place: calendar functions, the two-argument
 * scalar MAX/MIN (GREATEST/LEAST elsewhere), substr with a negative start, a list of days bound as
 * one JSON parameter (json_each; = ANY(array) on PostgreSQL). Everything else is portable SQL.
 */
final class Dialect {
  private Dialect() {}

  /** ISO week (2026-W13), month (2026-03) and weekday (1 = Monday ... 7 = Sunday) of a date column. */
  static String calendar(String dateColumn) {
    return "strftime('%G-W%V', " + dateColumn + ") AS week, substr(" + dateColumn + ", 1, 7) AS month, "
        + "((CAST(strftime('%w', " + dateColumn + ") AS INTEGER) + 6) % 7 + 1) AS weekday";
  }

  /** A number 0-99 as two digits: '07'. */
  static String twoDigits(String expression) {
    return "substr('0' || " + expression + ", -2)";
  }

  static String greatest(String a, String b) {
    return "MAX(" + a + ", " + b + ")";
  }

  static String least(String a, String b) {
    return "MIN(" + a + ", " + b + ")";
  }

  /** The column is one of the dates of a JSON array bound to the named parameter. */
  static String inDays(String column, String parameter) {
    return column + " IN (SELECT value FROM json_each(#{" + parameter + "}))";
  }
}
