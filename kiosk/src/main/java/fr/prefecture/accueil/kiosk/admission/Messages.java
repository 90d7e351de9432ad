package fr.prefecture.accueil.kiosk.admission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** Gate texts from the kiosk's resource bundles, with times and dates written the French and English way. */
final class Messages {

  private static final String BUNDLE = "fr.prefecture.accueil.kiosk.messages";
  private static final ResourceBundle.Control STRICT = ResourceBundle.Control
      .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRENCH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FR_WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
  private static final DateTimeFormatter FR_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final ResourceBundle fr = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH, STRICT);
  private final ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, STRICT);
  private final ZoneId zone;

  Messages(ZoneId zone) {
    this.zone = zone;
  }

  /** The text for {@code key}; {@code {time}} and {@code {date}} stand for {@code when} in local time. */
  Message get(String key, Instant when) {
    String french = fr.getString(key);
    String english = en.getString(key);
    if (when != null) {
      ZonedDateTime local = when.atZone(zone);
      int day = local.getDayOfMonth();
      String frenchDate = FR_WEEKDAY.format(local) + " " + (day == 1 ? "1er" : Integer.toString(day))
          + " " + FR_MONTH_YEAR.format(local);
      french = french.replace("{time}", FR_TIME.format(local)).replace("{date}", frenchDate);
      english = english.replace("{time}", EN_TIME.format(local)).replace("{date}", EN_DATE.format(local));
    }
    return new Message(french, english);
  }
}
