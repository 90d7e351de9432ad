package fr.prefecture.accueil.kiosk.admission;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a visitor reads them, the one format of the product (the kiosk's offline.js follows it):
 * French "mardi 2 décembre 2026", "10 h 20", "9 h 05" ("1er" for the first of the month); English
 * "Tuesday 2 December 2026", "10:20". Never ISO where a visitor reads.
 */
public final class VisitorTime {
  private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FR_WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
  private static final DateTimeFormatter FR_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private VisitorTime() {}

  public static String frenchDate(ZonedDateTime at) {
    int day = at.getDayOfMonth();
    return FR_WEEKDAY.format(at) + " " + (day == 1 ? "1er" : Integer.toString(day)) + " " + FR_MONTH_YEAR.format(at);
  }

  public static String frenchTime(ZonedDateTime at) {
    return FR_TIME.format(at);
  }

  public static String englishDate(ZonedDateTime at) {
    return EN_DATE.format(at);
  }

  public static String englishTime(ZonedDateTime at) {
    return EN_TIME.format(at);
  }
}
